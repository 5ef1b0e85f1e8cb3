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
  /** The latest a heartbeat started after it was due (virtual ms; 0 when every one was on time). */
  maxLateMs: number;
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
 * heartbeat is 5 virtual minutes old [DOC-NET] joins a queue that at most `concurrency`
 * heartbeats drain at a time (a slow one delays no other); the virtual clock's scale
 * sets the real pace. An agent resuming with a recent heartbeat keeps its phase; the
 * ones due at start are spread over `jitterMs` of real time (default 5 ms per agent, at
 * most 5 s), so a thousand agents do not handshake at once. State lives in the data
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
  concurrency = 16,
  rescanTicks = 10,
  jitterMs,
  onBeat,
}: {
  env: AgentEnv;
  hosts?: readonly string[];
  tickMs?: number;
  concurrency?: number;
  rescanTicks?: number;
  /** Real time over which the agents due at start are spread. */
  jitterMs?: number;
  onBeat?: (hostId: string, result: Awaited<ReturnType<typeof beat>>) => void;
}) {
  interface Agent {
    store: AgentStateStore;
    /** Queued or in flight. */
    busy: boolean;
    /** Virtual time of the last heartbeat (accepted or failed). */
    last?: number;
    /** Real time before which the first heartbeat waits (jitter). */
    notBefore: number;
  }
  const agents = new Map<string, Agent>();
  const stats: RunnerStats = { agents: 0, beats: 0, errors: 0, recentErrors: [], maxLateMs: 0 };
  const queue: [string, Agent][] = [];
  const inFlight = new Set<Promise<void>>();
  let ticks = 0;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  function rescan() {
    const found = (hosts ?? onboardedHosts(env.dataDir)).filter((h) => !agents.has(h));
    const spread = jitterMs ?? Math.min(5000, 5 * found.length);
    const now = env.now().getTime();
    for (const hostId of found) {
      const store = agentStateStore(env.dataDir, hostId);
      const saved = store.load()?.lastHeartbeat;
      const last = saved ? Date.parse(saved) : undefined;
      const due = last === undefined || now - last >= HEARTBEAT_INTERVAL_MS;
      agents.set(hostId, { store, busy: false, last, notBefore: Date.now() + (due ? Math.random() * spread : 0) });
    }
    stats.agents = agents.size;
  }

  function fail(hostId: string, error: string) {
    stats.errors++;
    stats.recentErrors = [...stats.recentErrors, `${hostId}: ${error}`].slice(-10);
  }

  async function run(hostId: string, a: Agent) {
    const started = env.now().getTime();
    if (a.last !== undefined) stats.maxLateMs = Math.max(stats.maxLateMs, started - a.last - HEARTBEAT_INTERVAL_MS);
    try {
      const r = await beat(env, a.store);
      stats.beats++;
      if (!r.ok) fail(hostId, r.error ?? "failed");
      onBeat?.(hostId, r);
    } catch (error) {
      fail(hostId, (error as Error).message);
    } finally {
      a.last = started; // a failure is retried at the next interval, as the agent does
      a.busy = false;
    }
  }

  function pump() {
    while (!stopped && inFlight.size < concurrency && queue.length > 0) {
      const [hostId, a] = queue.shift() as [string, Agent];
      const p: Promise<void> = run(hostId, a).finally(() => {
        inFlight.delete(p);
        pump();
      });
      inFlight.add(p);
    }
  }

  async function tick() {
    await env.refresh?.();
    if (ticks++ % rescanTicks === 0) rescan();
    const now = env.now().getTime();
    const real = Date.now();
    for (const [hostId, a] of agents) {
      if (a.busy || real < a.notBefore) continue;
      if (a.last !== undefined && now - a.last < HEARTBEAT_INTERVAL_MS) continue;
      a.busy = true;
      queue.push([hostId, a]);
    }
    pump();
  }

  const timer = setInterval(() => {
    running = running.then(tick);
  }, tickMs);
  running = running.then(tick);

  return {
    stats: (): RunnerStats => ({ ...stats, recentErrors: [...stats.recentErrors] }),
    /** Resolves when the ticks started so far and the heartbeats in flight are done. */
    settled: async () => {
      await running;
      await Promise.all([...inFlight]);
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      queue.length = 0;
      await Promise.all([...inFlight]);
      closeKeptAlive();
    },
  };
}
