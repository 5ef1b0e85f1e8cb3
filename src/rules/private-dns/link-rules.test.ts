import assert from "node:assert/strict";
import { test } from "node:test";
import { ARC_IDS, ARC_ZONE_IDS, arcPrivateLinkResources, zoneLink } from "../../semantics/testing/index.js";
import { MapWorld } from "../../world/world.js";
import { linkTargetExists, oneLinkPerZoneAndVnet, singleRegistrationZone } from "./link-rules.js";

const NOW = new Date("2026-01-01T00:00:00Z");

const base = () => new MapWorld(arcPrivateLinkResources());

test("a link to a virtual network that does not exist is LinkedResourceNotFound", () => {
  const link = zoneLink(ARC_ZONE_IDS.his, "ghost", `${ARC_IDS.hub}-gone`);
  const err = linkTargetExists.checkPut?.(new MapWorld([...base().all(), link]), link, undefined, NOW);
  assert.equal(err?.code, "LinkedResourceNotFound");
  assert.equal(
    linkTargetExists.checkPut?.(base(), zoneLink(ARC_ZONE_IDS.his, "ok", ARC_IDS.hub), undefined, NOW),
    undefined,
  );
});

test("a second link between one zone and one vnet is a Conflict naming the first", () => {
  const second = zoneLink(ARC_ZONE_IDS.his, "second", ARC_IDS.hub);
  const err = oneLinkPerZoneAndVnet.checkPut?.(new MapWorld([...base().all(), second]), second, undefined, NOW);
  assert.equal(err?.code, "Conflict");
  assert.match(err?.message ?? "", /by link 'hub-link'/);
});

test("a vnet auto-registers into one zone only", () => {
  const reg = (zoneId: string, name: string) => {
    const l = zoneLink(zoneId, name, ARC_IDS.hub);
    return { ...l, properties: { ...l.properties, registrationEnabled: true } };
  };
  const first = reg(ARC_ZONE_IDS.his, "reg1");
  const world = new MapWorld([...base().all(), first]);
  assert.equal(singleRegistrationZone.checkPut?.(world, first, undefined, NOW), undefined);
  const second = reg(ARC_ZONE_IDS.gc, "reg2");
  const err = singleRegistrationZone.checkPut?.(new MapWorld([...world.all(), second]), second, undefined, NOW);
  assert.ok(err, "the second registration link is refused");
});
