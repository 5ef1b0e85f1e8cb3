import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { ARM_ERRORS } from "../src/rules/errors.js";

const DIRS = ["src/arm/providers/network", "src/rules/network"];

test("the network READMEs have their sections", () => {
  for (const dir of DIRS) {
    const readme = readFileSync(`${dir}/README.md`, "utf8");
    for (const section of ["## What", "## API", "## Examples", "## Rules and sources", "## Errors"]) {
      assert.ok(readme.includes(`\n${section}\n`), `${dir}/README.md lacks ${section}`);
    }
  }
});

test("every code the network rules throw is in their README's table and in the catalogue", () => {
  const readme = readFileSync("src/rules/network/README.md", "utf8");
  const listed = new Map([...readme.matchAll(/^\| `([A-Za-z]+)` +\| (\d{3}) +\|/gm)].map((m) => [m[1], Number(m[2])]));
  for (const [code, status] of listed) assert.equal((ARM_ERRORS as Record<string, number>)[code], status, code);
  const thrown = new Set<string>();
  for (const file of readdirSync("src/rules/network").filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))) {
    for (const m of readFileSync(`src/rules/network/${file}`, "utf8").matchAll(/new ArmError\(\s*"([A-Za-z]+)"/g))
      thrown.add(m[1]);
  }
  assert.deepEqual(
    [...thrown].filter((c) => !listed.has(c)),
    [],
  );
});
