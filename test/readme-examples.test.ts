// STYLE.md §19: the ```ts examples of each unit's README run (as coredns's readme_test.go
// boots every example). Each example runs as a module with the unit's exports in scope,
// the documented setup as fixtures (`world`, `now`, `hostId`, …), and its relative imports
// resolved from the README's folder. A line `expr; // VALUE` whose VALUE is JSON (after an
// optional `→`) asserts that `expr` deep-equals it; other lines only have to run.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { after, describe, it } from "node:test";
import { pathToFileURL } from "node:url";

const ROOT = resolve(import.meta.dirname, "..");
const SRC = join(ROOT, "src");
const OUT = mkdtempSync(join(tmpdir(), "arclink-readme-"));
after(() => rmSync(OUT, { recursive: true, force: true }));

/** Units whose examples need what a module cannot hold; each with the reason. */
const NOT_RUN: Record<string, string> = {
  "src/agent": "an agent of a world host on the live network (test/agent-live.test.ts, test/agent-cli.test.ts)",
  "src/agent/azcm": "runs connect's flag checks against a running system (src/agent/azcm/*.test.ts)",
  "src/agent/lifecycle": "connects a host over the live DNS and gateway (test/agent-live.test.ts)",
  "src/agent/wire": "sends DNS and HTTPS from a host's realized address (src/agent/wire/*.test.ts)",
  "src/arm": "drives a running ARM front over HTTPS (covered by test/arm-front.test.ts)",
  "src/dns": "binds DNS servers on realized loopback addresses (test/dns-live.test.ts)",
  "src/fabric/addresses": "maps a running system's world (src/fabric/addresses/*.test.ts)",
  "src/fabric/arc-services": "serves HIS behind a running gateway (test/gateway.test.ts)",
  "src/fabric/gateway": "binds the gateway's listeners (test/gateway.test.ts, test/gateway-labs.test.ts)",
  "src/fabric/heartbeat": "runs timers against a system hub (src/fabric/heartbeat/*.test.ts)",
  "src/fabric/tls": "issues leaves from a CA on disk (src/fabric/tls/*.test.ts)",
  "src/import": "reads export files from disk (test/import-*.test.ts)",
  "src/portal": "serves the portal from a running system (src/portal/*.test.ts, test/portal.test.ts)",
  "src/arm/identity": "needs a running identity endpoint (covered by test/identity*.test.ts)",
  "src/arm/providers/hybrid-compute": "Azure SDK calls against a running system (test/hybrid-compute.sdk.test.ts)",
  "src/arm/providers/network": "Azure SDK calls against a running system (test/network-readme.test.ts runs it)",
  "src/fabric": "the virtual clock's timers (src/fabric/clock.test.ts)",
  "src/labs": "applies a lab world through the ARM handlers (test/labs.test.ts)",
  "src/pki": "writes a CA to a data directory (src/pki/ca.test.ts)",
  "src/store": "opens SQLite on disk (src/store/store.test.ts)",
  "src/system": "starts a system (test/server.test.ts)",
  "src/world-file": "reads world files from disk (src/world-file/*.test.ts)",
};

function readmes(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) readmes(path, out);
    else if (name === "README.md") out.push(path);
  }
  return out;
}

const FIXTURES = `
const now = new Date("2026-01-01T01:00:00Z");
const resources = __t.arcPrivateLinkResources();
const world = __t.arcPrivateLinkWorld();
const hostId = __t.ARC_IDS.host;
const machineId = __t.ARC_IDS.machine;
const scopeId = __t.ARC_IDS.scope;
const vnetId = __t.ARC_IDS.hub;
const peId = __t.ARC_IDS.pe;
const zoneId = __t.ARC_ZONE_IDS.his;
const { ARC_IDS, ARC_IPS, ARC_ZONE_IDS, arcPrivateLinkWorld, arcPrivateLinkResources } = __t;
`;

/** `expr; // VALUE` → an assertion when VALUE is JSON; everything else unchanged. */
function withAssertions(code: string): string {
  return code
    .split("\n")
    .map((line) => {
      const m = /^(\s*)([^/].*?);\s*\/\/\s*(?:→\s*)?(.+?)\s*$/.exec(line);
      if (!m || /^\s*(const|let|var|import|if|for|await\s+\w+\s*=)\b/.test(m[2])) return line;
      let expected: unknown;
      try {
        expected = JSON.parse(m[3]);
      } catch {
        return line;
      }
      return `${m[1]}__assert.deepStrictEqual(JSON.parse(JSON.stringify(${m[2]})), ${JSON.stringify(expected)}, ${JSON.stringify(m[2])});`;
    })
    .join("\n");
}

function moduleFor(readme: string, code: string, exportNames: string[]): string {
  const dir = dirname(readme);
  const imported = new Set<string>();
  const body = code.replace(/from\s+["'](\.[^"']+)["']/g, (_all, spec: string) => {
    return `from ${JSON.stringify(pathToFileURL(resolve(dir, spec.replace(/\.js$/, ".ts"))).href)}`;
  });
  for (const m of body.matchAll(/import\s*\{([^}]*)\}/g)) {
    for (const n of m[1].split(","))
      imported.add(
        n
          .replace(/^\s*type\s+/, "")
          .split(/\s+as\s+/)
          .pop()!
          .trim(),
      );
  }
  const fixtureNames = new Set([...FIXTURES.matchAll(/const\s+(\w+)\s*=/g)].map((m) => m[1]));
  for (const n of ["ARC_IDS", "ARC_IPS", "ARC_ZONE_IDS", "arcPrivateLinkWorld", "arcPrivateLinkResources"])
    fixtureNames.add(n);
  const names = exportNames.filter((n) => !imported.has(n) && !fixtureNames.has(n));
  const index = join(dir, "index.ts");
  const lines = body.split("\n");
  const imports = lines.filter((l) => /^\s*import\s/.test(l));
  const rest = lines.filter((l) => !/^\s*import\s/.test(l));
  return [
    `import __assert from "node:assert/strict";`,
    `import * as __t from ${JSON.stringify(pathToFileURL(join(SRC, "semantics/testing/index.ts")).href)};`,
    existsSync(index) ? `import * as __unit from ${JSON.stringify(pathToFileURL(index).href)};` : "const __unit = {};",
    ...imports,
    existsSync(index) && names.length ? `const { ${names.join(", ")} } = __unit as any;` : "",
    FIXTURES,
    "{",
    withAssertions(rest.join("\n")),
    "}",
  ].join("\n");
}

describe("README examples run", () => {
  let n = 0;
  for (const readme of readmes(SRC)) {
    const unit = relative(ROOT, dirname(readme));
    const blocks = [...readFileSync(readme, "utf8").matchAll(/^```ts\n([\s\S]*?)^```/gm)].map((m) => m[1]);
    if (blocks.length === 0 || unit in NOT_RUN) continue;
    blocks.forEach((code, i) => {
      it(`${unit}/README.md example ${i + 1}`, async () => {
        const index = join(dirname(readme), "index.ts");
        const names = existsSync(index) ? Object.keys(await import(pathToFileURL(index).href)) : [];
        const file = join(OUT, `${unit.replace(/\//g, "_")}-${i}-${n++}.ts`);
        writeFileSync(file, moduleFor(readme, code, names));
        await import(pathToFileURL(file).href);
      });
    });
  }
  it("every unit not run says why", () => {
    for (const [unit, why] of Object.entries(NOT_RUN)) {
      assert.ok(existsSync(join(ROOT, unit, "README.md")), unit);
      assert.ok(why.length > 10, unit);
    }
  });
});
