import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { inject, RG_API, SUB } from "../../../test/helpers/inject.js";
import { MapWorld, type Resource } from "../../world/index.js";
import { machineScopeRegion } from "./machine-scope-region.js";

const RG = `/subscriptions/${SUB}/resourceGroups/rg`;
const SCOPE = `${RG}/providers/Microsoft.HybridCompute/privateLinkScopes/pls`;
const scope: Resource = {
  id: SCOPE,
  name: "pls",
  type: "Microsoft.HybridCompute/privateLinkScopes",
  location: "westeurope",
  properties: {},
};
const machine = (location: string): Resource => ({
  id: `${RG}/providers/Microsoft.HybridCompute/machines/m`,
  name: "m",
  type: "Microsoft.HybridCompute/machines",
  location,
  properties: { privateLinkScopeResourceId: SCOPE },
});

describe("rule hybrid-compute/machine-scope-region", () => {
  test("a machine in the scope's region is accepted", () => {
    assert.equal(
      machineScopeRegion.checkPut?.(new MapWorld([scope]), machine("westeurope"), undefined, new Date()),
      undefined,
    );
  });

  test("a machine in another region is InvalidPrivateLinkScopeLocation", () => {
    const error = machineScopeRegion.checkPut?.(new MapWorld([scope]), machine("eastus"), undefined, new Date());
    assert.equal(error?.code, "InvalidPrivateLinkScopeLocation");
    assert.equal(error?.status, 400);
    assert.match(error?.message ?? "", /'eastus'.*'pls' in location 'westeurope'/);
  });

  test("through the engine, the refusal leaves the store unchanged", async () => {
    const { call, store } = await inject();
    await call("PUT", `${RG}?${RG_API}`, { body: { location: "westeurope" } });
    const v = "api-version=2022-12-27";
    await call("PUT", `${SCOPE}?${v}`, { body: { location: "westeurope" } });
    const before = JSON.stringify(store.world.all());
    const res = await call("PUT", `${RG}/providers/Microsoft.HybridCompute/machines/far?${v}`, {
      body: { location: "eastus", properties: { privateLinkScopeResourceId: SCOPE } },
    });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, "InvalidPrivateLinkScopeLocation");
    assert.equal(JSON.stringify(store.world.all()), before);
  });
});
