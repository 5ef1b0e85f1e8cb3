import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  ARC_IDS,
  arcPrivateLinkResources,
  privateEndpoint,
  privateLinkScope,
  worldOf,
} from "../../semantics/testing/index.js";
import { oneScopePerVirtualNetwork } from "./private-endpoint-rules.js";

const RG = ARC_IDS.scope.split("/providers/")[0];
const NOW = new Date("2026-01-01T01:00:00Z");

describe("one-scope-per-virtual-network", () => {
  test("an endpoint to another service beside the Arc endpoint is not a second scope", () => {
    const vault = privateEndpoint("kv-pe", {
      subnetId: ARC_IDS.peSubnet,
      scopeId: `${RG}/providers/Microsoft.KeyVault/vaults/vault`,
      status: "Approved",
      records: [],
    });
    const world = worldOf([...arcPrivateLinkResources(), vault]);
    assert.equal(oneScopePerVirtualNetwork.checkPut?.(world, vault, undefined, NOW), undefined);
  });

  test("an endpoint to a second Arc scope in the same vnet is refused", () => {
    const second = `${RG}/providers/Microsoft.HybridCompute/privateLinkScopes/second`;
    const pe = privateEndpoint("pe2", { subnetId: ARC_IDS.peSubnet, scopeId: second, status: "Approved", records: [] });
    const world = worldOf([...arcPrivateLinkResources(), privateLinkScope("second"), pe]);
    const error = oneScopePerVirtualNetwork.checkPut?.(world, pe, undefined, NOW);
    assert.equal(error?.code, "OnlyOnePrivateLinkScopePerVirtualNetwork");
  });
});
