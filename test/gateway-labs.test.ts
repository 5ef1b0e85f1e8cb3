import assert from "node:assert/strict";
import { test } from "node:test";
import { LAB_APPLIED_AT, LABS, labPath, labTimes } from "../src/labs/index.js";
import { verifyWorld } from "../src/verify/verify-world.js";
import { agentConnect, wireAgrees } from "./helpers/live-agent.js";
import { startLiveFabric } from "./helpers/live-fabric.js";

// STYLE.md §17: one conformance suite, two executions. For the default world and every lab,
// every host × endpoint row of the verifier is tried live, over real sockets, as the host's
// agent would (its plan, live DNS or its proxy, TLS with SNI from its own address): the live
// decision must be the verifier's verdict, and the wire must behave as that verdict says.
const worlds = [
  { name: "default", path: "worlds/default.yaml", advanceMs: 60 * 60_000 },
  ...LABS.map((lab) => ({
    name: lab.name,
    path: labPath(lab.name),
    advanceMs: labTimes(lab).verifyAt.getTime() - LAB_APPLIED_AT.getTime(),
  })),
];

test("every lab: each live connection outcome equals the verifier's prediction", { timeout: 600_000 }, async () => {
  let compared = 0;
  const mismatches: string[] = [];
  const wires = new Map<string, number>();
  for (const w of worlds) {
    const live = await startLiveFabric({
      worldPath: w.path,
      advanceMs: w.advanceMs,
      dns: true,
      limits: { dropHoldMs: 10_000 },
    });
    try {
      const report = verifyWorld(live.system.snapshot(), { now: live.system.now() });
      const rows = report.verdicts;
      for (let i = 0; i < rows.length; i += 8) {
        const batch = rows.slice(i, i + 8);
        const attempts = await Promise.all(batch.map((row) => agentConnect(live, row.hostId, row.endpoint)));
        batch.forEach((row, k) => {
          const got = attempts[k];
          compared++;
          wires.set(got.wire, (wires.get(got.wire) ?? 0) + 1);
          if (got.outcome !== row.verdict || !wireAgrees(got.outcome, got.wire)) {
            mismatches.push(
              `${w.name}: ${row.hostId.split("/").pop()} ${row.endpoint}: live ${got.outcome} (${got.wire}${got.detail ? ` ${got.detail}` : ""}) ≠ verifier ${row.verdict}`,
            );
          }
        });
      }
    } finally {
      await live.close();
    }
  }
  assert.deepEqual(mismatches, []);
  assert.ok(compared > worlds.length * 10, `only ${compared} comparisons`);
  process.stdout.write(
    `# ${compared} host × endpoint connections compared over ${worlds.length} worlds: ${JSON.stringify(Object.fromEntries(wires))}\n`,
  );
});
