// 1,000 agents heartbeating for a minute at time scale 60 (issue 12's measure), as
// `arclink up --agents` runs them: one process with the hub, the live DNS servers, the
// gateway and the agents' runner. A generated world: the default world plus N hosts on
// hq, each with agent 1.45 and a machine associated with the scope, onboarded (state and
// key in the data directory). Every heartbeat is real: a DNS query from the host's
// address to dc01 (forwarded to the resolver), a TLS connection to the private endpoint,
// the machine's credential, the scope's decision, the status keeper.
// Baseline in the same command: the same process for the same minute with no agents.
// Run: npm run bench:agents   (BENCH_AGENTS=200 for a quicker run; BENCH_SECONDS=60)
import { readFileSync, rmSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { startAgentRunner, systemAgentEnv } from "../src/agent/lifecycle/index.js";
import { agentStateStore } from "../src/agent/state/index.js";
import { DEFAULT_SUBSCRIPTION_ID } from "../src/system/index.js";
import { addBenchMachines, SCOPE, startBenchSystem } from "./lib/bench-machines.js";

const AGENTS = Number(process.env.BENCH_AGENTS ?? 1000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const SCALE = 60;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const { running, data } = await startBenchSystem("arclink-bench-agents-");
const { system } = running;

// The generated hosts and their machines, onboarded as connect leaves them.
const t0 = Date.now();
const machines = addBenchMachines(system, AGENTS);
for (const m of machines) {
  const store = agentStateStore(data, m.hostId);
  store.saveKey(m.privateKey);
  store.save({
    status: "Connected",
    hostId: m.hostId,
    machineId: m.machineId,
    resourceName: m.name,
    resourceGroup: "arc-pl",
    subscriptionId: DEFAULT_SUBSCRIPTION_ID,
    tenantId: running.tenantId,
    location: "westeurope",
    vmId: m.vmId,
    privateLinkScope: SCOPE,
    cloud: "AzureCloud",
    connectedAt: system.now().toISOString(),
  });
}
await running.dns?.settled();
await new Promise((r) => setTimeout(r, 2000));
console.log(`world: ${system.snapshot().size} resources, ${AGENTS} agents onboarded (${Date.now() - t0} ms)`);

const fabric = running.fabric;
const dns = running.dns;
if (!fabric || !dns) throw new Error("the live planes did not start");

const connectedNow = () =>
  system
    .snapshot()
    .ofType("Microsoft.HybridCompute/machines")
    .filter((m) => m.name.startsWith("bench") && m.properties.status === "Connected").length;

const minute = async (withAgents: boolean) => {
  global.gc?.();
  const mem0 = process.memoryUsage();
  const cpu0 = process.cpuUsage();
  const start = Date.now();
  const env = systemAgentEnv({
    system,
    table: () => fabric.gateway.table(),
    ports: { dns: dns.port, https: fabric.port },
    ca: readFileSync(running.caPath, "utf8"),
    dataDir: data,
    timeoutMs: 10_000,
  });
  const runner = withAgents ? startAgentRunner({ env, concurrency: CONCURRENCY }) : undefined;
  let peakRss = mem0.rss;
  // Status moves of the bench machines during the minute, and the fewest Connected at once
  // after the first round (one heartbeat interval: 5 real seconds at scale 60).
  const moves = { Connected: 0, Disconnected: 0, commits: 0 };
  const stopFeed = system.subscribe(({ cause, changes }) => {
    if (cause !== "commit") return;
    moves.commits++;
    for (const r of changes.puts)
      if (r.name.startsWith("bench") && r.type.endsWith("machines")) {
        const status = String(r.properties.status);
        if (status === "Connected" || status === "Disconnected") moves[status]++;
      }
  });
  let minConnected = Number.POSITIVE_INFINITY;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    if (withAgents && Date.now() - start > 6000) minConnected = Math.min(minConnected, connectedNow());
  }, 500);
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  await runner?.stop();
  clearInterval(sampler);
  stopFeed();
  const cpu = process.cpuUsage(cpu0);
  const elapsed = (Date.now() - start) / 1000;
  return {
    moves,
    minConnected,
    stats: runner?.stats(),
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    elapsed,
    rssPeakDeltaMb: (peakRss - mem0.rss) / 2 ** 20,
    heapDeltaMb: (process.memoryUsage().heapUsed - mem0.heapUsed) / 2 ** 20,
  };
};

const idle = await minute(false);
const busy = await minute(true);
const connected = connectedNow();
const s = busy.stats;
const beats = s?.beats ?? 0;
const cpuMs = (busy.cpuSeconds - idle.cpuSeconds) * 1000;
const owed = (AGENTS * SECONDS * SCALE) / (5 * 60);
const rows: [string, string, string][] = [
  [
    "heartbeats",
    `${beats} in ${busy.elapsed.toFixed(0)} s (${(beats / busy.elapsed).toFixed(0)}/s)`,
    `≈ ${owed.toFixed(0)} owed (${AGENTS} agents × one per 5 virtual minutes)`,
  ],
  ["errors", String(s?.errors ?? 0), "0"],
  [
    "latest heartbeat after it was due",
    `${((s?.maxLateMs ?? 0) / 60_000).toFixed(1)} virtual min`,
    "< 10 (Disconnected at 15)",
  ],
  [
    "machines Connected",
    `${connected}/${AGENTS} at the end; fewest after the first round ${busy.minConnected}`,
    `${AGENTS}/${AGENTS} throughout`,
  ],
  [
    "status commits in the minute",
    `${busy.moves.commits} (→Connected ${busy.moves.Connected}, →Disconnected ${busy.moves.Disconnected})`,
    `first round only`,
  ],
  [
    "CPU",
    `${busy.cpuSeconds.toFixed(1)} s (${(busy.cpuSeconds / busy.elapsed).toFixed(2)} cores); baseline ${idle.cpuSeconds.toFixed(1)} s`,
    "–",
  ],
  ["CPU per heartbeat (agent + DNS + gateway)", `${(cpuMs / Math.max(1, beats)).toFixed(2)} ms`, "–"],
  ["CPU per agent per minute", `${(cpuMs / AGENTS / (busy.elapsed / 60)).toFixed(1)} ms`, "–"],
  [
    "memory per agent",
    `${((busy.rssPeakDeltaMb * 1024) / AGENTS).toFixed(0)} KB (peak RSS +${busy.rssPeakDeltaMb.toFixed(0)} MB, heap +${busy.heapDeltaMb.toFixed(0)} MB)`,
    "–",
  ],
];
console.log(
  `\n${AGENTS} agents at time scale ${SCALE}, concurrency ${CONCURRENCY}, ${SECONDS} s; load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")} (${cpus().length} cores)`,
);
console.log("| measure | measured | target |\n|---|---|---|");
for (const r of rows) console.log(`| ${r.join(" | ")} |`);
if (process.env.BENCH_DEBUG) {
  const counts = new Map<string, number>();
  for (const e of fabric.audit.recent()) {
    const k = `${e.kind} ${e.outcome ?? ""} ${e.status ?? ""} ${e.kind === "bad-input" ? e.reason : ""}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  console.log([...counts].map(([k, n]) => `${n} ${k}`).join("\n"));
}
if (s?.recentErrors.length) console.log(`recent errors:\n  ${s.recentErrors.join("\n  ")}`);
await running.stop();
rmSync(data, { recursive: true, force: true });
process.exit(0);
