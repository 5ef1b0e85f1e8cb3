import assert from "node:assert/strict";
import { test } from "node:test";
import { ARC_IDS, arcPrivateLinkWorld } from "../semantics/testing/index.js";
import { generateOnboardingScript } from "./onboarding-script.js";
import { WINDOWS_INSTALL_URL } from "./onboarding-windows.js";

const script = generateOnboardingScript(arcPrivateLinkWorld(), {
  os: "windows",
  privateLinkScope: "arc-pls",
  tenantId: "72f988bf-0000-0000-0000-000000000000",
  servicePrincipalId: "11111111-2222-3333-4444-555555555555",
  servicePrincipalSecretEnv: "ONBOARD_SECRET",
  tags: { owner: "ops team" },
}).text;
const lines = script.split("\r\n");

test("PowerShell with CRLF line ends, verbatim-quoted values and the secret read from the environment", () => {
  assert.ok(!script.replace(/\r\n/g, "").includes("\n"), "every line ends with CRLF");
  assert.ok(lines.includes(`$PrivateLinkScope = '${ARC_IDS.scope}'`));
  assert.ok(lines.includes("$Location = 'westeurope'"));
  assert.ok(lines.includes("$Tags = 'owner=''ops team'''"));
  assert.ok(lines.includes("$ServicePrincipalSecret = $env:ONBOARD_SECRET"));
  assert.ok(lines.some((l) => l.startsWith("if (-not $ServicePrincipalSecret) { throw")));
});

test("pre-check resolves each Arc name with Resolve-DnsName against the endpoint's addresses", () => {
  assert.ok(lines.includes("  'gbl.his.arc.azure.com' = @('10.10.1.4')"));
  assert.ok(lines.includes("  'westeurope-gas.guestconfiguration.azure.com' = @('10.10.1.7')"));
  assert.ok(lines.some((l) => l.includes("Resolve-DnsName -Name $entry.Key -Type A")));
  assert.ok(lines.some((l) => l.includes("a public address: the agent would bypass the private endpoint")));
});

test("installs from the documented URL and connects with every flag", () => {
  assert.ok(lines.some((l) => l.includes(`-Uri '${WINDOWS_INSTALL_URL}'`)));
  const start = lines.findIndex((l) => l.includes('azcmagent.exe" connect'));
  const connect = lines.slice(start, lines.findIndex((l, i) => i > start && !l.endsWith("`")) + 1).join(" ");
  for (const flag of [
    "--service-principal-id $ServicePrincipalId",
    "--service-principal-secret $ServicePrincipalSecret",
    "--tenant-id $TenantId",
    "--subscription-id $SubscriptionId",
    "--resource-group $ResourceGroup",
    "--location $Location",
    "--cloud $Cloud",
    "--private-link-scope $PrivateLinkScope",
    "--tags $Tags",
  ]) {
    assert.ok(connect.includes(flag), `connect lacks ${flag}`);
  }
});

test("public endpoint: the same script without the scope, a private answer being the warning", () => {
  const pub = generateOnboardingScript(arcPrivateLinkWorld(), {
    os: "windows",
    connectivity: "public-endpoint",
    resourceGroup: "rg-arc",
  }).text.split("\r\n");
  assert.ok(pub.includes("# Connect this server to Azure Arc over its public endpoints (westeurope)."));
  assert.ok(!pub.some((l) => /PrivateLinkScope|private-link-scope/.test(l)));
  assert.ok(pub.includes("  'gbl.his.arc.azure.com' = @()"));
  assert.ok(pub.includes('    Write-Output "ok: $($entry.Key) -> $address (public endpoint)"'));
  assert.ok(pub.some((l) => l.includes("a private address: a private endpoint answers there")));
  assert.ok(pub.some((l) => l.startsWith('& "$env:ProgramFiles\\AzureConnectedMachineAgent\\azcmagent.exe" connect')));
  assert.ok(pub.includes("  --cloud $Cloud"));
});
