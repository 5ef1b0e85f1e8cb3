import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { HEARTBEAT_INTERVAL_MS } from "../../semantics/agent/machine-status.js";
import { type AgentStateStore, agentStateStore } from "../state/index.js";
import { closeKeptAlive } from "../wire/https-call.js";
import type { AgentEnv } from "./agent-env.js";
import { beat } from "./heartbeat.js";

export interface RunnerStats {
  agents: number;
  beats: number;
  errors: number;
  /** The last few failures, newest last. */
  recentErrors: string[];
}

/** The hosts whose agent is connected in a data directory (their `agents/*\/state.json`). */
export function onboardedHosts(dataDir: string): string[] {
  const root = join(dataDir, "agents");
  if (!existsSync(root)) return [];
  const out: string[] = [];
  for (const dir of readdirSync(root)) {
    const path = join(root, dir, "state.json");
    if (!existsSync(path)) continue;
    try {
      const state = JSON.parse(readFileSync(path, "utf8")) as { status?: string; hostId?: string };
      if (state.status === "Connected" && state.hostId) out.push(state.hostId);
    } catch {
      // a damaged state file: that agent is not onboarded
    }
  }
  return out;
}

/**
 * The heartbeat loop of one or many agents in one process (`arclink agent run`,
 * `arclink up --agents`): every `tickMs` of real time, each connected agent whose last
 * heartbeat is 5 virtual minutes old [DOC-NET] sends one, at most `concurrency` at a
 * time; the virtual clock's scale sets the real pace. State lives in the data
 * directory, so a restart resumes where it stopped. `hosts` (default: every onboarded
 * host of the data directory, rescanned every `rescanTicks`) picks the agents.
 *
 * @example
 * const runner = startAgentRunner({ env }); … runner.stats(); await runner.stop();
 */
export function startAgentRunner({
  env,
  hosts,
  tickMs = 1000,
  concurrency = 64,
  rescanTicks = 10,
  onBeat,
}: {
  env: AgentEnv;
  hosts?: readonly string[];
  tickMs?: number;
  concurrency?: number;
  rescanTicks?: number;
  onBeat?: (hostId: string, result: Awaited<ReturnType<typeof beat>>) => void;
}) {
  const agents = new Map<string, { store: AgentStateStore; busy: boolean; last?: number }>();
  const stats: RunnerStats = { agents: 0, beats: 0, errors: 0, recentErrors: [] };
  let ticks = 0;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  function rescan() {
    for (const hostId of hosts ?? onboardedHosts(env.dataDir)) {
      if (agents.has(hostId)) continue;
      const store = agentStateStore(env.dataDir, hostId);
      const last = store.load()?.lastHeartbeat;
      agents.set(hostId, { store, busy: false, last: last ? Date.parse(last) : undefined });
    }
    stats.agents = agents.size;
  }

  async function tick() {
    await env.refresh?.();
    if (ticks++ % rescanTicks === 0) rescan();
    const now = env.now().getTime();
    const due = [...agents.entries()].filter(
      ([, a]) => !a.busy && (a.last === undefined || now - a.last >= HEARTBEAT_INTERVAL_MS),
    );
    let next = 0;
    const worker = async () => {
      while (!stopped && next < due.length) {
        const [hostId, a] = due[next++];
        a.busy = true;
        try {
          const r = await beat(env, a.store);
          stats.beats++;
          if (r.ok) a.last = now;
          else {
            stats.errors++;
            stats.recentErrors = [...stats.recentErrors, `${hostId}: ${r.error}`].slice(-10);
            a.last = now; // retry at the next interval, as the agent does
          }
          onBeat?.(hostId, r);
        } catch (error) {
          stats.errors++;
          stats.recentErrors = [...stats.recentErrors, `${hostId}: ${(error as Error).message}`].slice(-10);
          a.last = now;
        } finally {
          a.busy = false;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, due.length) }, worker));
  }

  const timer = setInterval(() => {
    running = running.then(tick);
  }, tickMs);
  running = running.then(tick);

  return {
    stats: (): RunnerStats => ({ ...stats, recentErrors: [...stats.recentErrors] }),
    /** Resolves when the ticks started so far are done. */
    settled: () => running,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      closeKeptAlive();
    },
  };
}
