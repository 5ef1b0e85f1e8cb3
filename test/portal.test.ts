import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { after, before, test } from "node:test";
import type { Page } from "playwright-core";
import { generateOnboardingScript } from "../src/generate/index.js";
import { WEB_ROOT } from "../src/portal/index.js";
import { applyWorld, parseWorld } from "../src/world-file/index.js";
import { ARTIFACTS, type Browser, launchBrowser } from "./helpers/browser.js";
import { startTestSystem, type TestSystem } from "./helpers/system.js";

// The portal in Debian's Chromium against a running arclink on the default world, plus a
// branch vnet for a new scope, two unassociated servers and a pending manual endpoint.
const SUB = "/subscriptions/00000000-0000-0000-0000-000000000000";
const RG = `${SUB}/resourceGroups/arc-pl`;
const SCOPE = `${RG}/providers/Microsoft.HybridCompute/privateLinkScopes/arc-pls`;
const HUB = `${RG}/providers/Microsoft.Network/virtualNetworks/hub`;
const SPOKE = `${SUB}/resourceGroups/branch/providers/Microsoft.Network/virtualNetworks/spoke`;
const HOST_WEB01 = `${RG}/providers/Arclink.OnPremises/sites/hq/hosts/web01`;
const EXTRA = `
- id: ${SUB}/resourceGroups/branch
  location: westeurope
- id: ${SUB}/resourceGroups/branch/providers/Microsoft.Network/virtualNetworks/spoke
  location: westeurope
  properties:
    addressSpace: { addressPrefixes: [10.20.0.0/16] }
    subnets: [{ name: endpoints, properties: { addressPrefix: 10.20.1.0/24 } }]
- id: ${RG}/providers/Microsoft.HybridCompute/machines/app01
  location: westeurope
  properties: { osType: linux }
- id: ${RG}/providers/Microsoft.HybridCompute/machines/app02
  location: westeurope
  properties: { osType: windows }
- id: ${RG}/providers/Microsoft.HybridCompute/machines/far01
  location: eastus
  properties: { osType: linux }
- id: ${RG}/providers/Microsoft.Network/privateEndpoints/arc-pe-manual
  location: westeurope
  properties:
    subnet: { id: ${RG}/providers/Microsoft.Network/virtualNetworks/hub/subnets/private-endpoints }
    manualPrivateLinkServiceConnections:
      - name: manual
        properties: { privateLinkServiceId: ${SCOPE}, groupIds: [hybridcompute], requestMessage: please approve }
`;

let system: TestSystem;
let browser: Browser;
let page: Page;
let token: string;

const world = () => system.app.store.snapshot();
const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

before(async () => {
  // The bundle comes from `npm run build` (npm install's prepare step), as a user gets it.
  assert.ok(
    existsSync(join(WEB_ROOT, "index.html")),
    `The portal bundle is not built in ${WEB_ROOT}: run 'npm run build'.`,
  );
  system = await startTestSystem();
  const text = readFileSync(resolve(import.meta.dirname, "../worlds/default.yaml"), "utf8") + EXTRA;
  const report = applyWorld(system.system, parseWorld(text, "portal-world.yaml", system.subscriptionId));
  assert.deepEqual(report.errors, []);
  token = (await system.credential.getToken("https://management.azure.com/.default")).token;
  browser = await launchBrowser(system.armUrl);
  page = await browser.context.newPage();
});

after(async () => {
  await browser?.close();
  await system?.stop();
});

async function open(hash: string, heading: string | RegExp) {
  await page.goto(`${system.armUrl}/portal/#${hash}`);
  await page.getByRole("heading", { level: 1, name: heading }).waitFor();
}

test("/ redirects to /portal/, and the portal signs in with the lab's service principal", async () => {
  await page.goto(`${system.armUrl}/`);
  assert.match(page.url(), /\/portal\/$/);
  await page.getByLabel("Client ID").fill(system.servicePrincipal.clientId);
  await page.getByLabel("Secret").fill("wrong");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("alert").waitFor();
  await shot("00-sign-in-error");
  await page.getByLabel("Secret").fill(system.servicePrincipal.secret);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Azure Arc | Private link scopes" }).waitFor();
  await page.getByRole("link", { name: "arc-pls" }).waitFor();
  await page.getByRole("status").filter({ hasText: "Live" }).waitFor();
  await shot("01-scopes");
});

