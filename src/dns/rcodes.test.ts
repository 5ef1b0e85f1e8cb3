import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { OUTCOMES, WIRE_RCODE } from "./rcodes.js";

// STYLE.md §11: the catalogue and the docs list the same outcomes, both ways.
test("README's answer-code table and OUTCOMES list the same rows", () => {
  const readme = readFileSync(new URL("./README.md", import.meta.url), "utf8");
  const table = readme.split("<!-- outcomes:start -->")[1]?.split("<!-- outcomes:end -->")[0] ?? "";
  const rows = table
    .split("\n")
    .filter((l) => l.startsWith("| `"))
    .map((l) => l.split("|").map((c) => c.trim()))
    .map((c) => ({ outcome: c[1].replace(/`/g, ""), rcode: c[2], when: c[3] }));
  assert.deepEqual(
    rows,
    OUTCOMES.map((o) => ({ ...o })),
  );
});

test("outcome names are unique and every rcode is a wire rcode or drop", () => {
  assert.equal(new Set(OUTCOMES.map((o) => o.outcome)).size, OUTCOMES.length);
  for (const o of OUTCOMES) assert.ok(o.rcode === "drop" || o.rcode in WIRE_RCODE, o.outcome);
});
