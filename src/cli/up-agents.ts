import { readFileSync } from "node:fs";
import { startAgentRunner, systemAgentEnv } from "../agent/lifecycle/index.js";
import type { RunningSystem } from "../system/start-system.js";
import { UsageError } from "./exit-codes.js";

/**
 * `arclink up --agents`: every host onboarded in the data directory runs its agent in
 * this process (heartbeats over the live network), resuming from its saved state.
 */
export function startAgents(running: RunningSystem) {
  const fabric = running.fabric;
  const dns = running.dns;
  if (!fabric || !dns) throw new UsageError("Option --agents needs the live network: drop --no-dns and --no-gateway.");
  const env = systemAgentEnv({
    system: running.system,
    table: () => fabric.gateway.table(),
    ports: { dns: dns.port, https: fabric.port },
    ca: readFileSync(running.caPath, "utf8"),
    dataDir: running.dataDir,
  });
  // Every heartbeat is CPU in this process: more in flight adds latency (timeouts on a busy machine), not throughput.
  return startAgentRunner({ env, concurrency: 16 });
}
