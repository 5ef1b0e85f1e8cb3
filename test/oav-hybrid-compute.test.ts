import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { buildScopeConnection } from "../src/arm/providers/hybrid-compute/index.js";
import { type Recorder, recorder, validateTraffic } from "./helpers/oav.js";
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

let system: TestSystem;
let rec: Recorder;

before(async () => {
  system = await startTestSystem();
  const { token } = await system.credential.getToken("https://management.azure.com/.default");
  rec = recorder(system.armUrl, token, () => DIR);
});
after(async () => {
  await system.stop();
  rmSync(DIR, { recursive: true, force: true });
});

test("recorded private link scope traffic validates against privateLinkScopes.json 2025-01-13 with zero errors", async () => {
  const sub = `/subscriptions/${system.subscriptionId}`;
  const rg = `${sub}/resourceGroups/arc-lab`;
  const scopes = `${rg}/providers/Microsoft.HybridCompute/privateLinkScopes`;
  const scope = `${scopes}/pls`;
  const { record, send } = rec;
  assert.equal((await send("PUT", `${rg}?api-version=2025-04-01`, { location: "westeurope" })).res.status, 201);

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
  await send("PUT", `${rg}/providers/Microsoft.HybridCompute/machines/web01?${V}`, {
    location: "westeurope",
    properties: { privateLinkScopeResourceId: created.body.id },
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
  assert.equal(readdirSync(DIR).length, rec.count);

  const { problems, covered, unmatched } = await validateTraffic(SPEC, DIR);
  assert.deepEqual(problems, []);
  assert.equal(unmatched, 0, "every recording matches an operation of the spec");
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
