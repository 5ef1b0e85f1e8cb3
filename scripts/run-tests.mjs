#!/usr/bin/env node
// Runs every *.test.ts under src/ and test/ with node's test runner. First it makes sure
// the test CA exists and exports it the way a user would (NODE_EXTRA_CA_CERTS,
// REQUESTS_CA_BUNDLE), since Node reads extra CAs only at process start.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const dataDir = resolve(root, process.env.ARCLINK_TEST_DATA ?? ".arclink-test");

function findTests(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) findTests(path, out);
    else if (name.endsWith(".test.ts")) out.push(path);
  }
  return out;
}

const made = spawnSync(
  process.execPath,
  [
    "--import",
    "tsx",
    "-e",
    `const {loadOrCreateCa, caPath} = await import("./src/pki/index.ts"); await loadOrCreateCa(${JSON.stringify(dataDir)}, new Date()); console.log(caPath(${JSON.stringify(dataDir)}));`,
  ],
  { cwd: root, encoding: "utf8" },
);
if (made.status !== 0) {
  process.stderr.write(made.stderr);
  process.exit(made.status ?? 1);
}
const caFile = made.stdout.trim();
const filter = process.argv.slice(2);
const files = [...findTests(join(root, "src")), ...findTests(join(root, "test"))].filter(
  (f) => filter.length === 0 || filter.some((p) => f.includes(p)),
);
const result = spawnSync(process.execPath, ["--import", "tsx", "--test", "--test-reporter=spec", ...files], {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    ARCLINK_TEST_DATA: dataDir,
    NODE_EXTRA_CA_CERTS: caFile,
    REQUESTS_CA_BUNDLE: caFile,
  },
});
process.exit(result.status ?? 1);
