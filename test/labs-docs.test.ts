import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { LABS, PREVENTED_AT_WRITE_TIME } from "../src/labs/index.js";

const doc = readFileSync(new URL("../docs/labs.md", import.meta.url), "utf8");
const sections = [...doc.matchAll(/^## `([a-z0-9-]+)`/gm)].map((m) => m[1]);

test("docs/labs.md has one section per lab, in catalogue order, and no other lab sections", () => {
  assert.deepEqual(
    sections,
    LABS.map((l) => l.name),
  );
});

test("each lab's section names its expected findings and has what-is-wrong, verifier and fix parts", () => {
  for (const lab of LABS) {
    const start = doc.indexOf(`## \`${lab.name}\``);
    const end = doc.indexOf("\n## ", start + 1);
    const section = doc.slice(start, end === -1 ? undefined : end);
    for (const code of lab.expectedFindings) assert.ok(section.includes(code), `${lab.name}: ${code} missing`);
    for (const part of ["**What is wrong.**", "**What the verifier says.**", "**Fix.**"]) {
      assert.ok(section.includes(part), `${lab.name}: ${part} missing`);
    }
  }
});

test("docs/labs.md lists the mistakes the API prevents at write time", () => {
  for (const p of PREVENTED_AT_WRITE_TIME) assert.ok(doc.includes(p.mistake), p.mistake);
});
