import type { AddressEntity } from "../../fabric/addresses/index.js";
import { type AgentPlan, plan } from "../../semantics/agent/plan.js";
import { type CallResult, httpsCall, keptAliveOpen } from "../wire/https-call.js";
import { lookupFromHost, type NameLookup } from "../wire/name-lookup.js";
import { realizeFor } from "../wire/realized-address.js";
import { type AgentEnv, hostRealized, installedHost } from "./agent-env.js";

const SERVED = (e: AddressEntity) => e.kind === "private-endpoint" || e.kind === "public-address";

/** The last dial of a kept-alive call per host and name: the world it was made in, what DNS said, where it went. */
const dials = new Map<string, { world: unknown; lookup: NameLookup; address: string; realized: string }>();

export interface EndpointCall {
  name: string;
  plan: AgentPlan;
  /** How the name was resolved on the host (direct routes only: behind a proxy, the proxy resolves). */
  lookup?: NameLookup;
  /** The world address connected to (direct), when DNS gave one. */
  address?: string;
  proxy?: string;
  result: CallResult;
}

/**
 * One request of the agent on `hostId` to `name`, over the live network, as its plan
 * says (`semantics/agent/plan`: proxy.url or HTTPS_PROXY, proxy.bypass, version gates):
 * direct — resolve on the host (hosts file, its DNS servers over the wire), connect from
 * the host's realized address to the address DNS gave; or through the site proxy (HTTP
 * CONNECT), which resolves and connects on the agent's behalf [DOC-PROXY].
 *
 * @example
 * (await callEndpoint(env, hostId, "gbl.his.arc.azure.com", { path: "/" })).result.status
 */
export async function callEndpoint(
  env: AgentEnv,
  hostId: string,
  name: string,
  request: { path: string; method?: string; headers?: Record<string, string>; body?: string; keepAlive?: boolean },
): Promise<EndpointCall> {
  const world = env.world();
  const host = installedHost(env, hostId);
  const from = hostRealized(env, host);
  const p = plan(world, hostId, name, env.now());
  const common = { ...request, name: name.toLowerCase(), localAddress: from, ca: env.ca, timeoutMs: env.timeoutMs };
  if (p.result !== "PLANNED") return { name, plan: p, result: { kind: "error", tls: false, error: p.message } };
  if (p.route.kind === "proxy") {
    const proxy = `${p.route.host}:${p.route.port}`;
    const realized = realizeFor(env.table(), p.route.host, host.siteId, (e) => e.kind === "proxy");
    if (!realized)
      return { name, plan: p, proxy, result: { kind: "timeout", tls: false, error: `no route to the proxy ${proxy}` } };
    const result = await httpsCall({
      ...common,
      via: { kind: "proxy", address: realized, port: p.route.port, targetPort: 443 },
    });
    return { name, plan: p, proxy: p.route.url, result };
  }
  // A kept-alive connection is reused without a new lookup, as Go's HTTP client does (it
  // resolves when it dials), while the world it was dialed in stands: any change of the
  // world (the host's DNS servers, a zone, an address) dials afresh.
  const dialKey = `${hostId.toLowerCase()}|${name.toLowerCase()}`;
  const dialed = request.keepAlive ? dials.get(dialKey) : undefined;
  if (
    dialed &&
    dialed.world === world &&
    keptAliveOpen({ localAddress: from, name: common.name, via: { address: dialed.realized, port: env.ports.https } })
  ) {
    const result = await httpsCall({
      ...common,
      via: { kind: "direct", address: dialed.realized, port: env.ports.https },
    });
    return { name, plan: p, lookup: dialed.lookup, address: dialed.address, result };
  }
  const lookup = await lookupFromHost({
    host,
    table: env.table(),
    from,
    dnsPort: env.ports.dns,
    name,
    timeoutMs: env.timeoutMs,
  });
  const address = lookup.addresses[0];
  if (!address) {
    const why =
      lookup.rcode === "TIMEOUT"
        ? `no DNS server answered (${lookup.tried.join("; ") || "none configured"})`
        : `DNS answered ${lookup.rcode}`;
    return { name, plan: p, lookup, result: { kind: "error", tls: false, error: `lookup ${name}: ${why}` } };
  }
  const realized = realizeFor(env.table(), address, host.siteId, SERVED);
  if (!realized)
    return {
      name,
      plan: p,
      lookup,
      address,
      result: { kind: "timeout", tls: false, error: `dial tcp ${address}:443: no route` },
    };
  const result = await httpsCall({ ...common, via: { kind: "direct", address: realized, port: env.ports.https } });
  if (request.keepAlive) {
    if (dials.size > 100_000) dials.clear();
    dials.set(dialKey, { world, lookup, address, realized });
  }
  return { name, plan: p, lookup, address, result };
}
