import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { inject, RG_API, SUB } from "../../../../test/helpers/inject.js";
import { buildScopeConnection } from "./scope-connection.js";

const RG = `/subscriptions/${SUB}/resourceGroups/rg`;
const SCOPE = `${RG}/providers/Microsoft.HybridCompute/privateLinkScopes/pls`;
const PE = `${RG}/providers/Microsoft.Network/privateEndpoints/pe1`;
const V = "api-version=2025-01-13";

/** A scope with one Pending connection, as the network provider would leave it. */
async function setup() {
  const injector = await inject();
  await injector.call("PUT", `${RG}?${RG_API}`, { body: { location: "westeurope" } });
  await injector.call("PUT", `${SCOPE}?${V}`, { body: { location: "westeurope" } });
  injector.store.commit({
    puts: [buildScopeConnection({ scopeId: SCOPE, privateEndpointId: PE, name: "pe1.conn", status: "Pending" })],
    deletes: [],
  });
  return injector;
}

describe("Microsoft.HybridCompute/privateLinkScopes/privateEndpointConnections", () => {
  test("get and list show the connection; the scope embeds it", async () => {
    const { call } = await setup();
    const got = await call("GET", `${SCOPE}/privateEndpointConnections/pe1.conn?${V}`);
    assert.equal(got.status, 200);
    assert.equal(got.body.properties.privateEndpoint.id, PE);
    assert.deepEqual(got.body.properties.groupIds, ["hybridcompute"]);
    assert.equal(got.body.properties.privateLinkServiceConnectionState.status, "Pending");
    const listed = await call("GET", `${SCOPE}/privateEndpointConnections?${V}`);
    assert.deepEqual(
      listed.body.value.map((c: { name: string }) => c.name),
      ["pe1.conn"],
    );
    const scope = await call("GET", `${SCOPE}?${V}`);
    assert.equal(scope.body.properties.privateEndpointConnections[0].id, got.body.id);
  });

  test("PUT approves and rejects (200)", async () => {
    const { call } = await setup();
    for (const status of ["Approved", "Rejected"]) {
      const res = await call("PUT", `${SCOPE}/privateEndpointConnections/pe1.conn?${V}`, {
        body: { properties: { privateLinkServiceConnectionState: { status, description: `${status} by lab` } } },
      });
      assert.equal(res.status, 200);
      assert.deepEqual(res.body.properties.privateLinkServiceConnectionState, {
        status,
        description: `${status} by lab`,
        actionsRequired: "None",
      });
      assert.equal(res.body.properties.privateEndpoint.id, PE);
    }
  });

  test("bad PUTs are refused and change nothing", async () => {
    const { call, store } = await setup();
    const before = JSON.stringify(store.world.all());
    const url = `${SCOPE}/privateEndpointConnections/pe1.conn?${V}`;
    const state = (s: Record<string, unknown>) => ({ body: { properties: { privateLinkServiceConnectionState: s } } });
    const cases: [string, { body: unknown }, string][] = [
      [url, state({ status: "Maybe", description: "" }), "InvalidParameter"],
      [url, state({ description: "no status" }), "InvalidRequestContent"],
      [url, state({ status: "Approved" }), "InvalidRequestContent"],
      [url, { body: { properties: {} } }, "InvalidRequestContent"],
      [
        url,
        {
          body: {
            properties: {
              privateEndpoint: { id: `${PE}x` },
              privateLinkServiceConnectionState: { status: "Approved", description: "" },
            },
          },
        },
        "ReadOnlyPropertyChanged",
      ],
      [url.replace("pe1.conn", "nope"), state({ status: "Approved", description: "" }), "ResourceNotFound"],
    ];
    for (const [target, options, code] of cases) {
      const res = await call("PUT", target, options);
      assert.equal(res.body.error?.code, code, JSON.stringify(options));
    }
    assert.equal(JSON.stringify(store.world.all()), before);
  });

  test("DELETE removes the connection; deleting the scope removes its connections", async () => {
    const { call, store } = await setup();
    assert.equal((await call("DELETE", `${SCOPE}/privateEndpointConnections/pe1.conn?${V}`)).status, 202);
    assert.equal((await call("GET", `${SCOPE}/privateEndpointConnections/pe1.conn?${V}`)).status, 404);
    store.commit({
      puts: [buildScopeConnection({ scopeId: SCOPE, privateEndpointId: PE, name: "again", status: "Approved" })],
      deletes: [],
    });
    await call("DELETE", `${SCOPE}?${V}`);
    assert.deepEqual(store.world.ofType("Microsoft.HybridCompute/privateLinkScopes/privateEndpointConnections"), []);
  });
});
