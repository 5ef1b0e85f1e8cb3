import assert from "node:assert/strict";
import { test } from "node:test";
import { ARC_ZONE_IDS, arcPrivateLinkResources } from "../../semantics/testing/index.js";
import { MapWorld } from "../../world/world.js";
import { soaRecordSetPermanent, zoneDeleteNeedsNoLinks } from "./zone-rules.js";

const NOW = new Date("2026-01-01T00:00:00Z");

test("a zone with virtual network links cannot be deleted; without them it can", () => {
  const world = new MapWorld(arcPrivateLinkResources());
  const zone = world.get(ARC_ZONE_IDS.his)!;
  const err = zoneDeleteNeedsNoLinks.checkDelete?.(world, world, zone, NOW);
  assert.equal(err?.code, "Conflict");
  assert.match(err?.message ?? "", /'hub-link'/);
  const unlinked = new MapWorld(world.all().filter((r) => !r.id.toLowerCase().includes("/virtualnetworklinks/")));
  assert.equal(zoneDeleteNeedsNoLinks.checkDelete?.(unlinked, unlinked, zone, NOW), undefined);
});

test("the SOA record set goes only with its zone", () => {
  const world = new MapWorld(arcPrivateLinkResources());
  const soa = {
    id: `${ARC_ZONE_IDS.his}/SOA/@`,
    name: "@",
    type: "Microsoft.Network/privateDnsZones/SOA",
    properties: {},
  };
  assert.equal(soaRecordSetPermanent.checkDelete?.(world, world, soa, NOW)?.code, "MethodNotAllowed");
  const zoneGone = new MapWorld(world.all().filter((r) => r.id !== ARC_ZONE_IDS.his));
  assert.equal(soaRecordSetPermanent.checkDelete?.(world, zoneGone, soa, NOW), undefined);
});
