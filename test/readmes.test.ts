import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

function folders(dir: string, out: string[] = []): string[] {
  out.push(dir);
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) folders(path, out);
  }
  return out;
}

// STYLE.md §19: each unit's README says what it is, its API and the rules it implements.
test("every folder of src/ has a README; every unit README has an API section", () => {
  const missing: string[] = [];
  const noApi: string[] = [];
  for (const dir of folders("src").slice(1)) {
    const readme = join(dir, "README.md");
    if (!existsSync(readme)) {
      missing.push(dir);
      continue;
    }
    const hasUnitCode = readdirSync(dir).some((f) => f === "index.ts");
    if (hasUnitCode && !/^## API/m.test(readFileSync(readme, "utf8"))) noApi.push(readme);
  }
  assert.deepEqual(missing, []);
  assert.deepEqual(noApi, []);
});
