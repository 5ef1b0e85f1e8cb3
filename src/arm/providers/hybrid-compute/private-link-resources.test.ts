import assert from "node:assert/strict";
import { test } from "node:test";
import { inject, RG_API, SUB } from "../../../../test/helpers/inject.js";

const RG = `/subscriptions/${SUB}/resourceGroups/rg`;
const SCOPE = `${RG}/providers/Microsoft.HybridCompute/privateLinkScopes/pls`;
const V = "api-version=2025-01-13";

test("every scope has one private link resource, hybridcompute, with the docs' zone names", async () => {
  const { call } = await inject();
  await call("PUT", `${RG}?${RG_API}`, { body: { location: "westeurope" } });
  await call("PUT", `${SCOPE}?${V}`, { body: { location: "westeurope" } });
  const list = await call("GET", `${SCOPE}/privateLinkResources?${V}`);
  assert.equal(list.status, 200);
  assert.equal(list.body.value.length, 1);
  const got = await call("GET", `${SCOPE}/privateLinkResources/HybridCompute?${V}`);
  assert.deepEqual(got.body, list.body.value[0]);
  assert.equal(got.body.id, `${SCOPE}/privateLinkResources/hybridcompute`);
  assert.equal(got.body.properties.groupId, "hybridcompute");
  assert.deepEqual(got.body.properties.requiredZoneNames, [
    "privatelink.his.arc.azure.com",
    "privatelink.guestconfiguration.azure.com",
    "privatelink.dp.kubernetesconfiguration.azure.com",
  ]);
  assert.equal((await call("GET", `${SCOPE}/privateLinkResources/other?${V}`)).status, 404);
  assert.equal(
    (await call("GET", `${RG}/providers/Microsoft.HybridCompute/privateLinkScopes/none/privateLinkResources?${V}`))
      .status,
    404,
  );
});
