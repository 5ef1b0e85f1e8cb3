import assert from "node:assert/strict";
import { test } from "node:test";
import { buildId, childId, idKey, normalizePath, parentId, parseId, RESOURCE_GROUP_TYPE, sameId } from "./arm-id.js";

const SUB = "/subscriptions/s1";

test("parses subscriptions, resource groups, resources and children", () => {
  assert.equal(parseId(SUB)?.type, "Microsoft.Resources/subscriptions");
  const rg = parseId(`${SUB}/resourceGroups/rg`);
  assert.equal(rg?.type, RESOURCE_GROUP_TYPE);
  assert.equal(rg?.name, "rg");
  const child = parseId(
    `${SUB}/resourceGroups/rg/providers/Microsoft.HybridCompute/privateLinkScopes/s/privateEndpointConnections/c`,
  );
  assert.deepEqual(
    [child?.namespace, child?.types, child?.names, child?.type, child?.name],
    [
      "Microsoft.HybridCompute",
      ["privateLinkScopes", "privateEndpointConnections"],
      ["s", "c"],
      "Microsoft.HybridCompute/privateLinkScopes/privateEndpointConnections",
      "c",
    ],
  );
  const subLevel = parseId(`${SUB}/providers/Microsoft.HybridCompute/locations/westeurope/privateLinkScopes/g`);
  assert.equal(subLevel?.resourceGroup, undefined);
  assert.equal(subLevel?.type, "Microsoft.HybridCompute/locations/privateLinkScopes");
});

test("refuses what is not an id", () => {
  for (const bad of [
    "",
    "/",
    "/subscriptions",
    "/tenants/x",
    `${SUB}/resourceGroups`,
    `${SUB}/resourceGroups/rg/providers/Ns`,
    `${SUB}/resourceGroups/rg/providers/Ns/type`,
  ]) {
    assert.equal(parseId(bad), undefined, bad);
  }
});

test("ids compare case-insensitively, with repeated and trailing slashes collapsed", () => {
  assert.equal(normalizePath("//subscriptions//s1/"), "/subscriptions/s1");
  assert.equal(idKey(`${SUB}/ResourceGroups/RG/`), "/subscriptions/s1/resourcegroups/rg");
  assert.ok(sameId(`${SUB}/resourceGroups/rg`, "/SUBSCRIPTIONS/S1/resourcegroups/RG"));
  assert.ok(!sameId(undefined, undefined));
});

test("parents, children and built ids round-trip", () => {
  const id = parseId(`${SUB}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub/subnets/a`)!;
  assert.equal(parentId(id), `${SUB}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub`);
  assert.equal(parentId(parseId(parentId(id)!)!), `${SUB}/resourceGroups/rg`);
  assert.equal(parentId(parseId(`${SUB}/resourceGroups/rg`)!), SUB);
  assert.equal(buildId(id), id.id);
  assert.equal(childId(`${SUB}/resourceGroups/rg/`, "x", "y"), `${SUB}/resourceGroups/rg/x/y`);
});
