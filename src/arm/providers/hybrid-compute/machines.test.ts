import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { inject, RG_API, SUB } from "../../../../test/helpers/inject.js";
import { VirtualClock } from "../../../fabric/clock.js";

const RG = `/subscriptions/${SUB}/resourceGroups/rg`;
const SCOPE = `${RG}/providers/Microsoft.HybridCompute/privateLinkScopes/pls`;
const OTHER = `${RG}/providers/Microsoft.HybridCompute/privateLinkScopes/other`;
const MACHINES = `${RG}/providers/Microsoft.HybridCompute/machines`;
const V = "api-version=2024-07-10";

async function setup() {
  const injector = await inject();
  await injector.call("PUT", `${RG}?${RG_API}`, { body: { location: "westeurope" } });
  for (const s of [SCOPE, OTHER]) await injector.call("PUT", `${s}?${V}`, { body: { location: "westeurope" } });
  return injector;
}
const stored = (
  store: { world: { get(id: string): { internal?: Record<string, unknown> } | undefined } },
  name: string,
) => store.world.get(`${MACHINES}/${name}`);

describe("Microsoft.HybridCompute/machines", () => {
  test("PUT creates a machine with its writable properties and a system-assigned identity", async () => {
    const { call } = await setup();
    const res = await call("PUT", `${MACHINES}/web01?${V}`, {
      body: {
        location: "westeurope",
        identity: { type: "SystemAssigned" },
        properties: {
          osType: "linux",
          clientPublicKey: "MIIB",
          vmId: "b7a098cc-b0b8-46e8-a205-62f301a62a8f",
          locationData: { name: "Redmond", city: "Redmond", countryOrRegion: "usa" },
        },
      },
    });
    assert.equal(res.status, 201);
    assert.equal(res.body.properties.osType, "linux");
    assert.equal(res.body.properties.status, "Disconnected");
    assert.equal(res.body.properties.provisioningState, "Succeeded");
    assert.deepEqual(res.body.properties.locationData, { name: "Redmond", city: "Redmond", countryOrRegion: "usa" });
    assert.equal(res.body.identity.type, "SystemAssigned");
    assert.match(res.body.identity.principalId, /^[0-9a-f-]{36}$/);
    assert.equal(res.body.identity.tenantId, SUB);
    const again = await call("PUT", `${MACHINES}/web01?${V}`, {
      body: { location: "westeurope", identity: { type: "SystemAssigned" }, properties: {} },
    });
    assert.equal(again.status, 200);
    assert.equal(again.body.identity.principalId, res.body.identity.principalId);
    assert.equal(again.body.properties.vmId, "b7a098cc-b0b8-46e8-a205-62f301a62a8f");
  });

  test("the association time is recorded when the scope changes, kept otherwise, dropped when removed", async () => {
    const clock = new VirtualClock();
    const { call, store } = await inject({ clock });
    await call("PUT", `${RG}?${RG_API}`, { body: { location: "westeurope" } });
    for (const s of [SCOPE, OTHER]) await call("PUT", `${s}?${V}`, { body: { location: "westeurope" } });
    const put = await call("PUT", `${MACHINES}/m?${V}`, {
      body: { location: "westeurope", properties: { privateLinkScopeResourceId: SCOPE } },
    });
    assert.equal(put.status, 201);
    const first = stored(store, "m")?.internal?.privateLinkScopeAssociatedAt as string;
    assert.ok(first);
    assert.equal(put.body.internal, undefined);
    clock.advance(60_000);
    await call("PATCH", `${MACHINES}/m?${V}`, {
      body: { tags: { a: "b" }, properties: { privateLinkScopeResourceId: SCOPE.toLowerCase() } },
    });
    assert.equal(stored(store, "m")?.internal?.privateLinkScopeAssociatedAt, first);
    const patched = await call("PATCH", `${MACHINES}/m?${V}`, {
      body: { properties: { privateLinkScopeResourceId: OTHER } },
    });
    assert.equal(patched.status, 200);
    assert.equal(patched.body.properties.privateLinkScopeResourceId, OTHER);
    const second = stored(store, "m")?.internal?.privateLinkScopeAssociatedAt as string;
    assert.ok(Date.parse(second) > Date.parse(first));
    await call("PATCH", `${MACHINES}/m?${V}`, { body: { properties: { privateLinkScopeResourceId: null } } });
    assert.equal(stored(store, "m")?.internal, undefined);
  });

  test("onboarding with the scope (the first clientPublicKey with it) is marked effective at once; a later change is not", async () => {
    const clock = VirtualClock.fixed(new Date("2026-01-01T00:00:00Z")); // standing still: the recorded time is exact
    const { call, store } = await inject({ clock });
    await call("PUT", `${RG}?${RG_API}`, { body: { location: "westeurope" } });
    for (const s of [SCOPE, OTHER]) await call("PUT", `${s}?${V}`, { body: { location: "westeurope" } });
    const onboarded = (name: string) => stored(store, name)?.internal?.privateLinkScopeSetAtOnboarding;
    // azcmagent connect --private-link-scope: created with its key and the scope [facts §3.10 is for later associations].
    const key = { clientPublicKey: "AAAA", privateLinkScopeResourceId: SCOPE };
    await call("PUT", `${MACHINES}/new?${V}`, { body: { location: "westeurope", properties: key } });
    assert.equal(onboarded("new"), true);
    // A machine declared ahead without a key (a world file) waits; its agent's connect onboards it.
    await call("PUT", `${MACHINES}/ahead?${V}`, {
      body: { location: "westeurope", properties: { privateLinkScopeResourceId: SCOPE } },
    });
    assert.equal(onboarded("ahead"), undefined);
    await call("PUT", `${MACHINES}/ahead?${V}`, { body: { location: "westeurope", properties: key } });
    assert.equal(onboarded("ahead"), true);
    await call("PATCH", `${MACHINES}/ahead?${V}`, { body: { tags: { a: "b" } } });
    assert.equal(onboarded("ahead"), true);
    // Re-associating an onboarded machine starts the delay.
    clock.advance(60_000);
    await call("PATCH", `${MACHINES}/new?${V}`, { body: { properties: { privateLinkScopeResourceId: OTHER } } });
    assert.equal(onboarded("new"), undefined);
    assert.equal(stored(store, "new")?.internal?.privateLinkScopeAssociatedAt, clock.now().toISOString());
  });

  test("GET, lists and a synchronous DELETE", async () => {
    const { call } = await setup();
    await call("PUT", `${MACHINES}/m?${V}`, { body: { location: "westeurope" } });
    assert.equal((await call("GET", `${MACHINES}/m?${V}`)).body.name, "m");
    assert.equal(
      (await call("GET", `/subscriptions/${SUB}/providers/Microsoft.HybridCompute/machines?${V}`)).body.value.length,
      1,
    );
    assert.equal((await call("DELETE", `${MACHINES}/m?${V}`)).status, 200);
    assert.equal((await call("DELETE", `${MACHINES}/m?${V}`)).status, 204);
  });

  test("refused: read-only, unknown and mistyped properties, bad names, bad associations; nothing changes", async () => {
    const { call, store } = await setup();
    await call("PUT", `${MACHINES}/m?${V}`, { body: { location: "westeurope" } });
    const before = JSON.stringify(store.world.all());
    const put = (name: string, body: unknown) => call("PUT", `${MACHINES}/${name}?${V}`, { body });
    const cases: [Promise<{ status: number; body: any }>, string, RegExp][] = [
      [
        put("m", { location: "westeurope", properties: { status: "Connected" } }),
        "ReadOnlyPropertyChanged",
        /'properties.status'/,
      ],
      [
        put("m", { location: "westeurope", properties: { agentVersion: "1.50" } }),
        "ReadOnlyPropertyChanged",
        /agentVersion/,
      ],
      [
        put("m", { location: "westeurope", identity: { type: "SystemAssigned", principalId: "p" } }),
        "ReadOnlyPropertyChanged",
        /principalId/,
      ],
      [
        put("m", { location: "westeurope", properties: { colour: "red" } }),
        "InvalidRequestContent",
        /'colour' on object of type 'MachineProperties'/,
      ],
      [
        put("m", { location: "westeurope", properties: { osType: 7 } }),
        "InvalidRequestContent",
        /'properties.osType' must be a string/,
      ],
      [put("m", { location: "westeurope", properties: { vmId: "nope" } }), "InvalidParameter", /not a GUID/],
      [
        put("m", { location: "westeurope", properties: { locationData: { city: "x" } } }),
        "InvalidRequestContent",
        /locationData.name' is required/,
      ],
      [
        put("m", { location: "westeurope", properties: { locationData: { name: "x".repeat(257) } } }),
        "InvalidParameter",
        /at most 256/,
      ],
      [put("m", { location: "westeurope", identity: { type: "UserAssigned" } }), "InvalidParameter", /'UserAssigned'/],
      [
        put("m", { location: "westeurope", properties: { privateLinkScopeResourceId: [SCOPE, OTHER] } }),
        "InvalidParameter",
        /not the resource id of one/,
      ],
      [
        put("m", { location: "westeurope", properties: { privateLinkScopeResourceId: `${SCOPE}x` } }),
        "LinkedResourceNotFound",
        /plsx/,
      ],
      [put("m".repeat(55), { location: "westeurope" }), "InvalidResourceName", /1-54/],
      [
        call("PATCH", `${MACHINES}/m?${V}`, { body: { location: "eastus" } }),
        "InvalidRequestContent",
        /'location' on object of type 'MachineUpdate'/,
      ],
      [
        call("PATCH", `${MACHINES}/m?${V}`, { body: { properties: { osType: "x" } } }),
        "InvalidRequestContent",
        /MachineUpdateProperties/,
      ],
      [
        call("PATCH", `${MACHINES}/m?${V}`, { body: { properties: { privateLinkScopeResourceId: 5 } } }),
        "InvalidParameter",
        /5/,
      ],
    ];
    for (const [pending, code, message] of cases) {
      const res = await pending;
      assert.equal(res.body.error?.code, code, JSON.stringify(res.body));
      assert.match(res.body.error.message, message);
    }
    assert.equal(JSON.stringify(store.world.all()), before);
  });
});