test("the portal's /_arclink/ routes need the ARM bearer token", async () => {
  const anonymous = await fetch(`${system.armUrl}/_arclink/verify`);
  assert.equal(anonymous.status, 401);
  const res = await fetch(`${system.armUrl}/_arclink/verify`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(res.status, 200);
  assert.equal(((await res.json()) as { schemaVersion: number }).schemaVersion, 1);
});

test("Create wizard: Basics, Private endpoint with private DNS integration, Review + create", async () => {
  await open("/scopes", "Azure Arc | Private link scopes");
  await page.getByRole("link", { name: "+ Create" }).click();
  await page.getByLabel("Resource group").selectOption("branch");
  await page.getByLabel("Name").fill("branch-pls");
  await page.getByLabel("Region").selectOption("westeurope");
  await page.getByRole("radio", { name: "No" }).check();
  await shot("02-create-basics");
  await page.getByRole("button", { name: /Next: Private endpoint/ }).click();
  await page.getByLabel("Name").fill("branch-pe");
  await page.getByLabel("Virtual network").selectOption(SPOKE);
  await page.getByLabel("Subnet").selectOption(`${SPOKE}/subnets/endpoints`);
  await page.getByRole("radio", { name: "Yes" }).check();
  await shot("03-create-private-endpoint");
  await page.getByRole("button", { name: "Review + create" }).click();
  await page.getByText("Validation passed.").waitFor();
  await shot("04-create-review");
  assert.equal(
    world().get(`${SUB}/resourceGroups/branch/providers/Microsoft.HybridCompute/privateLinkScopes/branch-pls`),
    undefined,
    "validation creates nothing",
  );
  await page.getByRole("button", { name: "Create", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: /branch-pls/ }).waitFor();
  const w = world();
  const scope = w.get(`${SUB}/resourceGroups/branch/providers/Microsoft.HybridCompute/privateLinkScopes/branch-pls`);
  assert.equal(scope?.properties.publicNetworkAccess, "Disabled");
  const pe = w.get(`${SUB}/resourceGroups/branch/providers/Microsoft.Network/privateEndpoints/branch-pe`);
  assert.ok(pe, "the private endpoint exists");
  assert.ok(
    w.get(
      `${SUB}/resourceGroups/branch/providers/Microsoft.Network/privateDnsZones/privatelink.his.arc.azure.com/virtualNetworkLinks/spoke-link`,
    ),
  );
  assert.ok(w.get(`${pe.id}/privateDnsZoneGroups/default`), "the endpoint writes its records through a zone group");
  await shot("05-scope-overview");
});

test("Review + create shows a second scope's endpoint in the same vnet as an error in place, creating nothing", async () => {
  await open("/scopes/new", "Create an Azure Arc Private Link Scope");
  await page.getByLabel("Resource group").selectOption("arc-pl");
  await page.getByLabel("Name").fill("second-pls");
  await page.getByRole("tab", { name: "Private endpoint" }).click();
  await page.getByLabel("Name").fill("second-pe");
  await page.getByLabel("Virtual network").selectOption(HUB);
  await page.getByLabel("Subnet").selectOption(`${HUB}/subnets/private-endpoints`);
  await page.getByRole("radio", { name: "No" }).check();
  await page.getByRole("button", { name: "Review + create" }).click();
  await page.getByText("Validation failed.").waitFor();
  await page.getByText("OnlyOnePrivateLinkScopePerVirtualNetwork").waitFor();
  assert.equal(await page.getByRole("button", { name: "Create", exact: true }).isDisabled(), true);
  await shot("06-create-validation-failed");
  await page.getByRole("tab", { name: /Private endpoint/ }).click();
  const inPlace = page.locator("#vnet-error");
  assert.match((await inPlace.textContent()) ?? "", /can use only one Azure Arc private link scope/);
  assert.equal(await page.getByLabel("Virtual network").getAttribute("aria-invalid"), "true");
  await shot("07-create-error-in-place");
  assert.equal(world().get(`${RG}/providers/Microsoft.HybridCompute/privateLinkScopes/second-pls`), undefined);
  assert.equal(world().get(`${RG}/providers/Microsoft.Network/privateEndpoints/second-pe`), undefined);
});

test("Azure Arc resources: add existing servers of the scope's region", async () => {
  await open(`/scope${SCOPE}?tab=resources`, /arc-pls/);
  await page.getByRole("button", { name: "+ Add" }).click();
  const dialog = page.getByRole("dialog", { name: "Add Azure Arc resources" });
  await dialog.getByLabel("Select app01").check();
  await dialog.getByLabel("Select app02").check();
  assert.equal(await dialog.getByLabel("Select far01").count(), 0, "a server of another region is not offered");
  await shot("08-add-servers-dialog");
  await dialog.getByRole("button", { name: "Add", exact: true }).click();
  await page.getByRole("rowheader", { name: "app02" }).waitFor();
  for (const name of ["app01", "app02"]) {
    assert.equal(
      world().get(`${RG}/providers/Microsoft.HybridCompute/machines/${name}`)?.properties.privateLinkScopeResourceId,
      SCOPE,
    );
  }
  await shot("09-arc-resources");
});

test("Private endpoint connections: approve a pending connection with a description", async () => {
  await open(`/scope${SCOPE}?tab=connections`, /arc-pls/);
  const row = page.getByRole("row", { name: /Pending/ });
  await row.getByRole("radio").check();
  await page.getByRole("button", { name: "✓ Approve" }).click();
  await page.getByLabel("Description").fill("Approved by the portal test");
  await shot("10-approve-dialog");
  await page.getByRole("button", { name: "Yes, approve" }).click();
  await page.getByRole("cell", { name: "Approved by the portal test" }).waitFor();
  const pe = world().get(`${RG}/providers/Microsoft.Network/privateEndpoints/arc-pe-manual`)!;
  const connection = world()
    .under(SCOPE, "Microsoft.HybridCompute/privateLinkScopes/privateEndpointConnections")
    .find((c) => (c.properties.privateEndpoint as { id: string }).id.toLowerCase() === pe.id.toLowerCase())!;
  assert.deepEqual(connection.properties.privateLinkServiceConnectionState, {
    status: "Approved",
    description: "Approved by the portal test",
    actionsRequired: "None",
  });
  await shot("11-connections");
});

test("DNS configuration: the FQDN ↔ IP table and hosts files for Windows and Linux", async () => {
  await open(`/scope${SCOPE}?tab=dns`, /arc-pls/);
  const card = page.getByRole("region", { name: /^arc-pe private endpoint/ });
  await card.getByRole("rowheader", { name: "gbl.his.arc.azure.com" }).waitFor();
  await shot("12-dns-configuration");
  const configs = world().get(`${RG}/providers/Microsoft.Network/privateEndpoints/arc-pe`)!.properties
    .customDnsConfigs as {
    fqdn: string;
    ipAddresses: string[];
  }[];
  for (const [os, eol] of [
    ["Linux", "\n"],
    ["Windows", "\r\n"],
  ] as const) {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      card.getByRole("button", { name: `Download hosts file (${os})` }).click(),
    ]);
    const text = readFileSync((await download.path())!, "utf8");
    assert.match(download.suggestedFilename(), new RegExp(`hosts-arc-pe-${os.toLowerCase()}`));
    for (const c of configs.filter((c) => !c.fqdn.includes("kubernetes"))) {
      assert.match(
        text,
        new RegExp(`^${c.ipAddresses[0].replace(/\./g, "\\.")}\\s+${c.fqdn.replace(/\./g, "\\.")}\\r?$`, "m"),
      );
    }
    assert.ok(text.endsWith(eol), `${os} line endings`);
  }
});

