import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  type AzResult,
  type AzSandbox,
  assertNoForeignCalls,
  foreignConnectionErrors,
  runAz,
  startAzSandbox,
} from "./helpers/az.js";
import { startTestSystem, type TestSystem } from "./helpers/system.js";

// The Azure CLI 2.45 from Debian, unchanged, against arclink: cloud registration from
// /metadata/endpoints, ADFS-style service principal login through MSAL, resource groups,
// generic resources (api-version from the provider listing) and `az rest`.

let system: TestSystem;
let az: AzSandbox;
const results: AzResult[] = [];

/** stderr without az's debug log, which would bury the error. */
function errorLines(stderr: string): string {
  return stderr
    .split("\n")
    .filter((l) => !/^(DEBUG|INFO): /.test(l))
    .join("\n");
}

async function ok(args: string[]): Promise<AzResult> {
  const res = await runAz(args, az);
  results.push(res);
  assertNoForeignCalls(az, res);
  assert.equal(res.code, 0, `az ${args.join(" ")} failed:\n${errorLines(res.stderr)}`);
  return res;
}

before(async () => {
  system = await startTestSystem();
  az = await startAzSandbox();
});
after(async () => {
  await az?.stop();
  await system?.stop();
});

test("the tripwire proxy catches what az would send to the internet", async () => {
  // Without the seeded version cache, az 2.45 checks azure.microsoft.com on start.
  const raw = await startAzSandbox({ seedVersionCheck: false });
  try {
    await runAz(["config", "get", "core.collect_telemetry"], raw);
    assert.ok(
      raw.foreignRequests.some((r) => r.startsWith("azure.microsoft.com")),
      `expected a recorded request, got ${JSON.stringify(raw.foreignRequests)}`,
    );
    assert.throws(() => assertNoForeignCalls(raw), /tried to reach the internet: 'azure\.microsoft\.com:443'/);
  } finally {
    await raw.stop();
  }
});

test("a connection error printed for a foreign host counts as an internet call; one for localhost does not", () => {
  const foreign =
    "ERROR: HTTPSConnectionPool(host='management.azure.com', port=443): Max retries exceeded with url: /subscriptions (Caused by NewConnectionError('Failed to establish a new connection'))";
  const local =
    "ERROR: HTTPSConnectionPool(host='localhost', port=8443): Max retries exceeded with url: /subscriptions (Caused by NewConnectionError('Failed to establish a new connection'))";
  assert.equal(foreignConnectionErrors(foreign).length, 1);
  assert.deepEqual(foreignConnectionErrors(local), []);
  assert.deepEqual(foreignConnectionErrors("WARNING: Switched active cloud to 'arclink'."), []);
});

test("az cloud register reads an ADFS authority and this server's audience from /metadata/endpoints", async () => {
  await ok(["cloud", "register", "-n", "arclink", "--endpoint-resource-manager", system.armUrl]);
  const { json: cloud } = await ok(["cloud", "show", "-n", "arclink", "-o", "json"]);
  assert.equal(cloud.endpoints.resourceManager, system.armUrl);
  assert.equal(cloud.endpoints.activeDirectory, `${system.armUrl}/adfs`);
  assert.equal(cloud.endpoints.activeDirectoryResourceId, `${system.armUrl}/`);
  assert.equal(cloud.endpoints.activeDirectoryGraphResourceId, `${system.armUrl}/`);
  await ok(["cloud", "set", "-n", "arclink"]);
});

test("az login with a wrong secret fails with Entra's invalid_client error", async () => {
  const res = await runAz(
    [
      "login",
      "--service-principal",
      "-u",
      system.servicePrincipal.clientId,
      "-p",
      "not-the-secret",
      "--tenant",
      system.tenantId,
    ],
    az,
  );
  results.push(res);
  assert.notEqual(res.code, 0);
  assert.match(res.stderr, /AADSTS7000215/);
  const { json: accounts } = await ok(["account", "list", "-o", "json"]);
  assert.deepEqual(accounts, []);
});

