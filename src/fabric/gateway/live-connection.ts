import { plan as agentPlan, directPlan } from "../../semantics/agent/plan.js";
import {
  type Connection,
  type ConnectSource,
  connectSourceOf,
  connectWith,
  plainCalls,
} from "../../semantics/connect/index.js";
import { finalAddresses } from "../../semantics/dns/resolve.js";
import { readClient } from "../../semantics/model/premises.js";
import type { World } from "../../world/world.js";

/** What the live fabric saw of one connection, in world addresses. */
export interface Observed {
  /** The world address the connection came from (the realized source address, reversed). */
  sourceAddress: string;
  /** Set when it came through a site proxy of the fabric: the proxy, and the client that asked it. */
  viaProxy?: { proxyId: string; clientAddress: string };
  /** The world address it was delivered to (the realized destination address, reversed). */
  destinationAddress: string;
  /** The name the client asked for (SNI). */
  serverName: string;
}

/**
 * The semantics' decision for a live connection: `connect` from the host behind the
 * source address (or the anonymous address) to the name, over the snapshot at `now`,
 * with two facts the wire states instead of the agent's plan: the route the client took
 * (direct, or through the proxy it used) and the address it connected to (its own
 * resolution: live DNS, a hosts file, or `curl --resolve`). Every verdict still comes
 * from `semantics/`; when the client did what its agent would, this is exactly the
 * verifier's row.
 *
 * @example
 * decideLive(world, { sourceAddress: "192.168.1.10", destinationAddress: "10.10.1.4", serverName: "gbl.his.arc.azure.com" }, now).outcome // "PRIVATE"
 */
export function decideLive(world: World, seen: Observed, now: Date): Connection {
  const client = seen.viaProxy ? connectSourceOf(world, seen.viaProxy.clientAddress) : undefined;
  // Through a proxy, a client that is no world host is an anonymous source at the proxy.
  const source: ConnectSource = client?.kind === "host" ? client : connectSourceOf(world, seen.sourceAddress);
  const plain = plainCalls(world, now);
  const live = seen.viaProxy ? `through proxy "${seen.viaProxy.proxyId}"` : "direct";
  return connectWith(
    {
      ...plain,
      plan(hostId, endpoint) {
        const p = agentPlan(world, hostId, endpoint, now);
        // A live client that is not the agent (curl, a script) has no agent gates.
        const planned = p.result === "PLANNED" ? p : directPlan(endpoint, `live client on "${hostId}"`);
        const route = planned.route;
        const sameRoute = seen.viaProxy
          ? route.kind === "proxy" && route.proxyId?.toLowerCase() === seen.viaProxy.proxyId.toLowerCase()
          : route.kind === "direct";
        if (sameRoute) return planned;
        const proxy = seen.viaProxy;
        return {
          ...planned,
          route: proxy
            ? {
                kind: "proxy",
                url: `http://${seen.sourceAddress}:${readClient(world, proxy.proxyId)?.port ?? 3128}`,
                host: seen.sourceAddress,
                port: readClient(world, proxy.proxyId)?.port ?? 3128,
                source: "HTTPS_PROXY",
                proxyId: proxy.proxyId,
              }
            : { kind: "direct" },
          resolveFrom: proxy ? { kind: "proxy", proxyId: proxy.proxyId } : undefined,
          trace: [...planned.trace, { kind: "route", detail: `live: the client connected ${live}` }],
        };
      },
      resolve(vantage, name) {
        const answer = plain.resolve(vantage, name);
        if (finalAddresses(answer.value)[0] === seen.destinationAddress) return answer;
        // The client connected to an address its DNS did not give: the wire wins.
        return {
          computedFor: answer.computedFor,
          value: {
            rcode: "NOERROR",
            answers: [{ name: name.toLowerCase(), type: "A", ttl: 0, data: seen.destinationAddress }],
            trace: [
              ...answer.value.trace,
              {
                kind: "hosts-file",
                at: "live client",
                name: name.toLowerCase(),
                detail: `the client connected to ${seen.destinationAddress} by its own resolution (DNS here: ${
                  finalAddresses(answer.value)[0] ?? answer.value.rcode
                })`,
              },
            ],
          },
        };
      },
    },
    source,
    seen.serverName,
  );
}