/** Generate script, then Download: the file's name and text (and a screenshot of the page). */
async function generateAndDownload(screenshot: string): Promise<{ fileName: string; text: string }> {
  await page.getByRole("button", { name: "Generate script" }).click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download" }).click(),
  ]);
  await shot(screenshot);
  return { fileName: download.suggestedFilename(), text: readFileSync((await download.path())!, "utf8") };
}

test("Machines – Azure Arc: Add → Generate script gives the script of arclink generate onboarding-script", async () => {
  await open("/machines", "Azure Arc | Machines");
  await page.getByRole("rowheader", { name: "web01" }).waitFor();
  await shot("13-machines");
  await page.getByRole("link", { name: /Generate script/ }).click();
  await page.getByLabel("Resource group").selectOption("arc-pl");
  await page.getByRole("radio", { name: "Linux" }).check();
  await page.getByRole("radio", { name: "Private endpoint" }).check();
  await page.getByLabel("Private link scope").selectOption(SCOPE);
  await page.getByLabel("Tag 1 name").fill("env");
  await page.getByLabel("Tag 1 value").fill("lab");
  const { fileName, text } = await generateAndDownload("14-onboarding-script");
  assert.equal(fileName, "OnboardingScript.sh");
  const expected = generateOnboardingScript(world(), {
    os: "linux",
    privateLinkScope: SCOPE,
    resourceGroup: "arc-pl",
    location: "westeurope",
    subscriptionId: system.subscriptionId,
    tenantId: system.tenantId,
    tags: { env: "lab" },
  }).text;
  assert.equal(text, expected);
  assert.match(text, /--private-link-scope "\$PRIVATE_LINK_SCOPE"/);
});