test("az login --service-principal signs in to the zero-GUID subscription", async () => {
  const { clientId, secret } = system.servicePrincipal;
  const { json: subscriptions } = await ok([
    "login",
    "--service-principal",
    "-u",
    clientId,
    "-p",
    secret,
    "--tenant",
    system.tenantId,
    "-o",
    "json",
  ]);
  assert.equal(subscriptions.length, 1);
  assert.equal(subscriptions[0].id, system.subscriptionId);
  assert.equal(subscriptions[0].cloudName, "arclink");
  assert.deepEqual(subscriptions[0].user, { name: clientId, type: "servicePrincipal" });
  const { json: account } = await ok(["account", "show", "-o", "json"]);
  assert.equal(account.id, "00000000-0000-0000-0000-000000000000");
  assert.equal(account.tenantId, system.tenantId);
  assert.equal(account.environmentName, "arclink");
  assert.equal(account.state, "Enabled");
});

test("az group create and show", async () => {
  const { json: created } = await ok(["group", "create", "-n", "rg1", "-l", "westeurope", "-o", "json"]);
  assert.equal(created.name, "rg1");
  assert.equal(created.location, "westeurope");
  assert.equal(created.properties.provisioningState, "Succeeded");
  const { json: shown } = await ok(["group", "show", "-n", "rg1", "-o", "json"]);
  assert.equal(shown.id.toLowerCase(), `/subscriptions/${system.subscriptionId}/resourcegroups/rg1`);
});

test("az resource create makes a private link scope with the newest stable HybridCompute api-version", async () => {
  const { json: provider } = await ok(["provider", "show", "-n", "Microsoft.HybridCompute", "-o", "json"]);
  assert.equal(provider.registrationState, "Registered");
  const type = provider.resourceTypes.find((t: { resourceType: string }) => t.resourceType === "privateLinkScopes");
  const newestStable = type.apiVersions.find((v: string) => !v.includes("preview"));
  const { json: scope, stderr } = await ok([
    "resource",
    "create",
    "--resource-type",
    "Microsoft.HybridCompute/privateLinkScopes",
    "-g",
    "rg1",
    "-n",
    "scope1",
    "-l",
    "westeurope",
    "-p",
    '{"publicNetworkAccess":"Disabled"}',
    "-o",
    "json",
    "--debug",
  ]);
  assert.match(stderr, new RegExp(`"PUT [^"]*/privateLinkScopes/scope1\\?api-version=${newestStable} HTTP`));
  assert.equal(scope.type, "Microsoft.HybridCompute/privateLinkScopes");
  assert.equal(scope.properties.publicNetworkAccess, "Disabled");
  assert.equal(scope.properties.provisioningState, "Succeeded");
  const { json: shown } = await ok([
    "resource",
    "show",
    "--resource-type",
    "Microsoft.HybridCompute/privateLinkScopes",
    "-g",
    "rg1",
    "-n",
    "scope1",
    "-o",
    "json",
  ]);
  assert.equal(shown.id, scope.id);
});

test("az rest puts and gets a machine associated with the scope", async () => {
  const rg = `/subscriptions/${system.subscriptionId}/resourceGroups/rg1`;
  const scopeId = `${rg}/providers/Microsoft.HybridCompute/privateLinkScopes/scope1`;
  const machine = `${rg}/providers/Microsoft.HybridCompute/machines/m1`;
  const body = { location: "westeurope", properties: { privateLinkScopeResourceId: scopeId } };
  const { json: put } = await ok([
    "rest",
    "--method",
    "put",
    "--url",
    `${machine}?api-version=2024-07-10`,
    "--body",
    JSON.stringify(body),
  ]);
  assert.equal(put.name, "m1");
  // A full URL on the ARM endpoint gets a token for the cloud's audience, as a relative one does.
  const { json: got } = await ok([
    "rest",
    "--method",
    "get",
    "--url",
    `${system.armUrl}${machine}?api-version=2024-07-10`,
  ]);
  assert.equal(got.id.toLowerCase(), machine.toLowerCase());
  assert.equal(got.properties.privateLinkScopeResourceId.toLowerCase(), scopeId.toLowerCase());
});

test("az group delete removes the group and az group show then exits with 3", async () => {
  await ok(["group", "delete", "-n", "rg1", "--yes"]);
  const res = await runAz(["group", "show", "-n", "rg1"], az);
  results.push(res);
  assert.equal(res.code, 3, res.stderr);
  assert.match(res.stderr, /ResourceGroupNotFound/);
});

test("no az command tried to reach a host other than arclink", () => {
  assertNoForeignCalls(az, ...results);
});
