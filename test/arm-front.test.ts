import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { inject, RG_API, SUB } from "./helpers/inject.js";

const rg = (name: string) => `/subscriptions/${SUB}/resourcegroups/${name}?${RG_API}`;

describe("ARM front: routing and api-version policy", () => {
  test("paths are case-insensitive and repeated slashes collapse", async () => {
    const { call } = await inject();
    assert.equal((await call("PUT", rg("Lab"), { body: { location: "westeurope" } })).status, 201);
    const res = await call("GET", `//SUBSCRIPTIONS/${SUB}//ResourceGroups/lab/?${RG_API}`);
    assert.equal(res.status, 200);
    assert.equal(res.body.name, "Lab");
    assert.equal(res.body.id, `/subscriptions/${SUB}/resourceGroups/Lab`);
  });

  test("a missing api-version is MissingApiVersionParameter", async () => {
    const { call } = await inject();
    const res = await call("GET", `/subscriptions/${SUB}/resourcegroups/x`);
    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, "MissingApiVersionParameter");
  });

  test("an unknown api-version is InvalidApiVersionParameter listing the supported ones", async () => {
    const { call } = await inject();
    const res = await call("GET", `/subscriptions/${SUB}/resourcegroups/x?api-version=2099-01-01`);
    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, "InvalidApiVersionParameter");
    assert.match(res.body.error.message, /2099-01-01/);
    assert.match(res.body.error.message, /2025-04-01/);
  });

  test("unknown namespaces and types get ARM's codes", async () => {
    const { call } = await inject();
    await call("PUT", rg("rg"), { body: { location: "westeurope" } });
    const ns = await call(
      "GET",
      `/subscriptions/${SUB}/resourceGroups/rg/providers/Contoso.Nothing/things/a?api-version=2020-01-01`,
    );
    assert.equal(ns.status, 400);
    assert.equal(ns.body.error.code, "InvalidResourceNamespace");
    const type = await call(
      "GET",
      `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Resources/things/a?${RG_API}`,
    );
    assert.equal(type.status, 400);
    assert.equal(type.body.error.code, "InvalidResourceType");
  });

  test("every response carries x-ms-request-id, errors included", async () => {
    const { call } = await inject();
    for (const res of [await call("GET", "/subscriptions?api-version=2022-12-01"), await call("GET", rg("none"))]) {
      assert.match(res.headers?.["x-ms-request-id"] ?? "", /^[0-9a-f-]{36}$/);
    }
  });

  test("an unknown subscription is SubscriptionNotFound", async () => {
    const { call } = await inject();
    const res = await call("PUT", `/subscriptions/11111111-1111-1111-1111-111111111111/resourcegroups/a?${RG_API}`, {
      body: { location: "westeurope" },
    });
    assert.equal(res.status, 404);
    assert.equal(res.body.error.code, "SubscriptionNotFound");
  });
});

describe("ARM front: authentication", () => {
  test("no token, a malformed header and a foreign token are 401 with ARM bodies", async () => {
    const { call } = await inject();
    const none = await call("GET", rg("a"), { token: null });
    assert.equal(none.status, 401);
    assert.equal(none.body.error.code, "AuthenticationFailed");
    const basic = await call("GET", rg("a"), { token: null, headers: { authorization: "Basic abc" } });
    assert.equal(basic.body.error.code, "AuthenticationFailed");
    const other = await inject();
    const foreign = await call("GET", rg("a"), { token: other.token });
    assert.equal(foreign.status, 401);
    assert.equal(foreign.body.error.code, "InvalidAuthenticationToken");
  });
});

