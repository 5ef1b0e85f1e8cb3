import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { inject, RG_API, SUB } from "../../../../test/helpers/inject.js";

const RG = `/subscriptions/${SUB}/resourceGroups/rg`;
const SCOPES = `${RG}/providers/Microsoft.HybridCompute/privateLinkScopes`;
const V = "api-version=2025-01-13";

async function setup() {
  const injector = await inject({ pageSize: 2 });
  await injector.call("PUT", `${RG}?${RG_API}`, { body: { location: "westeurope" } });
  return injector;
}

describe("Microsoft.HybridCompute/privateLinkScopes", () => {
  test("PUT creates (201) with publicNetworkAccess Disabled by default and a GUID id, then updates (200) keeping it", async () => {
    const { call } = await setup();
    const created = await call("PUT", `${SCOPES}/pls?${V}`, { body: { location: "West Europe" } });
    assert.equal(created.status, 201);
    assert.equal(created.body.location, "westeurope");
    assert.equal(created.body.properties.publicNetworkAccess, "Disabled");
    assert.equal(created.body.properties.provisioningState, "Succeeded");
    assert.deepEqual(created.body.properties.privateEndpointConnections, []);
    assert.match(created.body.properties.privateLinkScopeId, /^[0-9a-f-]{36}$/);
    const updated = await call("PUT", `${SCOPES}/pls?${V}`, {
      body: { location: "westeurope", properties: { publicNetworkAccess: "enabled" } },
    });
    assert.equal(updated.status, 200);
    assert.equal(updated.body.properties.publicNetworkAccess, "Enabled");
    assert.equal(updated.body.properties.privateLinkScopeId, created.body.properties.privateLinkScopeId);
  });

  test("lists by subscription and resource group page with nextLink", async () => {
    const { call } = await setup();
    for (const n of ["a", "b", "c"]) await call("PUT", `${SCOPES}/${n}?${V}`, { body: { location: "westeurope" } });
    const first = await call("GET", `${SCOPES}?${V}`);
    assert.equal(first.body.value.length, 2);
    const next = new URL(first.body.nextLink);
    const second = await call("GET", `${next.pathname}${next.search}`);
    assert.deepEqual(
      [...first.body.value, ...second.body.value].map((s: { name: string }) => s.name),
      ["a", "b", "c"],
    );
    const bySub = await call(
      "GET",
      `/subscriptions/${SUB}/providers/Microsoft.HybridCompute/privateLinkScopes?${V}&$top=10`,
    );
    assert.equal(bySub.body.value.length, 2);
  });

  test("PATCH changes tags only; any other member is refused", async () => {
    const { call } = await setup();
    await call("PUT", `${SCOPES}/pls?${V}`, { body: { location: "westeurope" } });
    const ok = await call("PATCH", `${SCOPES}/pls?${V}`, { body: { tags: { env: "lab" } } });
    assert.equal(ok.status, 200);
    assert.deepEqual(ok.body.tags, { env: "lab" });
    const bad = await call("PATCH", `${SCOPES}/pls?${V}`, { body: { properties: { publicNetworkAccess: "Enabled" } } });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, "InvalidRequestContent");
    assert.match(bad.body.error.message, /'properties' on object of type 'TagsResource'/);
  });

  test("serviceExtensions exist from 2026-07-15 and are refused, named, before", async () => {
    const { call } = await setup();
    const ext = [{ serviceExtensionType: "SQL", serviceExtensionPublicNetworkAccess: "Disabled" }];
    const old = await call("PUT", `${SCOPES}/pls?${V}`, {
      body: { location: "westeurope", properties: { serviceExtensions: ext } },
    });
    assert.equal(old.status, 400);
    assert.match(old.body.error.message, /'properties.serviceExtensions' is not supported by api-version '2025-01-13'/);
    const created = await call("PUT", `${SCOPES}/pls?api-version=2026-09-01`, {
      body: { location: "westeurope", properties: { serviceExtensions: ext } },
    });
    assert.equal(created.status, 201);
    assert.deepEqual(created.body.properties.serviceExtensions, ext);
    const seenOld = await call("GET", `${SCOPES}/pls?${V}`);
    assert.equal(seenOld.body.properties.serviceExtensions, undefined);
  });

  test("DELETE is a long-running operation and also deletes the scope's connections", async () => {
    const { call, store } = await setup();
    await call("PUT", `${SCOPES}/pls?${V}`, { body: { location: "westeurope" } });
    const res = await call("DELETE", `${SCOPES}/pls?${V}`);
    assert.equal(res.status, 202);
    assert.match(res.headers?.["azure-asyncoperation"] ?? "", /operationStatuses/);
    assert.match(res.headers?.location ?? "", /operationResults/);
    assert.equal(store.world.ofType("Microsoft.HybridCompute/privateLinkScopes").length, 0);
    assert.equal((await call("DELETE", `${SCOPES}/pls?${V}`)).status, 204);
  });

  test("bad input is refused with ARM's codes and leaves the store unchanged", async () => {
    const { call, store } = await setup();
    await call("PUT", `${SCOPES}/pls?${V}`, { body: { location: "westeurope" } });
    const before = JSON.stringify(store.world.all());
    const cases: [string, { body?: unknown; rawBody?: string }, string, string][] = [
      ["pls", { rawBody: "{not json" }, "InvalidRequestContent", "could not be deserialized"],
      ["new", { body: { properties: {} } }, "LocationRequired", "location property is required"],
      ["bad name!", { body: { location: "westeurope" } }, "InvalidResourceName", "'bad name!'"],
      [
        "pls",
        { body: { location: "westeurope", properties: { publicNetworkAccess: "Sometimes" } } },
        "InvalidParameter",
        "'Sometimes'",
      ],
      [
        "pls",
        { body: { location: "westeurope", properties: { publicNetworkAccess: "SecuredByPerimeter" } } },
        "InvalidParameter",
        "SecuredByPerimeter",
      ],
      [
        "pls",
        { body: { location: "westeurope", properties: { privateLinkScopeId: "x" } } },
        "ReadOnlyPropertyChanged",
        "privateLinkScopeId",
      ],
      [
        "pls",
        { body: { location: "westeurope", properties: { provisioningState: "Failed" } } },
        "ReadOnlyPropertyChanged",
        "provisioningState",
      ],
      ["pls", { body: { location: "westeurope", properties: { colour: "red" } } }, "InvalidRequestContent", "'colour'"],
      ["pls", { body: { location: "eastus" } }, "InvalidResourceLocation", "'westeurope'"],
    ];
    for (const [name, options, code, message] of cases) {
      const res = await call("PUT", `${SCOPES}/${encodeURIComponent(name)}?${V}`, options);
      assert.equal(res.body.error?.code, code, `${name} ${JSON.stringify(options)}`);
      assert.equal(res.status, 400);
      assert.ok(res.body.error.message.includes(message), res.body.error.message);
    }
    assert.equal(JSON.stringify(store.world.all()), before);
  });

  test("every documented api-version is accepted and an unknown one is refused", async () => {
    const { call } = await setup();
    for (const v of ["2019-12-12", "2021-05-20", "2022-12-27", "2024-03-31-preview", "2024-07-10", "2026-09-01"]) {
      assert.equal((await call("GET", `${SCOPES}?api-version=${v}`)).status, 200, v);
    }
    const res = await call("GET", `${SCOPES}?api-version=2023-01-01`);
    assert.equal(res.body.error.code, "InvalidApiVersionParameter");
  });
});
