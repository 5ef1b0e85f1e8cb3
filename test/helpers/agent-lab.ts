import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type AgentEnv, systemAgentEnv } from "../../src/agent/lifecycle/index.js";
import { closeKeptAlive } from "../../src/agent/wire/index.js";
import { DEFAULT_SUBSCRIPTION_ID } from "../../src/system/index.js";
import { parseWorld } from "../../src/world-file/index.js";
import { testPort } from "./live-fabric.js";
import { startTestSystem, type TestSystem } from "./system.js";

export interface AgentLab {
  running: TestSystem;
  env: AgentEnv;
  data: string;
  /** The running system's service principal, as azcmagent's flags. */
  sp: { servicePrincipalId: string; servicePrincipalSecret: string; tenantId: string; subscriptionId: string };
  close(): Promise<void>;
}

/**
 * Replaces the running system's world with a world file (reset, apply), its associations
 * backdated past the delay (see `startAgentLab`), and waits for the live planes to follow.
 */
export async function loadWorldInto(running: TestSystem, worldPath: string, backdate = true): Promise<void> {
  running.system.reset();
  const report = running.system.apply(parseWorld(readFileSync(worldPath, "utf8"), worldPath, DEFAULT_SUBSCRIPTION_ID));
  if (report.errors.length > 0) throw new Error(`${worldPath}: ${JSON.stringify(report.errors[0])}`);
  if (backdate) {
    const past = new Date(Date.now() - 16 * 60_000).toISOString();
    running.system.commit({
      puts: running.system
        .snapshot()
        .ofType("Microsoft.HybridCompute/machines")
        .filter((m) => m.internal?.privateLinkScopeAssociatedAt)
        .map((m) => ({ ...m, internal: { ...m.internal, privateLinkScopeAssociatedAt: past } })),
      deletes: [],
    });
  }
  await running.dns?.settled();
  const fabric = running.fabric;
  // The feed opens the listeners of the applied world.
  for (let i = 0; i < 100 && fabric && fabric.gateway.listening().length < 5; i++)
    await new Promise((r) => setTimeout(r, 20));
  await new Promise((r) => setTimeout(r, 100));
}

/**
 * A running system (ARM, live DNS, gateway, proxies) on a world file, with an agent
 * environment over it. The world's associations are backdated past the 15-minute delay
 * rather than the clock advanced: the ARM front issues tokens at virtual time and checks
 * them at real time, so a clock ahead of real time makes its tokens "not yet valid".
 */
export async function startAgentLab(worldPath: string): Promise<AgentLab> {
  const data = mkdtempSync(join(tmpdir(), "arclink-agent-"));
  const running = await startTestSystem({
    dns: { port: testPort() },
    fabric: { port: testPort(), limits: { dropHoldMs: 2000 } },
  });
  await loadWorldInto(running, worldPath);
  const fabric = running.fabric;
  const dns = running.dns;
  if (!fabric || !dns) throw new Error("the live planes did not start");
  const env = systemAgentEnv({
    system: running.system,
    table: () => fabric.gateway.table(),
    ports: { dns: dns.port, https: fabric.port },
    ca: readFileSync(running.caPath, "utf8"),
    dataDir: data,
    timeoutMs: 1500,
  });
  return {
    running,
    env,
    data,
    sp: {
      servicePrincipalId: running.servicePrincipal.clientId,
      servicePrincipalSecret: running.servicePrincipal.secret,
      tenantId: running.tenantId,
      subscriptionId: running.subscriptionId,
    },
    async close() {
      closeKeptAlive();
      await running.stop();
      rmSync(data, { recursive: true, force: true });
    },
  };
}
