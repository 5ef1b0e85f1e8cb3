// The import direction (DESIGN.md "one semantics, many executions"): rules/, verify/ and
// generate/ read facts through the semantics; the semantics import nothing from them (nor
// from any plane); and the decisions about DNS, reachability and access — and the address
// arithmetic they rest on — are defined only in src/semantics/.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";

const SRC = resolve(fileURLToPath(new URL("..", import.meta.url)));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [path] : [];
  });
}

const IMPORT = /(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

/** Every import of a source file: the top folder under src/ it lands in, or the package name. */
function importsOf(file: string): { spec: string; unit: string }[] {
  return [...readFileSync(file, "utf8").matchAll(IMPORT)].map((m) => {
    const spec = m[1] ?? m[2];
    if (!spec.startsWith(".")) return { spec, unit: spec };
    const target = relative(SRC, resolve(dirname(file), spec));
    return { spec, unit: target.startsWith("..") ? target : target.split("/")[0] };
  });
}

const unitOf = (file: string) => relative(SRC, file).split("/")[0];
const files = sources(SRC);

describe("import direction: the semantics are the core", () => {
  it("finds the sources", () => assert.ok(files.filter((f) => unitOf(f) === "semantics").length > 40));

  it("semantics/ imports only itself, world/ and ipaddr.js", () => {
    const bad = files
      .filter((f) => unitOf(f) === "semantics")
      .flatMap((f) => importsOf(f).map((i) => ({ f, ...i })))
      .filter((i) => !["semantics", "world", "ipaddr.js"].includes(i.unit))
      .map((i) => `${relative(SRC, i.f)} imports ${i.spec}`);
    assert.deepEqual(bad, []);
  });

  it("rules/, verify/ and generate/ import no plane but the semantics, the world and (verify) the rules", () => {
    const allowed: Record<string, string[]> = {
      rules: ["rules", "semantics", "world"],
      generate: ["generate", "semantics", "world"],
      verify: ["verify", "semantics", "world", "rules"],
    };
    const bad = files
      .filter((f) => unitOf(f) in allowed)
      .flatMap((f) => importsOf(f).map((i) => ({ f, ...i })))
      .filter((i) => i.spec.startsWith(".") && !allowed[unitOf(i.f)].includes(i.unit))
      .map((i) => `${relative(SRC, i.f)} imports ${i.spec}`);
    assert.deepEqual(bad, []);
  });

  it("address arithmetic is the semantics' one CIDR module: no ipaddr.js in rules/, verify/, generate/, arm/", () => {
    const bad = files
      .filter((f) => ["rules", "verify", "generate", "arm"].includes(unitOf(f)))
      .filter((f) => importsOf(f).some((i) => i.unit === "ipaddr.js"))
      .map((f) => relative(SRC, f));
    assert.deepEqual(bad, []);
  });

  // Decision helpers: defined once, in the semantics. A plane that needs one imports it.
  const DECISIONS = [
    "resolve",
    "reach",
    "decide",
    "plan",
    "connect",
    "occupantsAt",
    "inPrefix",
    "inAnyPrefix",
    "prefixesOverlap",
    "usedAddresses",
    "arcName",
    "arcScopeOf",
    "isArcPrivateLinkName",
    "lookupPublicName",
    "publicAddressOf",
    "inServiceTag",
    "azureDnsAuthority",
    "dnsListenerAt",
    "answersOnlyInsideAzure",
    "hostEndpoints",
    "extensionDependencies",
  ];
  it("no plane defines a DNS, reachability, access or address decision of its own", () => {
    const defines = new RegExp(`(?:function\\s+|export\\s+const\\s+)(${DECISIONS.join("|")})\\b`, "g");
    const bad = files
      .filter((f) => unitOf(f) !== "semantics")
      .flatMap((f) => [...readFileSync(f, "utf8").matchAll(defines)].map((m) => `${relative(SRC, f)} defines ${m[1]}`));
    assert.deepEqual(bad, []);
  });

  it("no plane compares with Azure's platform DNS address or tells an Arc scope id by pattern", () => {
    const patterns = [
      /===?\s*"168\.63\.129\.16"/,
      /"168\.63\.129\.16"\s*===?/,
      /microsoft\\\.hybridcompute\\\/privatelinkscopes/i,
    ];
    const bad = files
      .filter((f) => unitOf(f) !== "semantics")
      .filter((f) => patterns.some((p) => p.test(readFileSync(f, "utf8"))))
      .map((f) => relative(SRC, f));
    assert.deepEqual(bad, []);
  });
});
