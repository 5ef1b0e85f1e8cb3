// The labs conformance suite (STYLE.md §17): every lab is a valid world — it applies
// through the ARM handlers exactly as `arclink apply` would — and the verifier finds its
// mistake: every expected finding code, no code that neither the lab expects nor the
// default world already has, and the expected verdict rows. The default world has no
// error findings.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { before, describe, test } from "node:test";
import {
  type AppliedLab,
  applyAtLabTime,
  applyLab,
  BASE_WORLD_PATH,
  defaultWorldVerifyAt,
  LABS,
  LabWorld,
  PREVENTED_AT_WRITE_TIME,
  renderWorld,
  tryApplyAtLabTime,
} from "../src/labs/index.js";
import { type VerifyReport, verifyWorld } from "../src/verify/index.js";

const codesOf = (r: VerifyReport) => new Set(r.findings.map((f) => f.code));
let base: VerifyReport;

before(async () => {
  const { world } = await applyAtLabTime(BASE_WORLD_PATH);
  base = verifyWorld(world, { now: defaultWorldVerifyAt() });
});

test("the default world applies cleanly and has no error findings", () => {
  const errors = base.findings.filter((f) => f.severity === "error").map((f) => `${f.code}: ${f.message}`);
  assert.deepEqual(errors.slice(0, 5), [], `${errors.length} error finding(s) in worlds/default.yaml`);
});

for (const lab of LABS) {
  describe(`lab ${lab.name}`, () => {
    let applied: AppliedLab;
    let report: VerifyReport;
    before(async () => {
      applied = await applyLab(lab.name);
      report = verifyWorld(applied.world, { now: applied.now });
    });

    test("applies cleanly through the ARM handlers", () => {
      assert.deepEqual(applied.report.errors, []);
      assert.ok(applied.report.applied > 0);
    });

    test(`the verifier reports ${lab.expectedFindings.join(", ")} and nothing the default world lacks`, () => {
      const codes = codesOf(report);
      const baseCodes = codesOf(base);
      assert.deepEqual(
        lab.expectedFindings.filter((c) => !codes.has(c)),
        [],
        "expected findings missing",
      );
      assert.deepEqual(
        [...codes].filter((c) => !lab.expectedFindings.includes(c) && !baseCodes.has(c)).sort(),
        [],
        "unexpected findings",
      );
    });

    test("the verdict table shows the mistake", () => {
      const rows = lab.expectedVerdicts.map((e) => {
        const row = report.verdicts.find(
          (v) => v.hostId.split("/").at(-1)?.toLowerCase() === e.host && v.endpoint === e.endpoint,
        );
        return { host: e.host, endpoint: e.endpoint, verdict: row?.verdict ?? "(no row)" };
      });
      assert.deepEqual(rows, lab.expectedVerdicts);
    });
  });
}

for (const p of PREVENTED_AT_WRITE_TIME) {
  test(`prevented at write time: ${p.mistake} (${p.errorCode})`, async () => {
    const world = LabWorld.parse(readFileSync(BASE_WORLD_PATH, "utf8"), "default.yaml");
    p.patch(world);
    const { report } = await tryApplyAtLabTime(renderWorld(world), "prevented.yaml");
    assert.equal(report.applied, 0);
    assert.deepEqual(
      report.errors.filter((e) => e.code !== "DependencyFailed").map((e) => e.code),
      [p.errorCode],
    );
  });
}
