import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { ResourceManagementClient } from "@azure/arm-resources";
import { startTestSystem, type TestSystem } from "./helpers/system.js";

let system: TestSystem;
let client: ResourceManagementClient;

before(async () => {
  system = await startTestSystem();
  // The SDK asks for a token for https://management.azure.com/.default, as against Azure.
  client = new ResourceManagementClient(system.credential, system.subscriptionId, { endpoint: system.armUrl });
});
after(() => system.stop());

test("@azure/arm-resources creates, reads, tags, lists and deletes a resource group", async () => {
  const created = await client.resourceGroups.createOrUpdate("rg-one", {
    location: "westeurope",
    tags: { env: "lab" },
  });
  assert.equal(created.name, "rg-one");
  assert.equal(created.location, "westeurope");
  assert.equal(created.properties?.provisioningState, "Succeeded");
  const exists = await client.resourceGroups.checkExistence("rg-one");
  assert.equal(exists.body, true);
  const updated = await client.resourceGroups.update("rg-one", { tags: { env: "prod" } });
  assert.deepEqual(updated.tags, { env: "prod" });
  const names: string[] = [];
  for await (const rg of client.resourceGroups.list()) names.push(rg.name ?? "");
  assert.deepEqual(names, ["rg-one"]);
  await client.resourceGroups.beginDeleteAndWait("rg-one", { updateIntervalInMs: 10 });
  assert.equal((await client.resourceGroups.checkExistence("rg-one")).body, false);
});

test("a missing resource group is ResourceGroupNotFound", async () => {
  await assert.rejects(client.resourceGroups.get("nope"), (e: { statusCode?: number; code?: string }) => {
    assert.equal(e.statusCode, 404);
    assert.equal(e.code, "ResourceGroupNotFound");
    return true;
  });
});
