import assert from "node:assert/strict";
import { test } from "node:test";
import { FINDINGS } from "../verify/findings-catalog.js";
import { findLab, LABS, labPath, requireLab } from "./catalog.js";
import { staleLabFiles } from "./generate-labs.js";
import { labTimes } from "./lab-clock.js";

test("there are at least 12 labs, each named once in kebab-case, each with a finding", () => {
  assert.ok(LABS.length >= 12, `only ${LABS.length} labs`);
  assert.equal(new Set(LABS.map((l) => l.name)).size, LABS.length);
  for (const lab of LABS) {
    assert.match(lab.name, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.ok(lab.expectedFindings.length > 0, lab.name);
    assert.deepEqual(lab.expectedFindings, [...new Set(lab.expectedFindings)].sort(), `${lab.name}: sorted, once each`);
    for (const code of lab.expectedFindings) assert.ok(code in FINDINGS, `${lab.name}: unknown ${code}`);
  }
});

test("the checked-in worlds/labs files and docs/labs.md are what the generator writes (npm run labs:generate)", () => {
  assert.deepEqual(staleLabFiles(), []);
});

test("labs are found by name; an unknown name lists the names", () => {
  assert.equal(findLab("no-vpn")?.name, "no-vpn");
  assert.equal(findLab("nope"), undefined);
  assert.throws(() => requireLab("nope"), /There is no lab 'nope': choose one of .*no-vpn/);
  assert.match(labPath("no-vpn"), /worlds\/labs\/no-vpn\.yaml$/);
});

test("a lab is verified an hour after it is applied, unless it is about the clock", () => {
  const { appliedAt, verifyAt } = labTimes(requireLab("no-vpn"));
  assert.equal(verifyAt.getTime() - appliedAt.getTime(), 60 * 60_000);
  const pending = labTimes(requireLab("association-pending"));
  assert.equal(pending.verifyAt.getTime() - pending.appliedAt.getTime(), 5 * 60_000);
});
