import { type AccessDecision, type Arrival, decide } from "../semantics/access/index.js";
import { type AgentPlan, plan } from "../semantics/agent/index.js";
import { type DnsAnswer, resolve, type Vantage } from "../semantics/dns/index.js";
import { readClient, readPrivateEndpoint, SCOPE_TYPE } from "../semantics/model/index.js";
import {
  type Occupant,
  occupantsAt,
  type Place,
  type ReachResult,
  reach,
  type Source,
} from "../semantics/net/index.js";
import { parseId } from "../world/arm-id.js";
import type { World } from "../world/world.js";
import type { Shared } from "./verdict-types.js";

/**
 * The semantic functions a verdict composes, bound to one world and one instant. The
 * plain binding calls them straight; `memoCalls` (memo.ts) shares answers between rows
 * with the same inputs. Either way every answer comes from `semantics/`.
 */
export interface SemanticCalls {
  readonly world: World;
  readonly now: Date;
  plan(hostId: string, endpoint: string): AgentPlan;
  /** Resolves an A record from a host or proxy vantage. */
  resolve(vantage: Vantage, name: string): Shared<DnsAnswer>;
  /** TCP from a host or proxy; `requestedName` is what FQDN firewall rules see. */
  reach(fromId: string, address: string, port: number, requestedName?: string): Shared<ReachResult>;
  occupants(place: Place, address: string): readonly Occupant[];
  decide(machineId: string, arrival: Arrival): AccessDecision;
  /** The Arc private link scope a private endpoint connects to, if any. */
  scopeOf(privateEndpointId: string): string | undefined;
  /** The `machineId` of a host, if it has one. */
  machineOf(hostId: string): string | undefined;
}

/** The first connection target of a private endpoint that is an Arc private link scope id. */
export function arcScopeOf(world: World, privateEndpointId: string): string | undefined {
  const pe = readPrivateEndpoint(world, privateEndpointId);
  return pe?.privateLinkServiceIds.find((id) => parseId(id)?.type.toLowerCase() === SCOPE_TYPE.toLowerCase());
}

const vantageId = (v: Vantage): string => (v.kind === "host" ? v.hostId : v.kind === "proxy" ? v.proxyId : v.kind);

/**
 * Calls the semantics directly, with no sharing: what the live gateway uses for one
 * connection, and the reference the memoized binding is tested against.
 *
 * @example
 * endpointVerdict(plainCalls(world, now), hostId, "gbl.his.arc.azure.com");
 */
export function plainCalls(world: World, now: Date): SemanticCalls {
  return {
    world,
    now,
    plan: (hostId, endpoint) => plan(world, hostId, endpoint, now),
    resolve: (vantage, name) => ({ value: resolve(world, vantage, name, "A", now), computedFor: vantageId(vantage) }),
    reach: (fromId, address, port, requestedName) => {
      const source: Source = { kind: "premises", id: fromId };
      return { value: reach(world, source, address, port, "Tcp", now, { requestedName }), computedFor: fromId };
    },
    occupants: (place, address) => occupantsAt(world, place, address),
    decide: (machineId, arrival) => decide(world, machineId, arrival, now),
    scopeOf: (privateEndpointId) => arcScopeOf(world, privateEndpointId),
    machineOf: (hostId) => readClient(world, hostId)?.machineId,
  };
}
