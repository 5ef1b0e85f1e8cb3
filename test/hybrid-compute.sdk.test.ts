import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { HybridComputeManagementClient } from "@azure/arm-hybridcompute";
import { ResourceManagementClient } from "@azure/arm-resources";
import { createHttpHeaders, createPipelineRequest } from "@azure/core-rest-pipeline";
import { buildScopeConnection } from "../src/arm/providers/hybrid-compute/index.js";
import { startTestSystem, type TestSystem } from "./helpers/system.js";

let system: TestSystem;
let client: HybridComputeManagementClient;
const RG = "arc-lab";

/**
 * `@azure/arm-hybridcompute@3.0.0` has no machine create or update, so those requests go
 * through the SDK client's own pipeline (its bearer-token policy, TLS and api-version).
 */
async function sendMachine(method: "PUT" | "PATCH", name: string, body: unknown) {
  const url = `${system.armUrl}/subscriptions/${system.subscriptionId}/resourceGroups/${RG}/providers/Microsoft.HybridCompute/machines/${name}?api-version=${client.apiVersion}`;
  const res = await client.sendRequest(
    createPipelineRequest({
      url,
      method,
      body: JSON.stringify(body),
      // As the SDK's own operations send it; ARM answers a body without it with 415.
      headers: createHttpHeaders({ "content-type": "application/json" }),
    }),
  );
  return { status: res.status, body: JSON.parse(res.bodyAsText ?? "{}") };
}

before(async () => {
  system = await startTestSystem({ pageSize: 5 });
  const options = { endpoint: system.armUrl };
  client = new HybridComputeManagementClient(system.credential, system.subscriptionId, options);
  const resources = new ResourceManagementClient(system.credential, system.subscriptionId, options);
  await resources.resourceGroups.createOrUpdate(RG, { location: "westeurope" });
});
after(() => system.stop());

