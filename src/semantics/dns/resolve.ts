import type { World } from "../../world/world.js";
import { readVirtualNetwork } from "../model/network.js";
import { readClient, readDnsServer } from "../model/premises.js";
import { readInboundEndpoint } from "../model/private-dns.js";
import { canonicalName } from "../model/read-json.js";
import { askAddress } from "./ask-address.js";
import { resolveAtAzureDns } from "./azure-dns.js";
import type { DnsAnswer, Outcome, RecordType, Vantage } from "./dns-types.js";
import { type LookupContext, SERVFAIL, step } from "./lookup-context.js";
import { resolveAtPremisesServer } from "./premises-server.js";
import { resolvePublicly } from "./public-internet.js";
import { resolveAtAddress, resolveAtClient, resolveInVnet } from "./stub-resolver.js";

function fromVantage(ctx: LookupContext, vantage: Vantage, name: string, type: RecordType): Outcome {
  const unknown = (id: string) => {
    step(ctx, "unknown-vantage", id, name, `vantage ${vantage.kind} "${id}" is not in the world`);
    return SERVFAIL;
  };
  switch (vantage.kind) {
    case "host":
    case "proxy": {
      const id = vantage.kind === "host" ? vantage.hostId : vantage.proxyId;
      const client = readClient(ctx.world, id);
      return client && client.kind === vantage.kind ? resolveAtClient(ctx, client, name, type) : unknown(id);
    }
    case "dns-server": {
      const server = readDnsServer(ctx.world, vantage.dnsServerId);
      return server ? resolveAtPremisesServer(ctx, server, name, type, 1) : unknown(vantage.dnsServerId);
    }
    case "virtual-network": {
      const vnet = readVirtualNetwork(ctx.world, vantage.virtualNetworkId);
      return vnet ? resolveInVnet(ctx, vnet, name, type) : unknown(vantage.virtualNetworkId);
    }
    case "azure-dns":
      return readVirtualNetwork(ctx.world, vantage.virtualNetworkId)
        ? resolveAtAzureDns(ctx, vantage.virtualNetworkId, name, type, 1)
        : unknown(vantage.virtualNetworkId);
    case "resolver-inbound": {
      const ep = readInboundEndpoint(ctx.world, vantage.inboundEndpointId);
      return ep ? resolveAtAzureDns(ctx, ep.virtualNetworkId, name, type, 1) : unknown(vantage.inboundEndpointId);
    }
    case "address":
      return resolveAtAddress(ctx, vantage.address, vantage.dnsServers, name, type);
    case "public":
      return resolvePublicly(ctx, name, type, 1);
  }
}

/**
 * Resolves `name` as `vantage` would, over a world snapshot: the answer the live DNS
 * servers give and the verifier predicts, with every step in the trace.
 *
 * @example
 * resolve(world, { kind: "host", hostId }, "gbl.his.arc.azure.com", "A", now)
 * // → { rcode: "NOERROR", answers: [CNAME …privatelink…, A 10.10.1.4], trace: [...] }
 */
export function resolve(world: World, vantage: Vantage, name: string, type: RecordType, now: Date): DnsAnswer {
  const ctx: LookupContext = {
    world,
    now,
    trace: [],
    ask: (source, address, port, n, t, depth) => askAddress(ctx, source, address, port, n, t, depth),
  };
  const outcome = fromVantage(ctx, vantage, canonicalName(name), type);
  return { rcode: outcome.rcode, answers: outcome.answers, trace: ctx.trace };
}

/** The A records at the end of an answer's chain: the addresses a client would connect to. */
export function finalAddresses(answer: Pick<DnsAnswer, "answers">): string[] {
  return answer.answers.filter((r) => r.type === "A" || r.type === "AAAA").map((r) => r.data);
}
