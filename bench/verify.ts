// The verify benchmark: `arclink verify`'s full run (every host × every endpoint, world
// checks, findings) on generated worlds of 1,000, 10,000 and 100,000 hosts over 50 sites.
// Each size runs in its own child process so its peak RSS (getrusage maxRSS) is its own.
// Baselines from the same run: the time merely to iterate hosts × endpoints calling
// nothing, and the 1k run (growth ratios). Target: 100,000 hosts in < 5 s and < 1 GiB.
// Run: npm run bench:verify   (node --import tsx bench/verify.ts [--quick] [--sizes 1000,10000])
import { spawnSync } from "node:child_process";
import { agentEndpoints } from "../src/semantics/agent/index.js";
import { readClient } from "../src/semantics/model/index.js";
import { verifyWorld } from "../src/verify/index.js";
import { generateWorld } from "./lib/world-generator.js";

interface Measure {
  hosts: number;
  resources: number;
  generateMs: number;
  iterateMs: number;
  pairs: number;
  verifyMs: number;
  /** CPU time of the process during verify (all threads, GC helpers included). */
  verifyCpuMs: number;
  rows: number;
  findings: number;
  rssBeforeMiB: number;
  peakRssMiB: number;
}

const NOW = new Date("2026-01-01T01:00:00Z");
const MiB = 1024 * 1024;

/** One size, in this process: build the world, time the baseline, then time verify. */
function measure(hosts: number): Measure {
  let t = performance.now();
  const { world, hostIds, resources } = generateWorld({ hosts });
  const generateMs = performance.now() - t;
  // Baseline: walk every host × endpoint pair, reading the host and naming the endpoint, nothing more.
  t = performance.now();
  const endpoints = agentEndpoints("westeurope");
  let pairs = 0;
  for (const id of hostIds) {
    const host = readClient(world, id);
    for (const e of endpoints) if (host && e.probeName.length > 0) pairs++;
  }
  const iterateMs = performance.now() - t;
  const rssBefore = process.memoryUsage().rss;
  t = performance.now();
  const cpu = process.cpuUsage();
  const result = verifyWorld(world, { now: NOW });
  const verifyMs = performance.now() - t;
  const used = process.cpuUsage(cpu);
  return {
    hosts,
    resources,
    generateMs,
    iterateMs,
    pairs,
    verifyMs,
    verifyCpuMs: (used.user + used.system) / 1000,
    rows: result.verdicts.length,
    findings: result.findings.length,
    rssBeforeMiB: rssBefore / MiB,
    peakRssMiB: (process.resourceUsage().maxRSS * 1024) / MiB,
  };
}

const childAt = process.argv.indexOf("--child");
if (childAt > 0) {
  process.stdout.write(`${JSON.stringify(measure(Number(process.argv[childAt + 1])))}\n`);
  process.exit(0);
}

const sizesArg = process.argv[process.argv.indexOf("--sizes") + 1];
const sizes = process.argv.includes("--sizes")
  ? sizesArg.split(",").map(Number)
  : process.argv.includes("--quick")
    ? [1000, 10_000]
    : [1000, 10_000, 100_000];
const results: Measure[] = [];
for (const n of sizes) {
  const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1], "--child", String(n)], {
    encoding: "utf8",
    maxBuffer: 16 * MiB,
  });
  if (child.status !== 0) {
    process.stderr.write(child.stderr);
    process.exit(child.status ?? 1);
  }
  const m = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as Measure;
  results.push(m);
  process.stderr.write(`${n} hosts: verify ${m.verifyMs.toFixed(0)} ms, peak RSS ${m.peakRssMiB.toFixed(0)} MiB\n`);
}

const base = results[0];
const fmt = (n: number) => n.toLocaleString("en-US");
const lines = [
  `verify on generated worlds (50 sites), node ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
  "",
  "| hosts | resources | host × endpoint rows | findings | verify (full run, wall) | CPU | growth: time ratio (host ratio) | µs per row | baseline: iterate pairs | verify ÷ baseline | RSS before verify | peak RSS | target |",
  "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
  ...results.map((m) =>
    [
      "",
      fmt(m.hosts),
      fmt(m.resources),
      fmt(m.rows),
      fmt(m.findings),
      `${m.verifyMs.toFixed(0)} ms`,
      `${m.verifyCpuMs.toFixed(0)} ms`,
      `${(m.verifyMs / base.verifyMs).toFixed(1)}× (${fmt(m.hosts / base.hosts)}×)`,
      ((m.verifyMs * 1000) / Math.max(1, m.rows)).toFixed(1),
      `${m.iterateMs.toFixed(1)} ms (${fmt(m.pairs)} pairs)`,
      `${(m.verifyMs / Math.max(0.001, m.iterateMs)).toFixed(0)}×`,
      `${m.rssBeforeMiB.toFixed(0)} MiB`,
      `${m.peakRssMiB.toFixed(0)} MiB`,
      m.hosts === 100_000 ? `< 5 s and < 1 GiB: ${m.verifyMs < 5000 && m.peakRssMiB < 1024 ? "met" : "missed"}` : "",
      "",
    ]
      .join(" | ")
      .trim(),
  ),
];
process.stdout.write(`${lines.join("\n")}\n`);
