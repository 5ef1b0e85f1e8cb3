import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { TrafficValidator } from "oav";
import { buildScopeConnection } from "../src/arm/providers/hybrid-compute/index.js";
import { specPath } from "./helpers/reference.js";
import { startTestSystem, type TestSystem } from "./helpers/system.js";

/**
 * Records real request/response pairs of the private link scope operations from a running
 * arclink (api-version 2025-01-13), in the payload format `oav validate-traffic` reads
 * (`{liveRequest, liveResponse}`), then validates them against the saved spec
 * [SPEC-PLS]. The recordings are made afresh in a temp folder on every run; the test fails on any
 * error, runtime exception or request oav cannot match to an operation of the spec.
 */
const SPEC = specPath(
  "hybridcompute/resource-manager/Microsoft.HybridCompute/HybridCompute/stable/2025-01-13/privateLinkScopes.json",
);
const DIR = mkdtempSync(join(tmpdir(), "arclink-oav-hybrid-compute-"));
const V = "api-version=2025-01-13";
const AZURE = "https://management.azure.com";

let system: TestSystem;
let token: string;
let count = 0;

before(async () => {
  system = await startTestSystem();
  token = (await system.credential.getToken("https://management.azure.com/.default")).token;
});
after(async () => {
  await system.stop();
  rmSync(DIR, { recursive: true, force: true });
});

