import assert from "node:assert/strict";
import { test } from "node:test";
import { ArmError } from "../../../rules/index.js";
import { buildSubnet, subnetPrefixes } from "./subnet-body.js";

const VNET = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v";

test("a subnet body is stored with Azure's defaults: endpoint policies Disabled, service policies Enabled", () => {
  const s = buildSubnet(VNET, "pe", { properties: { addressPrefix: "10.0.1.0/24" } }, "body");
  assert.equal(s.id, `${VNET}/subnets/pe`);
  assert.equal(s.properties.privateEndpointNetworkPolicies, "Disabled");
  assert.equal(s.properties.privateLinkServiceNetworkPolicies, "Enabled");
  assert.deepEqual(subnetPrefixes(s), ["10.0.1.0/24"]);
});

test("single and plural prefixes are read together, once each", () => {
  const s = buildSubnet(
    VNET,
    "two",
    { properties: { addressPrefix: "10.0.1.0/24", addressPrefixes: ["10.0.1.0/24", "10.0.2.0/24"] } },
    "body",
  );
  assert.deepEqual(subnetPrefixes(s), ["10.0.1.0/24", "10.0.2.0/24"]);
});

test("a subnet with no prefix, or an unknown policy value, is refused with the property named", () => {
  assert.throws(
    () => buildSubnet(VNET, "none", { properties: {} }, "body"),
    (e: ArmError) => e instanceof ArmError && /has no address prefix/.test(e.message),
  );
  assert.throws(
    () =>
      buildSubnet(
        VNET,
        "bad",
        { properties: { addressPrefix: "10.0.1.0/24", privateEndpointNetworkPolicies: "Sometimes" } },
        "body",
      ),
    (e: ArmError) => e instanceof ArmError && /privateEndpointNetworkPolicies/.test(`${e.target} ${e.message}`),
  );
});
