import assert from "node:assert/strict";
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { arclink, arclinkUp, stop } from "./helpers/cli.js";
import { testPort } from "./helpers/live-fabric.js";

// Real processes: `arclink up` on the default world, `arclink agent` as the host's azcmagent.
let data: string;
let child: ChildProcess;
let ready: Record<string, any>;
let ports: string[];
const SCOPE =
  "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/arc-pl/providers/Microsoft.HybridCompute/privateLinkScopes/arc-pls";

const agent = (host: string, ...args: string[]) =>
  arclink(["agent", "--data", data, "--host", host, ...ports, "--timeout", "1500", ...args]);

before(async () => {
  data = mkdtempSync(join(tmpdir(), "arclink-agent-cli-"));
  const dns = testPort();
  const https = testPort();
  ports = ["--dns-port", String(dns), "--https-port", String(https)];
  ({ child, ready } = await arclinkUp([
    "--data",
    data,
    "--port",
    "0",
    "--dns-port",
    String(dns),
    "--gateway-port",
    String(https),
  ]));
});
after(async () => {
  await stop(child);
  rmSync(data, { recursive: true, force: true });
});

test("version, show and config as azcmagent prints them; bad values exit with the AZCM code", () => {
  assert.equal(agent("web01", "version").stdout.trim(), "azcmagent version 1.45");
  const bad = agent("web01", "config", "set", "proxy.bypass", "Storage");
  assert.equal(bad.code, 23);
  assert.equal(
    bad.stderr.trim(),
    'AZCM0023: Invalid value "Storage" for proxy.bypass: supported values are AAD, ARM, Arc, ArcData, AMA.',
  );
  assert.equal(agent("web01", "config", "set", "proxy.bypass", "Arc").code, 0);
  assert.equal(agent("web01", "config", "get", "proxy.bypass").stdout.trim(), "Arc");
  assert.deepEqual(JSON.parse(agent("web01", "config", "list", "-j").stdout), {
    "proxy.url": "",
    "proxy.bypass": "Arc",
  });
  assert.equal(agent("web01", "config", "clear", "proxy.bypass").code, 0);
  const shown = JSON.parse(agent("web01", "show", "-j").stdout);
  assert.equal(shown.status, "Disconnected");
  assert.equal(shown.agentVersion, "1.45");
  assert.match(agent("web01", "show", "status").stdout, /^Agent Status : Disconnected$/m);
  assert.equal(agent("nosuchhost", "version").code, 23);
});

test("connect validates its flags and fails with AZCM0026 without --private-link-scope on a private network", () => {
  const sp = ["-i", ready.servicePrincipal.clientId, "-p", ready.servicePrincipal.secret, "-t", ready.tenantId];
  const missing = agent("web01", "connect", ...sp, "--subscription-id", ready.subscriptionId);
  assert.equal(missing.code, 16);
  assert.match(missing.stderr, /^AZCM0016: Missing mandatory parameter\(s\): --resource-group, --location/);
  const where = ["--subscription-id", ready.subscriptionId, "--resource-group", "arc-pl", "--location", "westeurope"];
  const badScope = agent("web01", "connect", ...sp, ...where, "--private-link-scope", "arc-pls");
  assert.equal(badScope.code, 23);
  const noScope = agent("web01", "connect", ...sp, ...where);
  assert.equal(noScope.code, 26, noScope.stderr);
  assert.equal(
    noScope.stderr.trim(),
    "AZCM0026: Private Link Scope resource ID must be provided as endpoint gbl.his.arc.azure.com is configured private",
  );
  void SCOPE;
});

test("check prints the ENDPOINT | REACHABLE | PRIVATE | TLS | PROXY table; --json rows agree with the verifier", () => {
  const table = agent("web01", "check", "--enable-pls-check");
  assert.match(table.stdout, /^ENDPOINT\s+\| REACHABLE \| PRIVATE \| TLS\s+\| PROXY$/m);
  const rows = JSON.parse(agent("web01", "check", "--json").stdout) as Record<string, any>[];
  const gbl = rows.find((r) => r.endpoint === "gbl.his.arc.azure.com");
  assert.equal(gbl?.private, true, JSON.stringify(gbl));
  assert.equal(gbl?.tls, true, JSON.stringify(gbl));
  const login = rows.find((r) => r.endpoint === "login.microsoftonline.com");
  assert.deepEqual([login?.reachable, login?.private], [true, false], JSON.stringify(login));
  assert.ok(
    rows.every((r) => r.agrees),
    JSON.stringify(rows.filter((r) => !r.agrees)),
  );
});
