import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { ARM_ERRORS, ArmError } from "./errors.js";

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (name.endsWith(".ts") && !name.endsWith(".test.ts")) out.push(path);
  }
  return out;
}

test("every ARM error code the code throws is in the catalogue", () => {
  const used = new Map<string, string>();
  for (const file of sources("src")) {
    for (const m of readFileSync(file, "utf8").matchAll(/new ArmError\(\s*"([A-Za-z]+)"/g)) used.set(m[1], file);
  }
  const missing = [...used].filter(([code]) => !(code in ARM_ERRORS)).map(([code, file]) => `${code} (${file})`);
  assert.deepEqual(missing, []);
});

test("docs/errors.md lists exactly the catalogue, with the same statuses", () => {
  const doc = readFileSync("docs/errors.md", "utf8");
  const rows = [...doc.matchAll(/^\| `([A-Za-z]+)` \| (\d{3}) \|/gm)].map((m) => [m[1], Number(m[2])] as const);
  assert.deepEqual(
    Object.fromEntries(rows),
    { ...ARM_ERRORS },
    "docs/errors.md and src/rules/errors.ts must list the same codes",
  );
  assert.equal(rows.length, new Set(rows.map((r) => r[0])).size, "a code is listed twice");
});

test("an ArmError renders ARM's error body with its catalogue status", () => {
  const error = new ArmError("ResourceGroupNotFound", "Resource group 'x' could not be found.", "resourceGroupName");
  assert.equal(error.status, 404);
  assert.deepEqual(error.toBody(), {
    error: {
      code: "ResourceGroupNotFound",
      message: "Resource group 'x' could not be found.",
      target: "resourceGroupName",
    },
  });
});
