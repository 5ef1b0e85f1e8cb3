import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { GENERATE_ERRORS, type GenerateError, oneOf } from "./errors.js";

const readme = readFileSync(new URL("./README.md", import.meta.url), "utf8");

test("codes are unique and the README lists exactly the catalogue's codes", () => {
  const codes = Object.values(GENERATE_ERRORS);
  assert.equal(new Set(codes).size, codes.length);
  const listed = new Set([...readme.matchAll(/^\| `(Generate[A-Z]\w+)`\s*\|/gm)].map((m) => m[1]));
  assert.deepEqual([...listed].sort(), [...codes].sort());
});

test("the README has its sections and documents every generator and CLI kind", () => {
  for (const section of ["## What", "## API", "## Examples", "## Rules and sources", "## Errors"]) {
    assert.ok(readme.includes(`\n${section}\n`), `missing ${section}`);
  }
  for (const fn of [
    "generateHosts",
    "generateDnsConfig",
    "generateZoneFile",
    "generateNsgRules",
    "generateFirewall",
    "generateOnboardingScript",
  ]) {
    assert.ok(readme.includes(`\`${fn}(`), `API table lacks ${fn}`);
  }
  for (const kind of ["hosts", "dns-config", "zone-file", "nsg-rules", "firewall", "onboarding-script"]) {
    assert.match(readme, new RegExp(`^arclink generate ${kind} `, "m"), `no example of ${kind}`);
  }
});

test("oneOf accepts any case and names the allowed values otherwise", () => {
  assert.equal(oneOf("--os", "Linux", ["windows", "linux"]), "linux");
  assert.throws(
    () => oneOf("--os", undefined, ["windows", "linux"]),
    (e: GenerateError) =>
      e.code === GENERATE_ERRORS.InvalidOption &&
      e.message === "Invalid value for --os: ''. Expected one of: windows, linux.",
  );
});
