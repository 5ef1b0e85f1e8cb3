import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL(".", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [path] : [];
  });
}

const IMPORT = /(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;
const ALLOWED_PACKAGES = new Set(["ipaddr.js"]);

describe("semantics is pure (STYLE.md §1)", () => {
  const files = sources(root);
  it("finds the sources", () => assert.ok(files.length > 20));
  for (const file of files) {
    it(`${file.slice(root.length)} imports no node: module, store, fabric or clock`, () => {
      for (const m of readFileSync(file, "utf8").matchAll(IMPORT)) {
        const spec = m[1] ?? m[2];
        assert.ok(!spec.startsWith("node:"), `${spec} in ${file}`);
        if (spec.startsWith(".")) {
          assert.ok(!/\/(store|fabric|arm|dns-wire|cli)\//.test(spec), `${spec} in ${file}`);
          assert.ok(spec.endsWith(".js"), `relative import without .js: ${spec}`);
        } else assert.ok(ALLOWED_PACKAGES.has(spec), `unexpected package ${spec} in ${file}`);
      }
    });
  }
});
