import assert from "node:assert/strict";
import { test } from "node:test";
import { applyAtLabTime, LABS, labPath, labTimes } from "../src/labs/index.js";
import { changesDns, resolve } from "../src/semantics/dns/index.js";
import { MACHINE_TYPE } from "../src/semantics/model/hybrid-compute.js";
import { worldOf } from "../src/semantics/testing/index.js";
import { verifyWorld } from "../src/verify/verify-world.js";

// The DNS plane keeps its answers across a commit that `changesDns` calls blind (a heartbeat's
// status change): that holds only if no answer reads those resources. Every lab, with its
// machines and without them, must resolve every host × Arc name the verifier asks the same way.
const worlds = [
  { name: "default", path: "worlds/default.yaml", at: new Date("2026-01-01T01:00:00Z") },
  ...LABS.map((lab) => ({ name: lab.name, path: labPath(lab.name), at: labTimes(lab).verifyAt })),
];

test("no DNS answer of any lab reads an Arc machine", async () => {
  let compared = 0;
  for (const w of worlds) {
    const { world } = await applyAtLabTime(w.path);
    const machines = world.ofType(MACHINE_TYPE);
    const without = worldOf(world.all().filter((r) => r.type.toLowerCase() !== MACHINE_TYPE.toLowerCase()));
    const seen = new Set<string>();
    for (const row of verifyWorld(world, { now: w.at }).verdicts) {
      const vantage = row.trace.resolveFrom;
      if (!vantage || !row.trace.resolve) continue;
      const key = `${JSON.stringify(vantage)}|${row.endpoint}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const withMachines = resolve(world, vantage, row.endpoint, "A", w.at);
      assert.deepEqual(resolve(without, vantage, row.endpoint, "A", w.at), withMachines, `${w.name}: ${key}`);
      compared++;
    }
    if (machines.length > 0) {
      assert.equal(changesDns({ puts: [machines[0]], deletes: [machines[0].id] }), false);
    }
  }
  assert.ok(compared > worlds.length * 3, `only ${compared} comparisons`);
});

test("a commit touching anything DNS may read changes DNS", async () => {
  const { world } = await applyAtLabTime("worlds/default.yaml");
  for (const r of world.all()) {
    if (r.type.toLowerCase() === MACHINE_TYPE.toLowerCase()) continue;
    assert.equal(changesDns({ puts: [r], deletes: [] }), true, r.type);
    assert.equal(changesDns({ puts: [], deletes: [r.id] }), true, r.type);
  }
  assert.equal(changesDns({ puts: [], deletes: ["not an id"] }), true);
});
