import type { AccessDecision } from "../../semantics/access/access-types.js";
import { decide, nextDecisionChange } from "../../semantics/access/decide.js";
import type { Connection } from "../../semantics/connect/index.js";
import type { System } from "../../system/index.js";
import { decideLive, type Observed } from "./live-connection.js";
import { WIRE_ACTIONS, type WireAction } from "./wire-actions.js";

export interface LiveDecision {
  connection: Connection;
  action: WireAction;
  /** The feed version it was made at. */
  version: number;
}

export interface Decider {
  /** The decision for an observed connection at the hub's current snapshot and time. */
  connection(seen: Observed): LiveDecision;
  /**
   * The scope's decision for the machine a credential names, on a connection that
   * arrived where `connection` says (a private endpoint, or a public address).
   */
  machine(machineId: string, connection: Connection): AccessDecision;
}

const observedKey = (s: Observed) =>
  `${s.sourceAddress}|${s.viaProxy?.proxyId ?? ""}|${s.viaProxy?.clientAddress ?? ""}|${s.destinationAddress}|${s.serverName}`;

/**
 * Decisions over the hub's snapshot, kept until the feed's version changes (a commit, a
 * clock move) or virtual time reaches the next instant a decision can change without a
 * commit (an association delay ending: `nextDecisionChange`; the connection pipeline reads
 * time only through `decide`). The cache is bounded by `maxEntries`.
 *
 * @example
 * const decider = createDecider({ system });
 * decider.connection({ sourceAddress, destinationAddress, serverName }).action // { kind: "serve" }
 */
export function createDecider({ system, maxEntries = 100_000 }: { system: System; maxEntries?: number }): Decider {
  let version = -1;
  /** Virtual ms at which the kept decisions expire (Infinity: only with the version). */
  let until = Number.POSITIVE_INFINITY;
  const connections = new Map<string, LiveDecision>();
  const machines = new Map<string, AccessDecision>();
  const fresh = () => {
    const now = system.now();
    if (system.version !== version || now.getTime() >= until || connections.size + machines.size > maxEntries) {
      connections.clear();
      machines.clear();
      version = system.version;
      until = nextDecisionChange(system.snapshot(), now)?.getTime() ?? Number.POSITIVE_INFINITY;
    }
    return now;
  };
  return {
    connection(seen) {
      const now = fresh();
      const key = observedKey(seen);
      const hit = connections.get(key);
      if (hit) return hit;
      const connection = decideLive(system.snapshot(), seen, now);
      const d = { connection, action: WIRE_ACTIONS[connection.outcome], version };
      connections.set(key, d);
      return d;
    },
    machine(machineId, connection) {
      const now = fresh();
      // Ids as given (a case variant only misses the cache): no lower-casing on the hot path.
      const key = `${machineId}|${connection.privateEndpointId ?? "public"}`;
      const hit = machines.get(key);
      if (hit) return hit;
      const d = decide(
        system.snapshot(),
        machineId,
        connection.privateEndpointId
          ? { kind: "private-endpoint", privateEndpointId: connection.privateEndpointId }
          : { kind: "public" },
        now,
      );
      machines.set(key, d);
      return d;
    },
  };
}
