import { readDnsServer } from "../model/premises.js";
import type { Source } from "../net/reach-types.js";
import { sourceLabel } from "../net/topology.js";
import { resolveAtAzureDns } from "./azure-dns.js";
import { dnsListenerAt } from "./dns-listener.js";
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
  const heard = dnsListenerAt(ctx.world, source, address, ctx.now, port);
  if (!heard.answers) {
    step(
      ctx,
      heard.path.disposition === "DELIVERED" ? "no-dns-listener" : "server-unreachable",
      at,
      name,
      heard.detail,
    );
    return undefined;
  }
  const { listener } = heard;
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
  }
}