/** Sends one request to the server and records the pair under the operation's name. */
async function record(operationId: string, method: string, path: string, body?: unknown) {
  const url = `${system.armUrl}${path}`;
  const requestHeaders: Record<string, string> = body === undefined ? {} : { "content-type": "application/json" };
  const res = await fetch(url, {
    method,
    headers: { ...requestHeaders, authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const responseBody = text ? JSON.parse(text) : undefined;
  const responseHeaders: Record<string, string> = {};
  res.headers.forEach((value, name) => {
    responseHeaders[name] = value.replaceAll(system.armUrl, AZURE);
  });
  const pair = {
    liveRequest: { url: url.replace(system.armUrl, AZURE), method, headers: requestHeaders, body },
    liveResponse: { statusCode: String(res.status), headers: responseHeaders, body: responseBody },
  };
  count += 1;
  writeFileSync(
    join(DIR, `${String(count).padStart(2, "0")}-${operationId}.json`),
    `${JSON.stringify(pair, null, 2)}\n`,
  );
  return { status: res.status, body: responseBody };
}

test("recorded private link scope traffic validates against privateLinkScopes.json 2025-01-13 with zero errors", async () => {
  const sub = `/subscriptions/${system.subscriptionId}`;
  const rg = `${sub}/resourceGroups/arc-lab`;
  const scopes = `${rg}/providers/Microsoft.HybridCompute/privateLinkScopes`;
  const scope = `${scopes}/pls`;
  const put = await fetch(`${system.armUrl}${rg}?api-version=2025-04-01`, {
    method: "PUT",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ location: "westeurope" }),
  });
  assert.equal(put.status, 201);

  const created = await record("PrivateLinkScopes_CreateOrUpdate", "PUT", `${scope}?${V}`, {
    location: "westeurope",
    tags: { env: "lab" },
    properties: { publicNetworkAccess: "Enabled" },
  });
  assert.equal(created.status, 201);
  const pe = `${rg}/providers/Microsoft.Network/privateEndpoints/pe1`;
  // What the network side leaves: an endpoint with a static address and its connection.
  system.app.store.commit({
    puts: [
      {
        id: pe,
        name: "pe1",
        type: "Microsoft.Network/privateEndpoints",
        location: "westeurope",
        properties: {
          ipConfigurations: [
            {
              name: "c1",
              properties: {
                groupId: "hybridcompute",
                memberName: "HybridCompute.ServerDP",
                privateIPAddress: "10.0.0.5",
              },
            },
          ],
        },
      },
      buildScopeConnection({
        scopeId: created.body.id,
        privateEndpointId: pe,
        name: "pe1.c",
        status: "Pending",
        description: "Please approve",
      }),
    ],
    deletes: [],
  });
  assert.equal(
    (
      await record("PrivateLinkScopes_CreateOrUpdate", "PUT", `${scope}?${V}`, {
        location: "westeurope",
        properties: { publicNetworkAccess: "Disabled" },
      })
    ).status,
    200,
  );
  await record("PrivateLinkScopes_Get", "GET", `${scope}?${V}`);
  await record("PrivateLinkScopes_ListByResourceGroup", "GET", `${scopes}?${V}`);
  await record("PrivateLinkScopes_List", "GET", `${sub}/providers/Microsoft.HybridCompute/privateLinkScopes?${V}`);
  await record("PrivateLinkScopes_UpdateTags", "PATCH", `${scope}?${V}`, { tags: { env: "prod" } });
  await record("PrivateLinkResources_ListByPrivateLinkScope", "GET", `${scope}/privateLinkResources?${V}`);
  await record("PrivateLinkResources_Get", "GET", `${scope}/privateLinkResources/hybridcompute?${V}`);
  await record("PrivateEndpointConnections_ListByPrivateLinkScope", "GET", `${scope}/privateEndpointConnections?${V}`);
  await record("PrivateEndpointConnections_Get", "GET", `${scope}/privateEndpointConnections/pe1.c?${V}`);
  const approved = await record(
    "PrivateEndpointConnections_CreateOrUpdate",
    "PUT",
    `${scope}/privateEndpointConnections/pe1.c?${V}`,
    {
      properties: { privateLinkServiceConnectionState: { status: "Approved", description: "Approved by the lab" } },
    },
  );
  assert.equal(approved.status, 200);
  const guid = created.body.properties.privateLinkScopeId;
  const details = await record(
    "PrivateLinkScopes_GetValidationDetails",
    "GET",
    `${sub}/providers/Microsoft.HybridCompute/locations/westeurope/privateLinkScopes/${guid}?${V}`,
  );
  assert.equal(details.body.connectionDetails.length, 1);
  await fetch(`${system.armUrl}${rg}/providers/Microsoft.HybridCompute/machines/web01?${V}`, {
    method: "PUT",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ location: "westeurope", properties: { privateLinkScopeResourceId: created.body.id } }),
  });
  await record(
    "PrivateLinkScopes_GetValidationDetailsForMachine",
    "GET",
    `${rg}/providers/Microsoft.HybridCompute/machines/web01/privateLinkScopes/current?${V}`,
  );
  assert.equal(
    (await record("PrivateEndpointConnections_Delete", "DELETE", `${scope}/privateEndpointConnections/pe1.c?${V}`))
      .status,
    202,
  );
  assert.equal((await record("PrivateLinkScopes_Delete", "DELETE", `${scope}?${V}`)).status, 202);
  assert.equal((await record("PrivateLinkScopes_Delete", "DELETE", `${scope}?${V}`)).status, 204);
  assert.equal(readdirSync(DIR).length, count);

  const validator = new TrafficValidator(SPEC, DIR);
  await validator.initialize();
  const issues = await validator.validate();
  const problems = issues.flatMap((i) => [
    ...(i.errors ?? []).map(
      (e) => `${i.payloadFilePath}: ${e.code} ${e.message} at ${JSON.stringify(e.jsonPathsInPayload)}`,
    ),
    ...(i.runtimeExceptions ?? []).map((e) => `${i.payloadFilePath}: ${e.code} ${e.message}`),
  ]);
  assert.deepEqual(problems, []);
  assert.equal(validator.operationUndefinedResult, 0, "every recording matches an operation of the spec");
  const covered = validator.operationCoverageResult.flatMap((c) => c.coveredOperationsList.map((o) => o.operationId));
  for (const op of [
    "PrivateLinkScopes_CreateOrUpdate",
    "PrivateLinkScopes_Get",
    "PrivateLinkScopes_List",
    "PrivateLinkScopes_ListByResourceGroup",
    "PrivateLinkScopes_UpdateTags",
    "PrivateLinkScopes_Delete",
    "PrivateLinkScopes_GetValidationDetails",
    "PrivateLinkScopes_GetValidationDetailsForMachine",
    "PrivateEndpointConnections_Get",
    "PrivateEndpointConnections_ListByPrivateLinkScope",
    "PrivateEndpointConnections_CreateOrUpdate",
    "PrivateEndpointConnections_Delete",
    "PrivateLinkResources_Get",
    "PrivateLinkResources_ListByPrivateLinkScope",
  ]) {
    assert.ok(covered.includes(op), `oav saw ${op}`);
  }
});
