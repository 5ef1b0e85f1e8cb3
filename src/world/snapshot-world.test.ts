import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import type { Resource } from "./resource.js";
import { SnapshotWorld } from "./snapshot-world.js";
import { TEST_NETWORK, testSubnet, testVnet } from "./test-resources.js";
import { MapWorld } from "./world.js";

const R = TEST_NETWORK;
const vnet = testVnet;
const subnet = testSubnet;

test("a snapshot finds by id and type case-insensitively and lists descendants", () => {
  const world = SnapshotWorld.of([vnet("hub"), subnet("hub", "a"), subnet("spoke", "b"), vnet("spoke")]);
  assert.equal(world.get(`${R.toUpperCase()}/VIRTUALNETWORKS/HUB`)?.name, "hub");
  assert.deepEqual(
    world.ofType("microsoft.network/VIRTUALNETWORKS").map((r) => r.name),
    ["hub", "spoke"],
  );
  assert.deepEqual(
    world.under(`${R}/virtualNetworks/HUB`, "Microsoft.Network/virtualNetworks/subnets").map((r) => r.name),
    ["a"],
  );
});

test("with() leaves the old snapshot as it was and keeps the order of replaced resources", () => {
  const first = SnapshotWorld.of([vnet("a"), vnet("b"), vnet("c")]);
  const listed = first.ofType("Microsoft.Network/virtualNetworks");
  const second = first.with({ puts: [vnet("b", { changed: true }), vnet("d")], deletes: [`${R}/virtualNetworks/a`] });
  assert.deepEqual(
    first.all().map((r) => r.name),
    ["a", "b", "c"],
  );
  assert.equal(first.ofType("Microsoft.Network/virtualNetworks"), listed, "lists are built once per snapshot");
  assert.deepEqual(
    second.all().map((r) => [r.name, r.properties?.changed ?? false]),
    [
      ["b", true],
      ["c", false],
      ["d", false],
    ],
  );
  assert.equal(second.version, first.version + 1);
});

test("stored resources are frozen: a snapshot cannot be changed through them", () => {
  const world = SnapshotWorld.empty().with({
    puts: [vnet("a", { addressSpace: { addressPrefixes: ["10.0.0.0/16"] } })],
    deletes: [],
  });
  const stored = world.get(`${R}/virtualNetworks/a`)!;
  assert.throws(() => {
    (stored.properties as { addressSpace: { addressPrefixes: string[] } }).addressSpace.addressPrefixes.push("x");
  }, TypeError);
});

test("a type list is carried over to the next snapshot only when the change set did not touch that type", () => {
  const first = SnapshotWorld.of([vnet("a"), subnet("a", "s")]);
  const vnets = first.ofType("Microsoft.Network/virtualNetworks");
  const subnets = first.ofType("Microsoft.Network/virtualNetworks/subnets");
  const second = first.with({ puts: [subnet("a", "t")], deletes: [] });
  assert.equal(second.ofType("Microsoft.Network/virtualNetworks"), vnets);
  assert.notEqual(second.ofType("Microsoft.Network/virtualNetworks/subnets"), subnets);
  assert.equal(second.ofType("Microsoft.Network/virtualNetworks/subnets").length, 2);
});

test("property: any sequence of change sets gives the same world as the mutable MapWorld", () => {
  const names = fc.constantFrom("a", "b", "c", "d", "e", "A", "B");
  const change = fc.record({
    puts: fc.array(fc.tuple(names, fc.boolean(), fc.nat(3)), { maxLength: 4 }),
    deletes: fc.array(fc.tuple(names, fc.boolean()), { maxLength: 3 }),
  });
  fc.assert(
    fc.property(fc.array(change, { maxLength: 12 }), (changes) => {
      const reference = new MapWorld();
      let snapshot = SnapshotWorld.empty();
      for (const c of changes) {
        const set = {
          puts: c.puts.map(([n, isSubnet, v]) => (isSubnet ? subnet("x", n) : vnet(n, { v }))),
          deletes: c.deletes.map(([n, isSubnet]) => (isSubnet ? subnet("x", n).id : vnet(n).id)),
        };
        reference.apply(structuredClone(set));
        snapshot = snapshot.with(set);
      }
      const view = (w: { all(): readonly Resource[] }) => w.all().map((r) => [r.id.toLowerCase(), r.properties]);
      assert.deepEqual(view(snapshot), view(reference));
      for (const type of ["Microsoft.Network/virtualNetworks", "Microsoft.Network/virtualNetworks/subnets"]) {
        assert.deepEqual(
          snapshot.ofType(type).map((r) => r.id.toLowerCase()),
          reference.ofType(type).map((r) => r.id.toLowerCase()),
        );
      }
    }),
  );
});
