import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { FINDING_CODES, FINDINGS } from "./findings-catalog.js";

const docs = readFileSync(new URL("../../docs/verify.md", import.meta.url), "utf8");
const readme = readFileSync(new URL("./README.md", import.meta.url), "utf8");
const codesIn = (text: string) => new Set([...text.matchAll(/`(ARC-[A-Z0-9-]+)`/g)].map((m) => m[1]));

test("every code is ARC-…, upper case, once, with severity, rule, source and fix", () => {
  assert.equal(new Set(FINDING_CODES).size, FINDING_CODES.length);
  for (const code of FINDING_CODES) {
    const f = FINDINGS[code];
    assert.match(code, /^ARC-[A-Z0-9]+(-[A-Z0-9]+)+$/);
    assert.ok(["error", "warning", "info"].includes(f.severity));
    for (const field of [f.title, f.rule, f.fix]) assert.ok(field.length > 10, `${code}: ${field}`);
    assert.match(f.source, /^(DOC|SPEC|EX|facts|docs\/premises\.md|POL)/, `${code} source`);
  }
});

test("docs/verify.md lists the same codes, with the same severity, both ways", () => {
  assert.deepEqual([...codesIn(docs)].sort(), [...FINDING_CODES].sort());
  for (const code of FINDING_CODES) {
    assert.ok(docs.includes(`| \`${code}\` | ${FINDINGS[code].severity} |`), `${code} row in docs/verify.md`);
  }
});

test("the README names every finding with its rule's source", () => {
  assert.deepEqual([...codesIn(readme)].sort(), [...FINDING_CODES].sort());
  for (const section of ["## API", "## Examples", "## Rules"]) assert.ok(readme.includes(section), section);
  for (const code of FINDING_CODES) assert.ok(readme.includes(FINDINGS[code].source), `${code} source in README`);
});
