import assert from "node:assert/strict";
import { test } from "node:test";
import { queryFromClient } from "../src/dns/index.js";
import { LABS, labPath, labTimes } from "../src/labs/index.js";
import { verifyWorld } from "../src/verify/verify-world.js";
import { liveDns } from "./helpers/live-dns.js";

// STYLE.md §17: one conformance suite, two executions. For every lab (and the default world),
// every host × Arc name the verifier resolves is asked live, over real sockets, from that
// host's (or its proxy's) own address: the rcode and the addresses must be the verifier's.
const worlds = [
  { name: "default", path: "worlds/default.yaml", at: undefined as Date | undefined },
  ...LABS.map((lab) => ({ name: lab.name, path: labPath(lab.name), at: labTimes(lab).verifyAt })),
];

test("every lab: the live answer of every host × Arc name equals the verifier's prediction", async () => {
  let compared = 0;
  const mismatches: string[] = [];
  for (const w of worlds) {
    const live = await liveDns(w.path);
    try {
      const world = live.system.snapshot();
      const now = w.at ?? new Date();
      const report = verifyWorld(world, { now });
      const seen = new Set<string>();
      for (const row of report.verdicts) {
        const vantage = row.trace.resolveFrom;
        const predicted = row.trace.resolve?.value;
        if (!vantage || !predicted || (vantage.kind !== "host" && vantage.kind !== "proxy")) continue;
        const clientId = vantage.kind === "host" ? vantage.hostId : vantage.proxyId;
        const key = `${clientId}|${row.endpoint}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const got = await queryFromClient({
          world,
          table: live.table(),
          port: live.plane.port,
          clientId,
          name: row.endpoint,
          type: "A",
          now,
          timeoutMs: 1000,
        });
        const want = {
          rcode: predicted.rcode,
          addresses: predicted.answers.filter((a) => a.type === "A").map((a) => a.data),
        };
        compared++;
        if (got.rcode !== want.rcode || got.addresses.join() !== want.addresses.join()) {
          mismatches.push(
            `${w.name}: ${clientId.split("/").pop()} ${row.endpoint}: live ${got.rcode} ${got.addresses} ≠ verifier ${want.rcode} ${want.addresses}`,
          );
        }
      }
    } finally {
      await live.stop();
    }
  }
  assert.deepEqual(mismatches, []);
  assert.ok(compared > worlds.length * 3, `only ${compared} comparisons`);
  process.stdout.write(`# ${compared} host × name answers compared over ${worlds.length} worlds\n`);
});
