import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { ARC_IDS, arcPrivateLinkWorld } from "../semantics/testing/index.js";
import { generateOnboardingScript } from "./onboarding-script.js";

const OPTIONS = {
  os: "linux",
  privateLinkScope: "arc-pls",
  tenantId: "72f988bf-0000-0000-0000-000000000000",
  servicePrincipalId: "11111111-2222-3333-4444-555555555555",
  tags: { env: "prod", owner: "ops team" },
};

/**
 * Runs the script under bash with stub `getent`, `curl` and `azcmagent` first on PATH:
 * getent answers from `answers`, azcmagent records its arguments one per line.
 */
function run(script: string, answers: Record<string, string>, env: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), "arclink-onboard-"));
  try {
    const stub = (name: string, body: string) => {
      writeFileSync(join(dir, name), `#!/usr/bin/env bash\n${body}\n`);
      chmodSync(join(dir, name), 0o755);
    };
    stub(
      "getent",
      `case "$2" in\n${Object.entries(answers)
        .map(([n, ip]) => `  ${n}) echo "${ip}     STREAM $2" ;;`)
        .join("\n")}\n  *) exit 2 ;;\nesac`,
    );
    stub("azcmagent", `printf '%s\\n' "$@" > ${join(dir, "args")}`);
    stub("curl", "exit 99");
    writeFileSync(join(dir, "onboard.sh"), script);
    const res = spawnSync("bash", [join(dir, "onboard.sh")], {
      encoding: "utf8",
      env: { PATH: `${dir}:/usr/bin:/bin`, ...env },
    });
    let args: string[] = [];
    try {
      args = readFileSync(join(dir, "args"), "utf8").trimEnd().split("\n");
    } catch {}
    return { code: res.status, stdout: res.stdout, stderr: res.stderr, args };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ANSWERS = {
  "gbl.his.arc.azure.com": "10.10.1.4",
  "weu.his.arc.azure.com": "10.10.1.5",
  "agentserviceapi.guestconfiguration.azure.com": "10.10.1.6",
  "westeurope-gas.guestconfiguration.azure.com": "20.21.32.7",
};

test("the script checks the Arc names, then runs azcmagent connect with the scope id and the secret from the environment", () => {
  const script = generateOnboardingScript(arcPrivateLinkWorld(), OPTIONS).text;
  assert.doesNotMatch(script, /s3cret/);
  const res = run(script, ANSWERS, { ARC_SP_SECRET: "s3cret" });
  assert.equal(res.code, 0, res.stderr);
  assert.match(res.stdout, /^ok: gbl\.his\.arc\.azure\.com -> 10\.10\.1\.4 \(private endpoint\)$/m);
  assert.match(
    res.stderr,
    /WARNING: westeurope-gas\.guestconfiguration\.azure\.com -> 20\.21\.32\.7, a public address/,
  );
  assert.match(res.stderr, /WARNING: 1 Arc name\(s\) do not resolve to the private endpoint/);
  const flag = (name: string) => res.args[res.args.indexOf(name) + 1];
  assert.equal(res.args[0], "connect");
  assert.equal(flag("--private-link-scope"), ARC_IDS.scope);
  assert.equal(flag("--service-principal-id"), OPTIONS.servicePrincipalId);
  assert.equal(flag("--service-principal-secret"), "s3cret");
  assert.equal(flag("--tenant-id"), OPTIONS.tenantId);
  assert.equal(flag("--subscription-id"), "00000000-0000-0000-0000-00000000a11c");
  assert.equal(flag("--resource-group"), "rg-arc");
  assert.equal(flag("--location"), "westeurope");
  assert.equal(flag("--cloud"), "AzureCloud");
  assert.equal(flag("--tags"), "env=prod,owner='ops team'");
});

test("without the secret in the environment the script stops before connecting", () => {
  const script = generateOnboardingScript(arcPrivateLinkWorld(), OPTIONS).text;
  const res = run(script, ANSWERS, {});
  assert.notEqual(res.code, 0);
  assert.match(res.stderr, /Set ARC_SP_SECRET to the service principal secret/);
  assert.deepEqual(res.args, []);
});

test("without a service principal it connects with a device code; a private but foreign address is flagged", () => {
  const script = generateOnboardingScript(arcPrivateLinkWorld(), { os: "linux", privateLinkScope: ARC_IDS.scope }).text;
  const res = run(script, { ...ANSWERS, "westeurope-gas.guestconfiguration.azure.com": "10.99.0.7" }, {});
  assert.equal(res.code, 0, res.stderr);
  assert.ok(res.args.includes("--use-device-code"));
  assert.ok(!res.args.includes("--service-principal-id") && !res.args.includes("--tags"));
  assert.match(res.stderr, /10\.99\.0\.7, a private address but not the scope's private endpoint \(10\.10\.1\.7\)/);
});

test("public endpoint: public answers pass, a private endpoint's answer is flagged, connect has no scope", () => {
  const out = generateOnboardingScript(arcPrivateLinkWorld(), {
    os: "linux",
    connectivity: "public-endpoint",
    resourceGroup: "rg-arc",
  });
  assert.match(out.text, /^# Connect this server to Azure Arc over its public endpoints \(westeurope\)\.$/m);
  assert.doesNotMatch(out.text, /PRIVATE_LINK_SCOPE|private-link-scope/);
  const publicAnswers = {
    "gbl.his.arc.azure.com": "20.50.1.4",
    "weu.his.arc.azure.com": "20.50.1.5",
    "agentserviceapi.guestconfiguration.azure.com": "20.50.1.6",
    "westeurope-gas.guestconfiguration.azure.com": "10.10.1.7",
  };
  const res = run(out.text, publicAnswers, {});
  assert.equal(res.code, 0, res.stderr);
  assert.match(res.stdout, /^ok: gbl\.his\.arc\.azure\.com -> 20\.50\.1\.4 \(public endpoint\)$/m);
  assert.match(
    res.stderr,
    /WARNING: westeurope-gas\.guestconfiguration\.azure\.com -> 10\.10\.1\.7, a private address: a private endpoint answers there/,
  );
  assert.match(res.stderr, /WARNING: 1 Arc name\(s\) do not resolve to a public address/);
  const flag = (name: string) => res.args[res.args.indexOf(name) + 1];
  assert.equal(res.args[0], "connect");
  assert.ok(res.args.includes("--use-device-code"));
  assert.ok(!res.args.includes("--private-link-scope"));
  assert.equal(flag("--subscription-id"), "00000000-0000-0000-0000-00000000a11c");
  assert.equal(flag("--resource-group"), "rg-arc");
  assert.equal(flag("--location"), "westeurope");
});
