import { readDnsServer } from "../model/premises.js";
import { occupantsAt } from "../net/occupant.js";
import { reach } from "../net/reach.js";
import type { Source } from "../net/reach-types.js";
import { sourceLabel } from "../net/topology.js";
import { resolveAtAzureDns } from "./azure-dns.js";
import type { Outcome, RecordType } from "./dns-types.js";
import { type LookupContext, step } from "./lookup-context.js";
import { resolveAtPremisesServer } from "./premises-server.js";
import { resolvePublicly } from "./public-internet.js";

/**
 * Sends a query from `source` to a DNS server at `address:port`: the packet must be
 * delivered (`reach` on UDP), and something that speaks DNS must listen where it lands.
 * 168.63.129.16 answers only from inside Azure; from a site it goes to the internet,
 * where nothing answers it. Undefined means no answer (a timeout).
 */
export function askAddress(
  ctx: LookupContext,
  source: Source,
  address: string,
  port: number,
  name: string,
  type: RecordType,
  depth: number,
): Outcome | undefined {
  const at = sourceLabel(source);
  const path = reach(ctx.world, source, address, port, "Udp", ctx.now);
  if (path.disposition !== "DELIVERED" || !path.place) {
    step(
      ctx,
      "server-unreachable",
      at,
      name,
      `DNS server ${address}:${port} is not reachable: ${path.disposition} (${path.trace.at(-1)?.detail})`,
    );
    return undefined;
  }
  const listener =
    port === 53
      ? occupantsAt(ctx.world, path.place, address).find(
          (o) =>
            o.kind !== "host" && o.kind !== "proxy" && o.kind !== "private-endpoint" && o.kind !== "public-address",
        )
      : undefined;
  if (!listener) {
    step(ctx, "no-dns-listener", at, name, `nothing answers DNS at ${address}:${port}`);
    return undefined;
  }
  step(
    ctx,
    "query-server",
    at,
    name,
    `asks ${address}:${port} (${listener.kind}${"id" in listener ? ` "${listener.id}"` : ""})`,
  );
  switch (listener.kind) {
    case "dns-server": {
      const server = readDnsServer(ctx.world, listener.id);
      return server ? resolveAtPremisesServer(ctx, server, name, type, depth) : undefined;
    }
    case "resolver-inbound":
    case "azure-dns":
      return resolveAtAzureDns(ctx, listener.virtualNetworkId, name, type, depth);
    case "public-dns":
      return resolvePublicly(ctx, name, type, depth);
    default:
      return undefined;
  }
}
