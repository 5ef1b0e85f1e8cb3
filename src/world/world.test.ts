import assert from "node:assert/strict";
import { test } from "node:test";
import { TEST_NETWORK, testSubnet, testVnet } from "./test-resources.js";
import { MapWorld, OverlayWorld } from "./world.js";

const R = TEST_NETWORK;
const vnet = testVnet;
const subnet = testSubnet;

test("MapWorld finds by id and type case-insensitively, and lists descendants", () => {
  const world = new MapWorld([vnet("hub"), subnet("hub", "a"), subnet("spoke", "b"), vnet("spoke")]);
  assert.equal(world.get(`${R.toUpperCase()}/VIRTUALNETWORKS/HUB`)?.name, "hub");
  assert.deepEqual(
    world.ofType("microsoft.network/VIRTUALNETWORKS").map((r) => r.name),
    ["hub", "spoke"],
  );
  assert.deepEqual(
    world.under(`${R}/virtualNetworks/hub`).map((r) => r.name),
    ["a"],
  );
  assert.deepEqual(
    world.under(`${R}/virtualNetworks/HUB`, "Microsoft.Network/virtualNetworks/subnets").map((r) => r.name),
    ["a"],
  );
});

test("a snapshot does not see later writes; a new one does", () => {
  const world = new MapWorld([vnet("hub")]);
  const before = world.snapshot();
  assert.equal(world.snapshot(), before, "unchanged world, same snapshot");
  world.apply({ puts: [vnet("spoke")], deletes: [`${R}/virtualNetworks/hub`] });
  assert.deepEqual(
    before.all().map((r) => r.name),
    ["hub"],
  );
  assert.deepEqual(
    world
      .snapshot()
      .all()
      .map((r) => r.name),
    ["spoke"],
  );
});

test("OverlayWorld shows the world after changes without touching the base", () => {
  const base = new MapWorld([vnet("hub"), subnet("hub", "a"), vnet("spoke")]);
  const overlay = new OverlayWorld(base, {
    puts: [vnet("hub", { changed: true }), subnet("hub", "b")],
    deletes: [`${R}/virtualNetworks/SPOKE`],
  });
  assert.deepEqual(overlay.get(`${R}/virtualNetworks/hub`)?.properties, { changed: true });
  assert.equal(overlay.get(`${R}/virtualNetworks/spoke`), undefined);
  assert.deepEqual(
    overlay.ofType("Microsoft.Network/virtualNetworks").map((r) => [r.name, r.properties]),
    [["hub", { changed: true }]],
  );
  assert.deepEqual(
    overlay.under(`${R}/virtualNetworks/hub`).map((r) => r.name),
    ["a", "b"],
  );
  assert.deepEqual(
    overlay.all().map((r) => r.name),
    ["hub", "a", "b"],
  );
  assert.equal(base.get(`${R}/virtualNetworks/spoke`)?.name, "spoke");
  overlay.add({ puts: [vnet("spoke")], deletes: [] });
  assert.equal(overlay.get(`${R}/virtualNetworks/spoke`)?.name, "spoke", "a later put undoes a delete");
  assert.deepEqual(overlay.changes().deletes, []);
});
