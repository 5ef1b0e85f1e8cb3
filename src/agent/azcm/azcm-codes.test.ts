import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { AZCM_CODES, AzcmError, exitCodeOf } from "./azcm-codes.js";

// STYLE.md §11: the catalogue and docs/agent.md list the same codes, both ways.
test("docs/agent.md lists every AZCM code of the catalogue with its exit code, and no other", () => {
  const doc = readFileSync("docs/agent.md", "utf8");
  const rows = [...doc.matchAll(/^\| (AZCM\d{4}) \| (\d+) \|/gm)].map((m) => [m[1], Number(m[2])]);
  const listed = Object.keys(AZCM_CODES).filter((c) => c !== "AZCM0000");
  assert.deepEqual(
    rows.map(([c]) => c),
    listed,
  );
  for (const [code, exit] of rows) assert.equal(exitCodeOf(code as keyof typeof AZCM_CODES), exit);
});

test("an AzcmError prints as azcmagent does and exits with the code's number", () => {
  const e = new AzcmError("AZCM0026", "Network Error");
  assert.equal(e.line(), "AZCM0026: Network Error");
  assert.equal(e.exitCode, 26);
});
