import type { World } from "../../world/world.js";
import type { AccessDecision, Arrival } from "../access/access-types.js";
import { decide } from "../access/decide.js";
import { type AgentPlan, plan } from "../agent/plan.js";
import type { DnsAnswer, Vantage } from "../dns/dns-types.js";
import { resolve } from "../dns/resolve.js";
import { arcScopeOf } from "../model/arc-private-endpoint.js";
import { readClient } from "../model/premises.js";
import { type Occupant, occupantsAt } from "../net/occupant.js";
import { reach } from "../net/reach.js";
import type { Place, ReachResult, Source } from "../net/reach-types.js";
import { sourceLabel } from "../net/topology.js";
import type { Shared } from "./connect-types.js";

/**
 * The semantic functions a connection composes, bound to one world and one instant. The
 * plain binding calls them straight; the verifier's `memoCalls` shares answers between
 * connections with the same inputs. Either way every answer comes from `semantics/`.
 */
export interface ConnectCalls {
  readonly world: World;
  readonly now: Date;
  plan(hostId: string, endpoint: string): AgentPlan;
  /** Resolves an A record from a vantage. */
  resolve(vantage: Vantage, name: string): Shared<DnsAnswer>;
  /** TCP from a source; `requestedName` is what FQDN firewall rules see. */
  reach(from: Source, address: string, port: number, requestedName?: string): Shared<ReachResult>;
  occupants(place: Place, address: string): readonly Occupant[];
  decide(machineId: string, arrival: Arrival): AccessDecision;
  /** The Arc private link scope a private endpoint connects to, if any. */
  scopeOf(privateEndpointId: string): string | undefined;
  /** The `machineId` of a host, if it has one. */
  machineOf(hostId: string): string | undefined;
}

/** Whom an answer from a vantage was computed for. */
export const vantageLabel = (v: Vantage): string =>
  v.kind === "host" ? v.hostId : v.kind === "proxy" ? v.proxyId : v.kind === "address" ? v.address : v.kind;

/**
 * Calls the semantics directly, with no sharing: what a live plane uses for one
 * connection, and the reference the verifier's memoized binding is tested against.
 *
 * @example
 * connectWith(plainCalls(world, now), { kind: "host", hostId }, "gbl.his.arc.azure.com").outcome // "PRIVATE"
 */
export function plainCalls(world: World, now: Date): ConnectCalls {
  return {
    world,
    now,
    plan: (hostId, endpoint) => plan(world, hostId, endpoint, now),
    resolve: (vantage, name) => ({
      value: resolve(world, vantage, name, "A", now),
      computedFor: vantageLabel(vantage),
    }),
    reach: (from, address, port, requestedName) => ({
      value: reach(world, from, address, port, "Tcp", now, { requestedName }),
      computedFor: sourceLabel(from),
    }),
    occupants: (place, address) => occupantsAt(world, place, address),
    decide: (machineId, arrival) => decide(world, machineId, arrival, now),
    scopeOf: (privateEndpointId) => arcScopeOf(world, privateEndpointId),
    machineOf: (hostId) => readClient(world, hostId)?.machineId,
  };
}
