import type { RealizationTable } from "../../fabric/addresses/index.js";
import type { System } from "../../system/index.js";
import { AzcmError } from "../azcm/index.js";
import { type AgentEnv, putBody } from "./agent-env.js";

/**
 * An agent environment over the hub in this process (`arclink up --agents`, tests): the
 * hub's snapshot and clock, the live planes' realization table, host changes through
 * `system.put` (the same engine and rules as ARM).
 *
 * @example
 * const env = systemAgentEnv({ system, table: () => fabric.gateway.table(), ports: { dns: 53, https: 443 }, ca, dataDir });
 */
export function systemAgentEnv({
  system,
  table,
  ports,
  ca,
  dataDir,
  timeoutMs = 3000,
  newKeyPair,
}: {
  system: System;
  /** The live planes' realization table (the gateway's or the DNS plane's). */
  table: () => RealizationTable;
  ports: { dns: number; https: number };
  ca: string;
  dataDir: string;
  timeoutMs?: number;
  newKeyPair?: AgentEnv["newKeyPair"];
}): AgentEnv {
  return {
    world: () => system.snapshot(),
    now: () => system.now(),
    table,
    ports,
    ca,
    dataDir,
    timeoutMs,
    newKeyPair,
    async updateHost(hostId, change) {
      const r = system.snapshot().get(hostId);
      if (!r) throw new AzcmError("AZCM0069", `Host "${hostId}" does not exist in the world.`);
      try {
        system.put(r.id, putBody(r, change({ ...r.properties })));
      } catch (error) {
        throw new AzcmError("AZCM0069", `The host's configuration could not be updated: ${(error as Error).message}`);
      }
    },
  };
}
