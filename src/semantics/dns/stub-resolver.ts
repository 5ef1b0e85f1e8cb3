import type { VirtualNetwork } from "../model/network.js";
import type { PremisesClient } from "../model/premises.js";
import { AZURE_DNS_ADDRESS } from "../net/cidr.js";
import type { Source } from "../net/reach-types.js";
import type { Outcome, RecordType } from "./dns-types.js";
import { lookupHostsFile, parseHostsFile } from "./hosts-file.js";
import { type LookupContext, SERVFAIL, step } from "./lookup-context.js";

/** Asks servers in order; the first that answers with anything but SERVFAIL wins (docs/premises.md). */
function askInOrder(
  ctx: LookupContext,
  at: string,
  source: Source,
  servers: readonly string[],
  name: string,
  type: RecordType,
): Outcome {
  for (const address of servers) {
    const outcome = ctx.ask(source, address, 53, name, type, 1);
    if (!outcome) continue;
    if (outcome.rcode !== "SERVFAIL") return outcome;
    step(ctx, "server-failed", at, name, `${address} answered SERVFAIL; trying the next server`);
  }
  step(
    ctx,
    "no-server-answered",
    at,
    name,
    servers.length ? "no DNS server answered" : "no DNS servers are configured",
  );
  return SERVFAIL;
}

/** A host or proxy: hosts file first (hosts only, A/AAAA), then its DNS servers in order. */
export function resolveAtClient(ctx: LookupContext, client: PremisesClient, name: string, type: RecordType): Outcome {
  if (client.hostsFile && (type === "A" || type === "AAAA")) {
    const hits = lookupHostsFile(parseHostsFile(client.hostsFile), name, type);
    if (hits.length > 0) {
      step(
        ctx,
        "hosts-file",
        client.id,
        name,
        `hosts file (${client.os ?? "os unknown"}) line ${hits.map((h) => h.line).join(", ")} gives ${hits.map((h) => h.address).join(", ")}`,
      );
      return { rcode: "NOERROR", answers: hits.map((h) => ({ name, type, ttl: 0, data: h.address })) };
    }
  }
  return askInOrder(ctx, client.id, { kind: "premises", id: client.id }, client.dnsServers, name, type);
}

/** A VM in a vnet: the vnet's custom DNS servers, else Azure-provided DNS [DOC-PDNS]. */
export function resolveInVnet(ctx: LookupContext, vnet: VirtualNetwork, name: string, type: RecordType): Outcome {
  const servers = vnet.dnsServers.length > 0 ? vnet.dnsServers : [AZURE_DNS_ADDRESS];
  return askInOrder(ctx, vnet.id, { kind: "virtual-network", virtualNetworkId: vnet.id }, servers, name, type);
}

/** A client known only by its address: its DNS servers in order, from where it stands. */
export function resolveAtAddress(
  ctx: LookupContext,
  address: string,
  dnsServers: readonly string[],
  name: string,
  type: RecordType,
): Outcome {
  return askInOrder(ctx, address, { kind: "address", address }, dnsServers, name, type);
}
