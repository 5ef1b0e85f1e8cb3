import assert from "node:assert/strict";
import { test } from "node:test";
import {
  ARC_IDS,
  ARC_IPS,
  ARC_ZONE_IDS,
  arcPrivateLinkResources,
  forwardingRuleset,
  privateDnsZone,
  worldOf,
} from "../../semantics/testing/index.js";
import type { Resource } from "../../world/resource.js";
import { zoneLinkCheck, zoneNameCheck } from "./zone-checks.js";

const now = new Date("2026-01-01T01:00:00Z");
const ctx = (resources: Resource[]) => ({ world: worldOf(resources), now, hosts: [] });
const unlinked = () =>
  arcPrivateLinkResources().filter((r) => !r.id.startsWith(`${ARC_ZONE_IDS.his}/virtualNetworkLinks/`));

test("a misspelt Arc zone is ARC-ZONE-NAME-WRONG; the optional Kubernetes zone only a warning", () => {
  const found = zoneNameCheck.run(
    ctx([
      ...arcPrivateLinkResources(),
      privateDnsZone("privatelink-his-arc-azure-com"),
      privateDnsZone("privatelink.kubernetesconfiguration.azure.com"),
    ]),
  );
  assert.deepEqual(found.map((f) => f.code).sort(), ["ARC-ZONE-NAME-WRONG", "ARC-ZONE-NAME-WRONG-OPTIONAL"]);
  assert.match(
    found.find((f) => f.code === "ARC-ZONE-NAME-WRONG")?.message ?? "",
    /"privatelink\.his\.arc\.azure\.com"/,
  );
});

test("an Arc zone not linked to the queried inbound endpoint's vnet is ARC-ZONE-NOT-LINKED", () => {
  const found = zoneLinkCheck.run(ctx(unlinked()));
  assert.deepEqual(
    found.map((f) => f.code),
    ["ARC-ZONE-NOT-LINKED"],
  );
  assert.match(found[0].message, /privatelink\.his\.arc\.azure\.com/);
  assert.equal(found[0].resourceId, ARC_IDS.hub);
});

test("a forwarding rule for the zone takes precedence in Azure DNS: the unlinked zone is not consulted, no finding", () => {
  const ruleset = forwardingRuleset("fwd", {
    outboundEndpointIds: [],
    rules: [{ name: "his", domainName: "privatelink.his.arc.azure.com.", targets: [ARC_IPS.dnsServer] }],
    linkedVirtualNetworkIds: [ARC_IDS.hub],
  });
  assert.deepEqual(zoneLinkCheck.run(ctx([...unlinked(), ...ruleset])), []);
});