describe("ARM front: request bodies", () => {
  test("malformed JSON is InvalidRequestContent and writes nothing", async () => {
    const { call, store } = await inject();
    const res = await call("PUT", rg("a"), { rawBody: '{"location": "westeurope",' });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, "InvalidRequestContent");
    assert.equal(store.world.all().length, 0);
  });

  test("a missing location is LocationRequired and an unknown one is refused", async () => {
    const { call, store } = await inject();
    const missing = await call("PUT", rg("a"), { body: { tags: {} } });
    assert.equal(missing.body.error.code, "LocationRequired");
    const unknown = await call("PUT", rg("a"), { body: { location: "atlantis" } });
    assert.equal(unknown.body.error.code, "LocationNotAvailableForResourceType");
    assert.equal(store.world.all().length, 0);
  });

  test("display-name locations are normalized and a location cannot change", async () => {
    const { call } = await inject();
    const created = await call("PUT", rg("a"), { body: { location: "West Europe" } });
    assert.equal(created.body.location, "westeurope");
    const moved = await call("PUT", rg("a"), { body: { location: "eastus" } });
    assert.equal(moved.status, 400);
    assert.equal(moved.body.error.code, "InvalidResourceLocation");
  });

  test("invalid resource group names are refused", async () => {
    const { call } = await inject();
    for (const name of ["bad*name", "ends.", "x".repeat(91)]) {
      const res = await call("PUT", rg(name), { body: { location: "westeurope" } });
      assert.equal(res.status, 400, name);
      assert.equal(res.body.error.code, "InvalidResourceGroupName", name);
    }
  });

  test("a read-only property that differs is refused; an equal one is accepted", async () => {
    const { call } = await inject();
    const bad = await call("PUT", rg("a"), {
      body: { location: "westeurope", properties: { provisioningState: "Failed" } },
    });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, "ReadOnlyPropertyChanged");
    const ok = await call("PUT", rg("a"), {
      body: { location: "westeurope", properties: { provisioningState: "Succeeded" } },
    });
    assert.equal(ok.status, 201);
  });
});

describe("ARM front: ETags and long-running deletes", () => {
  test("If-Match and If-None-Match are honoured with 412", async () => {
    const { call } = await inject();
    const created = await call("PUT", rg("a"), { body: { location: "westeurope" }, headers: { "If-None-Match": "*" } });
    assert.equal(created.status, 201);
    const etag = created.headers?.etag ?? "";
    assert.match(etag, /^".+"$/);
    const again = await call("PUT", rg("a"), { body: { location: "westeurope" }, headers: { "If-None-Match": "*" } });
    assert.equal(again.status, 412);
    assert.equal(again.body.error.code, "PreconditionFailed");
    const stale = await call("PUT", rg("a"), { body: { location: "westeurope" }, headers: { "If-Match": '"other"' } });
    assert.equal(stale.status, 412);
    const fresh = await call("PUT", rg("a"), {
      body: { location: "westeurope", tags: { a: "1" } },
      headers: { "If-Match": etag },
    });
    assert.equal(fresh.status, 200);
    assert.notEqual(fresh.headers?.etag, etag);
  });

  test("DELETE answers 202 with pollable Azure-AsyncOperation and Location, then 204", async () => {
    const { call } = await inject();
    await call("PUT", rg("a"), { body: { location: "westeurope" } });
    const res = await call("DELETE", rg("a"));
    assert.equal(res.status, 202);
    const status = await call("GET", new URL(res.headers?.["azure-asyncoperation"] ?? "").pathname + "?" + RG_API);
    assert.equal(status.status, 200);
    assert.equal(status.body.status, "Succeeded");
    const result = await call("GET", new URL(res.headers?.location ?? "").pathname + "?" + RG_API);
    assert.equal(result.status, 204);
    assert.equal((await call("GET", rg("a"))).status, 404);
    assert.equal((await call("DELETE", rg("a"))).status, 204);
  });

  test("HEAD says whether a resource group exists", async () => {
    const { call } = await inject();
    assert.equal((await call("HEAD", rg("a"))).status, 404);
    await call("PUT", rg("a"), { body: { location: "westeurope" } });
    assert.equal((await call("HEAD", rg("a"))).status, 204);
  });
});

