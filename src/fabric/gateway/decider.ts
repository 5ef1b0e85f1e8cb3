import type { AccessDecision } from "../../semantics/access/access-types.js";
import { decide } from "../../semantics/access/decide.js";
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
 * Decisions over the hub's snapshot, cached until the feed's version changes (a commit,
 * a clock move) or `ttlMs` of real time passes (virtual time runs between versions: an
 * association delay ends without a commit). The cache is bounded by `maxEntries`.
 *
 * @example
 * const decider = createDecider({ system });
 * decider.connection({ sourceAddress, destinationAddress, serverName }).action // { kind: "serve" }
 */
export function createDecider({
  system,
  ttlMs = 1000,
  maxEntries = 100_000,
}: {
  system: System;
  ttlMs?: number;
  maxEntries?: number;
}): Decider {
  let version = -1;
  const connections = new Map<string, { d: LiveDecision; at: number }>();
  const machines = new Map<string, { d: AccessDecision; at: number }>();
  const fresh = () => {
    if (system.version !== version || connections.size + machines.size > maxEntries) {
      connections.clear();
      machines.clear();
      version = system.version;
    }
  };
  return {
    connection(seen) {
      fresh();
      const key = observedKey(seen);
      const hit = connections.get(key);
      const t = Date.now();
      if (hit && t - hit.at < ttlMs) return hit.d;
      const connection = decideLive(system.snapshot(), seen, system.now());
      const d = { connection, action: WIRE_ACTIONS[connection.outcome], version };
      connections.set(key, { d, at: t });
      return d;
    },
    machine(machineId, connection) {
      fresh();
      const key = `${machineId.toLowerCase()}|${connection.privateEndpointId ?? "public"}`;
      const hit = machines.get(key);
      const t = Date.now();
      if (hit && t - hit.at < ttlMs) return hit.d;
      const d = decide(
        system.snapshot(),
        machineId,
        connection.privateEndpointId
          ? { kind: "private-endpoint", privateEndpointId: connection.privateEndpointId }
          : { kind: "public" },
        system.now(),
      );
      machines.set(key, { d, at: t });
      return d;
    },
  };
}
