// `arclink verify` as a user runs it: exit codes 0/1/2 and the --json shape (docs/verify.md).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { arcPrivateLinkResources } from "../src/semantics/testing/index.js";
import { Store } from "../src/store/index.js";
import type { Resource } from "../src/world/resource.js";

const root = new URL("..", import.meta.url).pathname;
let dir: string;

function verify(...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", "verify", ...args], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A data directory holding exactly these resources (the store stores what it is given). */
function dataDir(name: string, resources: Resource[]): string {
  const d = join(dir, name);
  const store = new Store({ dataDir: d });
  store.commit({ puts: resources, deletes: [] });
  store.close();
  return d;
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), "arclink-verify-"));
});
after(() => rmSync(dir, { recursive: true, force: true }));

const AT = ["--at", "2026-01-01T01:00:00Z"];

test("a clean world: exit 0, a verdict table and the proof", () => {
  const r = verify("--data", dataDir("clean", arcPrivateLinkResources()), ...AT);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /gbl\.his\.arc\.azure\.com\s+PRIVATE/);
  assert.match(r.stdout, /No-exfiltration proof: HOLDS/);
  assert.match(r.stdout, /Findings: 0 error/);
});

test("an error finding: exit 1, and --json has the documented shape", () => {
  const d = dataDir("public", arcPrivateLinkResources({ forwarderDomains: [] }));
  const r = verify("--data", d, ...AT, "--json");
  assert.equal(r.code, 1, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.equal(report.schemaVersion, 1);
  assert.equal(report.now, "2026-01-01T01:00:00.000Z");
  assert.deepEqual(Object.keys(report), [
    "schemaVersion",
    "source",
    "now",
    "summary",
    "verdicts",
    "findings",
    "proof",
    "traces",
  ]);
  assert.equal(report.summary.rows, report.verdicts.length);
  assert.equal(report.summary.proofHolds, false);
  const row = report.verdicts.find((v: { endpoint: string }) => v.endpoint === "gbl.his.arc.azure.com");
  assert.equal(row.verdict, "REFUSED_PUBLIC_ACCESS_DISABLED");
  assert.ok(report.traces.dns[row.trace.resolve], "the resolve trace id resolves");
  assert.ok(report.traces.net[row.trace.reach], "the reach trace id resolves");
  assert.ok(report.traces.access[row.trace.access], "the access trace id resolves");
  const f = report.findings.find((x: { code: string }) => x.code === "ARC-ACCESS-PUBLIC-DISABLED");
  assert.equal(f.severity, "error");
  assert.equal(report.verdicts[f.row].verdict, "REFUSED_PUBLIC_ACCESS_DISABLED");
  for (const key of ["rule", "source", "fix", "message", "title"]) assert.ok(f[key], key);
  assert.ok(report.proof.counterexamples[0].path.length > 3);
});

test("--host limits the rows and traces them", () => {
  const d = dataDir("host", arcPrivateLinkResources());
  const r = verify("--data", d, ...AT, "--host", "dc1/srv1");
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Trace of dc1\/srv1:/);
  const none = verify("--data", d, ...AT, "--host", "nobody");
  assert.equal(none.code, 2);
  assert.match(none.stderr, /^arclink: No host with an agent matches 'nobody'/);
});

test("bad input exits 2 with one line on stderr", () => {
  const bad = join(dir, "bad.yaml");
  writeFileSync(
    bad,
    "- id: /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v\n  location: westeurope\n  properties: { addressSpace: { addressPrefixes: [nonsense] } }\n",
  );
  for (const args of [
    ["--world", join(dir, "missing.yaml")],
    ["--world", bad],
    ["--lab", "no-such-lab"],
    ["--data", join(dir, "empty")],
    ["--lab", "default", "--data", dir],
    ["--lab", "default", "--at", "yesterday"],
    ["--before", "no-vpn"],
    ["--frobnicate"],
  ]) {
    const r = verify(...args);
    assert.equal(r.code, 2, `${args.join(" ")}: ${r.stderr}`);
    assert.ok(r.stderr.length > 0, args.join(" "));
  }
});

test("a lab through --world and --lab; --before/--after diffs by key", () => {
  const lab = verify("--lab", "no-vpn", "--json");
  assert.equal(lab.code, 1, lab.stderr);
  const codes = new Set(JSON.parse(lab.stdout).findings.map((f: { code: string }) => f.code));
  assert.ok(codes.has("ARC-NET-NO-ROUTE") || codes.has("ARC-DNS-FAILED"), [...codes].join(", "));
  const diff = verify("--before", "worlds/default.yaml", "--after", "no-vpn", "--json");
  assert.ok(diff.code === 0 || diff.code === 1, diff.stderr);
  const d = JSON.parse(diff.stdout);
  assert.ok(d.changes.length > 0);
  assert.ok(d.changes.every((c: { change: string }) => ["changed", "added", "removed"].includes(c.change)));
  assert.equal(diff.code, d.findings.introduced.some((f: { severity: string }) => f.severity === "error") ? 1 : 0);
});
