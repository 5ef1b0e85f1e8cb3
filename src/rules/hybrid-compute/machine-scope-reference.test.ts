import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { MapWorld, type Resource } from "../../world/index.js";
import { machineScopeReference } from "./machine-scope-reference.js";

const RG = "/subscriptions/s/resourceGroups/rg";
const SCOPE = `${RG}/providers/Microsoft.HybridCompute/privateLinkScopes/pls`;
const now = new Date("2026-11-26T00:00:00Z");
const scope: Resource = {
  id: SCOPE,
  name: "pls",
  type: "Microsoft.HybridCompute/privateLinkScopes",
  location: "westeurope",
  properties: {},
};
const machine = (value: unknown): Resource => ({
  id: `${RG}/providers/Microsoft.HybridCompute/machines/m`,
  name: "m",
  type: "Microsoft.HybridCompute/machines",
  location: "westeurope",
  properties: value === undefined ? {} : { privateLinkScopeResourceId: value },
});
const check = (world: MapWorld, m: Resource, previous?: Resource) =>
  machineScopeReference.checkPut?.(world, m, previous, now);

describe("rule hybrid-compute/machine-scope-reference", () => {
  test("an existing scope id is accepted, in any case", () => {
    assert.equal(check(new MapWorld([scope]), machine(SCOPE.toUpperCase())), undefined);
  });

  test("no association is accepted", () => {
    assert.equal(check(new MapWorld([]), machine(undefined)), undefined);
    assert.equal(check(new MapWorld([]), machine("")), undefined);
  });

  test("a value that is not one scope id is InvalidParameter", () => {
    for (const bad of [[SCOPE], 42, "not-an-id", `${RG}/providers/Microsoft.Network/virtualNetworks/v`]) {
      const error = check(new MapWorld([scope]), machine(bad));
      assert.equal(error?.code, "InvalidParameter", JSON.stringify(bad));
      assert.equal(error?.status, 400);
      assert.equal(error?.target, "properties.privateLinkScopeResourceId");
    }
  });

  test("a scope that does not exist is LinkedResourceNotFound", () => {
    const error = check(new MapWorld([]), machine(SCOPE));
    assert.equal(error?.code, "LinkedResourceNotFound");
    assert.match(error?.message ?? "", /privateLinkScopes\/pls' referenced by machine 'm' was not found/);
  });

  test("an unchanged association is not checked again (the scope may since have gone)", () => {
    assert.equal(check(new MapWorld([]), machine(SCOPE), machine(SCOPE.toLowerCase())), undefined);
  });
});