describe("ARM front: lists and tenant-level resources", () => {
  test("lists page with nextLink until every item is seen", async () => {
    const { call } = await inject({ pageSize: 3 });
    for (let i = 0; i < 7; i++) await call("PUT", rg(`rg${i}`), { body: { location: "westeurope" } });
    const seen: string[] = [];
    let url: string | undefined = `/subscriptions/${SUB}/resourcegroups?${RG_API}`;
    let pages = 0;
    while (url) {
      const res = await call("GET", url);
      assert.equal(res.status, 200);
      seen.push(...res.body.value.map((r: { name: string }) => r.name));
      url = res.body.nextLink ? new URL(res.body.nextLink).pathname + new URL(res.body.nextLink).search : undefined;
      pages++;
    }
    assert.equal(pages, 3);
    assert.deepEqual(seen, ["rg0", "rg1", "rg2", "rg3", "rg4", "rg5", "rg6"]);
  });

  test("subscriptions, tenants and providers are served", async () => {
    const { call } = await inject();
    const subs = await call("GET", "/subscriptions?api-version=2022-12-01");
    assert.equal(subs.body.value[0].subscriptionId, SUB);
    assert.equal((await call("GET", `/subscriptions/${SUB}?api-version=2022-12-01`)).body.state, "Enabled");
    assert.equal((await call("GET", "/tenants?api-version=2022-12-01")).body.value[0].tenantId, SUB);
    const provider = await call("GET", `/subscriptions/${SUB}/providers/Microsoft.Resources?${RG_API}`);
    assert.equal(provider.body.registrationState, "Registered");
    const rgType = provider.body.resourceTypes.find(
      (t: { resourceType: string }) => t.resourceType === "resourceGroups",
    );
    assert.equal(rgType.apiVersions[0], "2025-04-01");
  });

  test("deleting a resource group deletes what it contains", async () => {
    const { call, store } = await inject();
    await call("PUT", rg("a"), { body: { location: "westeurope" } });
    await call("PUT", rg("b"), { body: { location: "westeurope" } });
    await call("DELETE", rg("a"));
    assert.deepEqual(
      store.world.all().map((r) => r.name),
      ["b"],
    );
  });
});

describe("ARM front: generic resource lists", () => {
  test("resources of a subscription and of a resource group are listed in the GenericResource shape", async () => {
    const { call } = await inject();
    await call("PUT", rg("a"), { body: { location: "westeurope" } });
    await call("PUT", rg("b"), { body: { location: "westeurope" } });
    const scope = (g: string, n: string) =>
      `/subscriptions/${SUB}/resourceGroups/${g}/providers/Microsoft.HybridCompute/privateLinkScopes/${n}?api-version=2025-01-13`;
    await call("PUT", scope("a", "s1"), { body: { location: "westeurope", tags: { k: "v" } } });
    await call("PUT", scope("b", "s2"), { body: { location: "westeurope" } });
    const all = await call("GET", `/subscriptions/${SUB}/resources?${RG_API}`);
    assert.deepEqual(
      all.body.value.map((r: { name: string }) => r.name),
      ["s1", "s2"],
    );
    const inA = await call("GET", `/subscriptions/${SUB}/resourceGroups/a/resources?${RG_API}`);
    assert.deepEqual(inA.body.value, [
      {
        id: `/subscriptions/${SUB}/resourceGroups/a/providers/Microsoft.HybridCompute/privateLinkScopes/s1`,
        name: "s1",
        type: "Microsoft.HybridCompute/privateLinkScopes",
        location: "westeurope",
        tags: { k: "v" },
      },
    ]);
    const missing = await call("GET", `/subscriptions/${SUB}/resourceGroups/zzz/resources?${RG_API}`);
    assert.equal(missing.body.error.code, "ResourceGroupNotFound");
  });
});