describe("@azure/arm-hybridcompute 3.0.0 (api-version 2021-05-20) against arclink", () => {
  test("the SDK sends api-version 2021-05-20", () => {
    assert.equal(client.apiVersion, "2021-05-20");
  });

  test("a scope: create Enabled, switch to Disabled, get, list, private link resources", async () => {
    const created = await client.privateLinkScopes.createOrUpdate(RG, "pls", {
      location: "westeurope",
      properties: { publicNetworkAccess: "Enabled" },
    });
    assert.equal(created.properties?.publicNetworkAccess, "Enabled");
    assert.equal(created.properties?.provisioningState, "Succeeded");
    const switched = await client.privateLinkScopes.createOrUpdate(RG, "pls", {
      location: "westeurope",
      properties: { publicNetworkAccess: "Disabled" },
    });
    assert.equal(switched.properties?.publicNetworkAccess, "Disabled");
    assert.equal(switched.properties?.privateLinkScopeId, created.properties?.privateLinkScopeId);
    const got = await client.privateLinkScopes.get(RG, "pls");
    assert.equal(got.id, created.id);
    const tagged = await client.privateLinkScopes.updateTags(RG, "pls", { tags: { env: "lab" } });
    assert.deepEqual(tagged.tags, { env: "lab" });
    const names: string[] = [];
    for await (const s of client.privateLinkScopes.list()) names.push(s.name ?? "");
    for await (const s of client.privateLinkScopes.listByResourceGroup(RG)) names.push(s.name ?? "");
    assert.deepEqual(names, ["pls", "pls"]);
    const groups = [];
    for await (const r of client.privateLinkResources.listByPrivateLinkScope(RG, "pls"))
      groups.push(r.properties?.groupId);
    assert.deepEqual(groups, ["hybridcompute"]);
    assert.equal((await client.privateLinkResources.get(RG, "pls", "hybridcompute")).name, "hybridcompute");
  });

  test("machines: associated in the scope's region, refused in another, associated later by PATCH", async () => {
    const scopeId = (await client.privateLinkScopes.get(RG, "pls")).id ?? "";
    const created = await sendMachine("PUT", "web01", {
      location: "westeurope",
      properties: { privateLinkScopeResourceId: scopeId },
    });
    assert.equal(created.status, 201);
    const machine = await client.machines.get(RG, "web01");
    assert.equal(machine.properties?.privateLinkScopeResourceId, scopeId);
    const refused = await sendMachine("PUT", "far01", {
      location: "eastus",
      properties: { privateLinkScopeResourceId: scopeId },
    });
    assert.equal(refused.status, 400);
    assert.equal(refused.body.error.code, "InvalidPrivateLinkScopeLocation");
    await assert.rejects(client.machines.get(RG, "far01"), { statusCode: 404 });
    assert.equal((await sendMachine("PUT", "db01", { location: "westeurope" })).status, 201);
    const patched = await sendMachine("PATCH", "db01", { properties: { privateLinkScopeResourceId: scopeId } });
    assert.equal(patched.status, 200);
    assert.equal((await client.machines.get(RG, "db01")).properties?.privateLinkScopeResourceId, scopeId);
  });

  test("both validation details", async () => {
    const scope = await client.privateLinkScopes.get(RG, "pls");
    const byId = await client.privateLinkScopes.getValidationDetails(
      "westeurope",
      scope.properties?.privateLinkScopeId ?? "",
    );
    assert.equal(byId.id, scope.id);
    assert.equal(byId.publicNetworkAccess, "Disabled");
    assert.deepEqual(byId.connectionDetails, []);
    const forMachine = await client.privateLinkScopes.getValidationDetailsForMachine(RG, "web01");
    assert.deepEqual(forMachine, byId);
  });

  test("a private endpoint connection made by the network side is listed and approved", async () => {
    const scope = await client.privateLinkScopes.get(RG, "pls");
    const peId = `/subscriptions/${system.subscriptionId}/resourceGroups/${RG}/providers/Microsoft.Network/privateEndpoints/pe1`;
    system.app.store.commit({
      puts: [
        buildScopeConnection({ scopeId: scope.id ?? "", privateEndpointId: peId, name: "pe1.c", status: "Pending" }),
      ],
      deletes: [],
    });
    const listed = [];
    for await (const c of client.privateEndpointConnections.listByPrivateLinkScope(RG, "pls")) listed.push(c);
    assert.equal(listed[0]?.properties?.privateLinkServiceConnectionState?.status, "Pending");
    const approved = await client.privateEndpointConnections.beginCreateOrUpdateAndWait(
      RG,
      "pls",
      "pe1.c",
      { properties: { privateLinkServiceConnectionState: { status: "Approved", description: "ok" } } },
      { updateIntervalInMs: 10 },
    );
    assert.equal(approved.properties?.privateLinkServiceConnectionState?.status, "Approved");
    assert.equal(approved.properties?.privateEndpoint?.id, peId);
  });

  test("machines list across pages (page size 5)", async () => {
    for (let i = 0; i < 10; i++) {
      assert.equal(
        (await sendMachine("PUT", `node${String(i).padStart(2, "0")}`, { location: "westeurope" })).status,
        201,
      );
    }
    const bySub: string[] = [];
    for await (const m of client.machines.listBySubscription()) bySub.push(m.name ?? "");
    const byRg: string[] = [];
    for await (const m of client.machines.listByResourceGroup(RG)) byRg.push(m.name ?? "");
    assert.equal(bySub.length, 12);
    assert.deepEqual(byRg, bySub);
    const firstPage = await client.machines.listByResourceGroup(RG).byPage().next();
    assert.equal(firstPage.value.length, 5);
  });

  test("delete: a machine at once, the scope (with its connection) as a long-running operation", async () => {
    await client.machines.delete(RG, "node00");
    await assert.rejects(client.machines.get(RG, "node00"), { statusCode: 404 });
    await client.privateLinkScopes.beginDeleteAndWait(RG, "pls", { updateIntervalInMs: 10 });
    await assert.rejects(client.privateLinkScopes.get(RG, "pls"), { statusCode: 404, code: "ResourceNotFound" });
    const left = system.app.store.world.ofType("Microsoft.HybridCompute/privateLinkScopes/privateEndpointConnections");
    assert.equal(left.length, 0);
  });
});