test("Machines – Azure Arc: Add → Generate script with connectivity method Public endpoint gives the script without a scope", async () => {
  await open("/machines", "Azure Arc | Machines");
  await page.getByRole("link", { name: /Generate script/ }).click();
  await page.getByLabel("Resource group").selectOption("arc-pl");
  await page.getByRole("radio", { name: "Windows" }).check();
  await page.getByRole("radio", { name: "Public endpoint" }).check();
  assert.equal(await page.getByLabel("Private link scope").count(), 0);
  const { fileName, text } = await generateAndDownload("14b-onboarding-script-public");
  assert.equal(fileName, "OnboardingScript.ps1");
  const expected = generateOnboardingScript(world(), {
    os: "windows",
    connectivity: "public-endpoint",
    resourceGroup: "arc-pl",
    location: "westeurope",
    subscriptionId: system.subscriptionId,
    tenantId: system.tenantId,
  }).text;
  assert.equal(text, expected);
  const lines = text.split("\r\n");
  assert.ok(lines.includes("# Connect this server to Azure Arc over its public endpoints (westeurope)."));
  assert.ok(lines.includes(`$ResourceGroup = 'arc-pl'`));
  assert.ok(lines.includes("  'weu.his.arc.azure.com' = @()"));
  assert.ok(!/PrivateLinkScope|private-link-scope/.test(text), "no scope in a public endpoint script");
});

test("Topology: a host turns red live when its DNS server's forwarders are removed through the API", async () => {
  await open(`/topology?select=${encodeURIComponent(HOST_WEB01)}`, "Topology");
  const web01 = page.locator(`g.node.host[data-id="${HOST_WEB01}"]`);
  await web01.waitFor();
  assert.doesNotMatch((await web01.getAttribute("class"))!, /health-error/);
  await page.getByRole("heading", { name: "Endpoints" }).waitFor();
  await shot("15-topology");
  await page.evaluate(() => {
    (globalThis as any).marker = 42;
  });
  // An API write, as any client makes it: dc01 without its conditional forwarders.
  const dc01 = `${RG}/providers/Arclink.OnPremises/sites/hq/dnsServers/dc01`;
  const res = await fetch(`${system.armUrl}${dc01}?api-version=2026-11-01`, {
    method: "PUT",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ properties: { address: "192.168.0.10", recursion: true, cnameChasing: true } }),
  });
  assert.equal(res.status, 200, await res.text());
  await page.waitForFunction(
    (id) =>
      (globalThis as any).document.querySelector(`g.node.host[data-id="${id}"]`)?.classList.contains("health-error"),
    HOST_WEB01,
  );
  assert.equal(await page.evaluate(() => (globalThis as any).marker), 42, "no reload");
  // The side panel follows too: the host's findings now include an error, with its fix.
  await page.locator(".side .finding.error").first().waitFor();
  assert.match((await page.locator(".side .finding.error").first().textContent()) ?? "", /Fix: /);
  await shot("16-topology-live-red");
  await page.getByRole("button", { name: /Switch to (dark|light) theme/ }).click();
  await shot("17-topology-theme");
});

test("keyboard: the diagram's nodes take focus and Enter selects one", async () => {
  const node = page.locator(`g.node.host[data-id="${RG}/providers/Arclink.OnPremises/sites/hq/hosts/db01"]`);
  await node.focus();
  await page.keyboard.press("Enter");
  await page.locator(".side h2", { hasText: "db01" }).waitFor();
});
