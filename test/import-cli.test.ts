// `arclink import` as a user runs it: the world file it writes verifies, --verify and
// --json, exit codes, and bad input reported with file and line.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";

const root = new URL("..", import.meta.url).pathname;
const FIX = "test/fixtures/import/default";
const HOSTS = ["dc01", "dc02", "web01", "db01", "kiosk01"].map((d) => `${FIX}/${d}`);
let dir: string;

function arclink(...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), "arclink-import-cli-"));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test("import --out writes a world that verify --world accepts; the report lists sources and assumptions", () => {
  const out = join(dir, "premises.yaml");
  const r = arclink("import", ...HOSTS, "--site-file", `${FIX}/site.yaml`, "--resource-group", "arc-pl", "--out", out);
  // Without the Azure side the VPN's vnet 'hub' is unknown: a problem, and the site has no connection.
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Imported \d+ resources from 14 source\(s\)/);
  assert.match(r.stdout, /dc02\/named\.conf: BIND named\.conf → dc02/);
  assert.match(r.stdout, /Problems \(1\)[\s\S]*site\.yaml:5: expected the name of exactly one virtual network/);
  assert.match(readFileSync(out, "utf8"), /^# Written by `arclink import` from:/);
  const v = arclink("verify", "--world", out, "--at", "2026-01-01T01:00:00Z", "--json");
  assert.ok(v.code === 0 || v.code === 1, v.stderr);
  assert.equal(JSON.parse(v.stdout).summary.hosts, 3);
});

test("import --verify --json: one JSON object with the import report and docs/verify.md's report", () => {
  const r = arclink(
    "import",
    ...HOSTS,
    "--site",
    "hq",
    "--site-prefix",
    "192.168.0.0/16",
    "--verify",
    "--json",
    "--at",
    "2026-01-01T01:00:00Z",
  );
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(report), [
    "schemaVersion",
    "out",
    "resources",
    "sources",
    "problems",
    "setAside",
    "assumptions",
    "observations",
    "verify",
    "world",
  ]);
  assert.equal(report.verify.schemaVersion, 1);
  assert.equal(report.observations.length, 4);
  assert.ok(report.assumptions.some((a: { subject: string }) => a.subject === "site 'hq': VPN/ExpressRoute"));
  assert.ok(report.assumptions.some((a: { subject: string }) => a.subject === "host 'web01': address"));
});

test("bad input: unreadable lines are problems with file and line; --strict exits 2; a bad site file exits 2", () => {
  const bad = join(dir, "branch");
  spawnSync("mkdir", ["-p", bad]);
  writeFileSync(
    join(bad, "named.conf"),
    'options {\n  listen-on { 192.168.5.2; };\n};\nzone "his.arc.azure.com" {\n  type forward\n  forwarders { 10.10.2.4; };\n};\n',
  );
  writeFileSync(join(bad, "resolv.conf"), "nameserver 192.168.5.2\nnameserver banana\n");
  const r = arclink("import", bad, "--site", "branch");
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /branch\/resolv\.conf:2: expected an IPv4 address after nameserver, found "banana"/);
  assert.match(r.stdout, /Arclink\.OnPremises\/sites\/branch\/dnsServers\/branch/);
  assert.equal(arclink("import", bad, "--site", "branch", "--strict").code, 2);
  writeFileSync(join(dir, "site.yaml"), "sites:\n  - name: hq\n    vpn: hub\n");
  const s = arclink("import", bad, "--site-file", join(dir, "site.yaml"));
  assert.equal(s.code, 2);
  assert.match(s.stderr, /site\.yaml:3: expected one of name, addressPrefixes/);
  const missing = arclink("import", join(dir, "nope"));
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /Cannot read source '.*nope': it does not exist/);
});
