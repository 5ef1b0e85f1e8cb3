import assert from "node:assert/strict";
import { test } from "node:test";
import { buildScopeConnection } from "./scope-connection.js";

test("buildScopeConnection builds the connection child of a scope for a private endpoint", () => {
  const scopeId = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.HybridCompute/privateLinkScopes/pls";
  const peId = "/subscriptions/s/resourceGroups/net/providers/Microsoft.Network/privateEndpoints/pe";
  const r = buildScopeConnection({
    scopeId,
    privateEndpointId: peId,
    name: "pe.c1",
    status: "Approved",
    linkIdentifier: "536870913",
  });
  assert.deepEqual(r, {
    id: `${scopeId}/privateEndpointConnections/pe.c1`,
    name: "pe.c1",
    type: "Microsoft.HybridCompute/privateLinkScopes/privateEndpointConnections",
    properties: {
      privateEndpoint: { id: peId },
      privateLinkServiceConnectionState: { status: "Approved", description: "Auto-approved", actionsRequired: "None" },
      groupIds: ["hybridcompute"],
      provisioningState: "Succeeded",
    },
    internal: { linkIdentifier: "536870913" },
  });
  const pending = buildScopeConnection({
    scopeId,
    privateEndpointId: peId,
    name: "x",
    status: "Pending",
    description: "Please approve",
  });
  assert.equal(
    (pending.properties.privateLinkServiceConnectionState as { description: string }).description,
    "Please approve",
  );
  assert.equal(pending.internal, undefined);
});
