// Issue 11's measure: 1,000 machines heartbeating concurrently for a minute against the
// gateway of a running system (bench/lib/heartbeat-server.ts: hub, live DNS, gateway, status
// keeper; time scale 60, so one heartbeat per machine every 5 real seconds, 200/s), driven by
// simulated clients in a separate process (bench/lib/heartbeat-clients.ts: plain HTTPS, each
// from its host's realized address with the machine's real credential). Baseline in the same
// command: the same clients against a bare node:https server (same leaf, same address and
// port) answering fixed bodies. Reports heartbeats/s, errors, latency, the server's CPU and
// its RSS per connected machine (RSS with every machine connected and beating, less RSS
// before the clients came).
// Run: npm run bench:heartbeats   (BENCH_MACHINES=200, BENCH_SECONDS=20 for a quicker run;
// BENCH_PROFILE=<dir> for the system's CPU profile)
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { createInterface, type Interface } from "node:readline";

const MACHINES = Number(process.env.BENCH_MACHINES ?? 1000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const INTERVAL_MS = Number(process.env.BENCH_INTERVAL_MS ?? 5000); // 5 virtual minutes at scale 60
const tsx = ["--import", "tsx"];

/** A child printing JSON lines; `next()` is the next line parsed. */
function child(args: string[], stdin = false) {
  const proc = spawn(process.execPath, args, { stdio: [stdin ? "pipe" : "ignore", "pipe", "inherit"] });
  const lines: Interface = createInterface({ input: proc.stdout as NodeJS.ReadableStream });
  const queue: string[] = [];
  const waiting: ((l: string) => void)[] = [];
  lines.on("line", (l) => {
    const w = waiting.shift();
    if (w) w(l);
    else queue.push(l);
  });
  const next = () =>
    new Promise<Record<string, any>>((resolve) => {
      const l = queue.shift();
      if (l !== undefined) resolve(JSON.parse(l));
      else waiting.push((x) => resolve(JSON.parse(x)));
    });
  return { proc, next };
}

/** RSS (bytes) and CPU (seconds, user + system) of a process, from /proc. */
function usage(pid: number) {
  const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) * 1024;
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return { rss, cpu: (Number(stat[11]) + Number(stat[12])) / 100 };
}

async function drive(server: ChildProcess, file: string, address: string, port: number) {
  const pid = server.pid ?? 0;
  await new Promise((r) => setTimeout(r, 2000));
  const idle = usage(pid);
  const clients = child([
    ...tsx,
    "bench/lib/heartbeat-clients.ts",
    file,
    address,
    String(port),
    String(SECONDS),
    String(INTERVAL_MS),
  ]);
  let peak = idle.rss;
  const sampler = setInterval(() => (peak = Math.max(peak, usage(pid).rss)), 250);
  const onboard = await clients.next();
  const beating = usage(pid);
  const done = await clients.next();
  const after = usage(pid);
  clearInterval(sampler);
  return {
    onboard,
    done,
    cpu: after.cpu - beating.cpu,
    rssIdle: idle.rss,
    perMachineKb: (Math.max(peak, after.rss) - idle.rss) / 1024 / MACHINES,
  };
}

const load0 = loadavg();
// BENCH_PROFILE=<dir> writes the system's CPU profile there (node --cpu-prof).
const profile = process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
const system = child([...profile, ...tsx, "bench/lib/heartbeat-server.ts", String(MACHINES)], true);
const ready = await system.next();
const setup = JSON.parse(readFileSync(ready.file, "utf8"));
const { address, port } = setup.target;
console.log(`system up: ${MACHINES} machines; ${setup.name} → ${setup.target.world} (realized ${address}:${port})`);
const arclink = await drive(system.proc, ready.file, address, port);
system.proc.stdin?.write("stats\n");
const stats = await system.next();
system.proc.stdin?.write("stop\n");
await new Promise((r) => system.proc.once("exit", r));

const bare = child(["bench/lib/bare-heartbeat-server.mjs", ready.file, address, String(port)]);
await bare.next();
const baseline = await drive(bare.proc, ready.file, address, port);
bare.proc.kill("SIGINT");

const row = (label: string, r: typeof arclink, extra: string) =>
  `| ${label} | ${r.done.beats} (${(r.done.beats / r.done.elapsed).toFixed(0)}/s) | ${r.done.errors}${r.done.errors ? ` ${JSON.stringify(r.done.errorKinds).slice(0, 200)}` : ""} | ${r.done.p50.toFixed(1)} / ${r.done.p99.toFixed(1)} / ${r.done.max.toFixed(0)} ms | ${r.cpu.toFixed(1)} s (${(r.cpu / r.done.elapsed).toFixed(2)} cores, ${((r.cpu * 1000) / Math.max(1, r.done.beats)).toFixed(2)} ms per heartbeat) | ${r.perMachineKb.toFixed(0)} KB | ${r.onboard.tokens}/${MACHINES} in ${(r.onboard.onboardMs / 1000).toFixed(1)} s | ${extra} |`;
console.log(
  `\n${MACHINES} machines, one heartbeat each every ${INTERVAL_MS} ms (5 virtual minutes at time scale 60) for ${SECONDS} s; ` +
    `load average ${load0.map((l) => l.toFixed(2)).join(" ")} at start, ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")} at end (${cpus().length} cores)`,
);
console.log(
  "| server | heartbeats | errors | latency p50 / p99 / max | server CPU while beating | server RSS per connected machine | onboarding (tokens) | machines Connected |",
);
console.log("|---|---|---|---|---|---|---|---|");
console.log(
  row(
    "arclink gateway (hub, DNS, gateway, status keeper)",
    arclink,
    `${stats.connected}/${MACHINES} (${stats.commits} commits)`,
  ),
);
console.log(row("bare node:https, fixed bodies (baseline)", baseline, "–"));
process.exit(0);
