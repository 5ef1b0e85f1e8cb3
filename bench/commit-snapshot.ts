// The cost of one commit and its snapshot in a large world (issue 7's measure): a machine
// PATCH through the hub (engine, rules, SQLite transaction, new structurally shared
// snapshot, feed entry) and the snapshot step alone, in a world of 200,000 resources,
// against the full-copy snapshot the store took before (MapWorld.apply + snapshot()) in
// the same run. Run: npm run bench:commit   (add --quick for 20,000 resources)
import { performance } from "node:perf_hooks";
import { openSystem } from "../src/system/index.js";
import { MapWorld, type Resource, SnapshotWorld } from "../src/world/index.js";

const quick = process.argv.includes("--quick");
const RESOURCES = Number(process.env.BENCH_RESOURCES ?? (quick ? 20_000 : 200_000));
const ROUNDS = quick ? 50 : 200;
const SUB = "00000000-0000-0000-0000-000000000000";
const RG = `/subscriptions/${SUB}/resourceGroups/bench`;
const MACHINE = (i: number) => `${RG}/providers/Microsoft.HybridCompute/machines/m${i}`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.99)];
const fmt = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`);

const system = openSystem({ memory: true });
system.put(RG, { location: "westeurope" });
const template = system.put(MACHINE(0), { location: "westeurope", properties: {} });
const machines: Resource[] = [];
for (let i = 1; i < RESOURCES - 1; i++) {
  machines.push({ ...structuredClone(template), id: MACHINE(i), name: `m${i}` });
}
const t0 = performance.now();
system.commit({ puts: machines, deletes: [] });
const loadMs = performance.now() - t0;
console.log(`world: ${system.snapshot().size} resources (bulk commit ${fmt(loadMs)})`);

let feedEntries = 0;
system.subscribe(() => feedEntries++);
const patchTimes: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  const id = MACHINE(1 + ((i * 7919) % (RESOURCES - 2)));
  const start = performance.now();
  system.patch(id, { tags: { round: String(i) } });
  system.snapshot();
  patchTimes.push(performance.now() - start);
}

// The snapshot step alone: the new structurally shared snapshot vs the old full copy.
const changed = (i: number): Resource => ({ ...machines[i], tags: { round: String(i) } });
let shared = SnapshotWorld.of(system.snapshot().all());
const sharedTimes: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  const start = performance.now();
  shared = shared.with({ puts: [changed(i)], deletes: [] });
  sharedTimes.push(performance.now() - start);
}
const copying = new MapWorld(system.snapshot().all());
copying.snapshot();
const copyTimes: number[] = [];
const copyRounds = Math.min(ROUNDS, 20);
for (let i = 0; i < copyRounds; i++) {
  const start = performance.now();
  copying.apply({ puts: [changed(i)], deletes: [] });
  copying.snapshot();
  copyTimes.push(performance.now() - start);
}

const rows = [
  ["machine PATCH through the hub + new snapshot", patchTimes],
  ["snapshot step alone: structurally shared (SnapshotWorld.with)", sharedTimes],
  ["baseline: full-copy snapshot (MapWorld.apply + snapshot)", copyTimes],
] as const;
console.log(`| measure (${system.snapshot().size.toLocaleString("en")} resources) | median | p99 | rounds |`);
console.log("|---|---:|---:|---:|");
for (const [name, xs] of rows) console.log(`| ${name} | ${fmt(median(xs))} | ${fmt(p99(xs))} | ${xs.length} |`);
console.log(
  `full copy ÷ shared (median): ${(median(copyTimes) / median(sharedTimes)).toFixed(0)}×; feed entries: ${feedEntries}`,
);
system.close();
