// `verify --before A --after B`: rows matched by their key (host, endpoint), batfish
// TableDiff style (STYLE.md §10).
import assert from "node:assert/strict";
import { test } from "node:test";
import { ARC_IDS } from "../src/semantics/testing/index.js";
import { diffFindings, diffVerdicts } from "../src/verify/diff.js";
import { verifyWorld } from "../src/verify/verify-world.js";
import { CASES, NOW, world } from "./verify-worlds.js";

const run = (w = world()) => verifyWorld(w, { now: NOW });

test("the same world twice changes nothing", () => {
  const a = run();
  assert.deepEqual(diffVerdicts(a.verdicts, run().verdicts), []);
  assert.deepEqual(diffFindings(a.findings, run().findings), { introduced: [], resolved: [] });
});

test("dropping the conditional forwarders changes exactly the four Arc rows, PRIVATE → REFUSED_PUBLIC_ACCESS_DISABLED", () => {
  const before = run();
  const after = run(CASES["ARC-ACCESS-PUBLIC-DISABLED"].world());
  const changes = diffVerdicts(before.verdicts, after.verdicts);
  assert.deepEqual(
    changes.map((c) => `${c.endpoint} ${c.change} ${c.before?.verdict} → ${c.after?.verdict}`),
    [
      "gbl.his.arc.azure.com changed PRIVATE → REFUSED_PUBLIC_ACCESS_DISABLED",
      "weu.his.arc.azure.com changed PRIVATE → REFUSED_PUBLIC_ACCESS_DISABLED",
      "agentserviceapi.guestconfiguration.azure.com changed PRIVATE → REFUSED_PUBLIC_ACCESS_DISABLED",
      "westeurope-gas.guestconfiguration.azure.com changed PRIVATE → REFUSED_PUBLIC_ACCESS_DISABLED",
    ],
  );
  assert.ok(changes.every((c) => c.hostId === ARC_IDS.host));
  const f = diffFindings(before.findings, after.findings);
  // The root cause first, then its symptoms.
  assert.deepEqual([...new Set(f.introduced.map((x) => x.code))], ["ARC-DNS-PUBLIC", "ARC-ACCESS-PUBLIC-DISABLED"]);
  assert.deepEqual(f.resolved, []);
});

test("a host added after is 'added'; the reverse diff says 'removed'; rows match by key, not position", () => {
  const before = run();
  const after = run(CASES["ARC-ACCESS-NOT-ASSOCIATED"].world());
  const added = diffVerdicts(before.verdicts, after.verdicts);
  assert.ok(added.length > 0 && added.every((c) => c.change === "added" && c.hostId.endsWith("/web2")));
  const removed = diffVerdicts(after.verdicts, before.verdicts);
  assert.ok(removed.length === added.length && removed.every((c) => c.change === "removed"));
  assert.deepEqual(diffVerdicts([...before.verdicts].reverse(), before.verdicts), []);
});
