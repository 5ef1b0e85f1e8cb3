import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { inject, RG_API, SUB } from "../../../../test/helpers/inject.js";
import type { Resource } from "../../../world/index.js";
import { buildScopeConnection } from "./scope-connection.js";

const RG = `/subscriptions/${SUB}/resourceGroups/rg`;
const SCOPE = `${RG}/providers/Microsoft.HybridCompute/privateLinkScopes/pls`;
const V = "api-version=2025-01-13";

/** Private endpoints as the network provider stores them (only the fields read here). */
const pe = (name: string, properties: Record<string, unknown>): Resource => ({
  id: `${RG}/providers/Microsoft.Network/privateEndpoints/${name}`,
  name,
  type: "Microsoft.Network/privateEndpoints",
  location: "westeurope",
  properties,
});

async function setup() {
  const injector = await inject();
  const { call, store } = injector;
  await call("PUT", `${RG}?${RG_API}`, { body: { location: "westeurope" } });
  const scope = await call("PUT", `${SCOPE}?${V}`, {
    body: { location: "westeurope", properties: { publicNetworkAccess: "Enabled" } },
  });
  const withConfigs = pe("pe-static", {
    ipConfigurations: [
      {
        name: "c1",
        properties: { groupId: "hybridcompute", memberName: "HybridCompute.ServerDP", privateIPAddress: "10.0.0.5" },
      },
    ],
  });
  const withDns = pe("pe-dns", {
    customDnsConfigs: [
      { fqdn: "gbl.his.arc.azure.com", ipAddresses: ["10.0.0.6"] },
      { fqdn: "weu.his.arc.azure.com", ipAddresses: ["10.0.0.6", "10.0.0.7"] },
    ],
  });
  const conn = (p: Resource, status: "Approved" | "Pending", linkIdentifier?: string) =>
    buildScopeConnection({ scopeId: SCOPE, privateEndpointId: p.id, name: p.name, status, linkIdentifier });
  store.commit({
    puts: [
      withConfigs,
      withDns,
      pe("pe-pending", { customDnsConfigs: [{ fqdn: "x", ipAddresses: ["10.0.0.9"] }] }),
      conn(withConfigs, "Approved", "link-1"),
      conn(withDns, "Approved"),
      conn(pe("pe-pending", {}), "Pending"),
      conn(pe("pe-gone", {}), "Approved"),
    ],
    deletes: [],
  });
  return { ...injector, guid: scope.body.properties.privateLinkScopeId as string };
}

describe("private link scope validation details", () => {
  test("by location and GUID: approved endpoints' addresses, pending and missing endpoints left out", async () => {
    const { call, guid } = await setup();
    const res = await call(
      "GET",
      `/subscriptions/${SUB}/providers/Microsoft.HybridCompute/locations/westeurope/privateLinkScopes/${guid.toUpperCase()}?${V}`,
    );
    assert.equal(res.status, 200);
    assert.equal(res.body.id, SCOPE);
    assert.equal(res.body.publicNetworkAccess, "Enabled");
    assert.deepEqual(res.body.connectionDetails, [
      {
        id: `${RG}/providers/Microsoft.Network/privateEndpoints/pe-dns`,
        privateIpAddress: "10.0.0.6",
        groupId: "hybridcompute",
      },
      {
        id: `${RG}/providers/Microsoft.Network/privateEndpoints/pe-dns`,
        privateIpAddress: "10.0.0.7",
        groupId: "hybridcompute",
      },
      {
        id: `${RG}/providers/Microsoft.Network/privateEndpoints/pe-static`,
        privateIpAddress: "10.0.0.5",
        linkIdentifier: "link-1",
        groupId: "hybridcompute",
        memberName: "HybridCompute.ServerDP",
      },
    ]);
  });

  test("an unknown GUID is ResourceNotFound and an unknown region is refused", async () => {
    const { call, guid } = await setup();
    const base = `/subscriptions/${SUB}/providers/Microsoft.HybridCompute/locations`;
    const missing = await call("GET", `${base}/westeurope/privateLinkScopes/00000000-0000-0000-0000-000000000001?${V}`);
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error.code, "ResourceNotFound");
    const region = await call("GET", `${base}/atlantis/privateLinkScopes/${guid}?${V}`);
    assert.equal(region.body.error.code, "LocationNotAvailableForResourceType");
  });

  test("for a machine: the details of its scope; none when not associated", async () => {
    const { call } = await setup();
    const machines = `${RG}/providers/Microsoft.HybridCompute/machines`;
    await call("PUT", `${machines}/m1?${V}`, {
      body: { location: "westeurope", properties: { privateLinkScopeResourceId: SCOPE } },
    });
    await call("PUT", `${machines}/m2?${V}`, { body: { location: "westeurope" } });
    const res = await call("GET", `${machines}/m1/privateLinkScopes/current?${V}`);
    assert.equal(res.status, 200);
    assert.equal(res.body.id, SCOPE);
    assert.equal(res.body.connectionDetails.length, 3);
    const none = await call("GET", `${machines}/m2/privateLinkScopes/current?${V}`);
    assert.equal(none.status, 404);
    assert.match(none.body.error.message, /'m2' is not associated/);
    const noMachine = await call("GET", `${machines}/m3/privateLinkScopes/current?${V}`);
    assert.equal(noMachine.body.error.code, "ParentResourceNotFound");
  });
});
