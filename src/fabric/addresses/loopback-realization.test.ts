import assert from "node:assert/strict";
import { test } from "node:test";
import { loadWorld } from "../../system/load-world.js";
import type { Resource } from "../../world/index.js";
import { SnapshotWorld } from "../../world/snapshot-world.js";
import { loopbackRealization, loopbackTable } from "./loopback-realization.js";

const { snapshot: world } = loadWorld({ kind: "file", path: "worlds/default.yaml" });
const kinds = (w = world) => loopbackTable(w).entries.flatMap((e) => e.entities.map((x) => x.kind));

test("every DNS entity, host, private endpoint and public address of the default world is realized", () => {
  const found = new Set(kinds());
  for (const k of [
    "dns-server",
    "host",
    "private-endpoint",
    "resolver-inbound",
    "azure-dns",
    "public-dns",
    "public-address",
  ])
    assert.ok(found.has(k as never), `no ${k} in the table`);
});

test("the mapping is collision-free, inside 127/8 and outside 127.0/16", () => {
  const realized = loopbackTable(world).entries.map((e) => e.realized);
  assert.equal(new Set(realized).size, realized.length);
  for (const r of realized) assert.match(r, /^127\.(?!0\.)(\d+)\.(\d+)\.(\d+)$/);
});

test("the mapping is deterministic and keeps the last octet", () => {
  const [a, b] = [loopbackTable(world), loopbackTable(world)];
  assert.deepEqual(
    a.entries.map((e) => e.realized),
    b.entries.map((e) => e.realized),
  );
  for (const e of a.entries) assert.equal(e.realized.split(".")[3], e.address.split(".")[3]);
});

test("realize and reverse are inverse; strangers are unknown", () => {
  const table = loopbackTable(world);
  for (const e of table.entries) {
    assert.equal(table.realize(e.place, e.address), e.realized);
    assert.equal(table.reverse(e.realized), e);
    assert.equal(table.reverse(`::ffff:${e.realized}`), e);
  }
  assert.equal(table.reverse("127.0.0.1"), undefined);
  const host = table.entries.find((e) => e.entities[0].kind === "host");
  assert.ok(host);
  assert.equal(table.realize({ kind: "internet" }, host.address), undefined);
});

test("168.63.129.16 gets one realized address per vnet", () => {
  const azure = loopbackTable(world).entries.filter((e) => e.address === "168.63.129.16");
  const vnets = world.ofType("Microsoft.Network/virtualNetworks").length;
  assert.equal(azure.length, vnets);
});

function withHost(address: string, name: string): SnapshotWorld {
  const site = world.ofType("Arclink.OnPremises/sites")[0];
  const host: Resource = {
    id: `${site.id}/hosts/${name}`,
    name,
    type: "Arclink.OnPremises/sites/hosts",
    location: site.location,
    properties: { address, dnsServers: [] },
  } as Resource;
  return SnapshotWorld.of([...world.all(), host]);
}

test("addresses already in 127/8 map to themselves", () => {
  const table = loopbackTable(withHost("127.42.0.7", "loop"));
  const entry = table.entries.find((e) => e.address === "127.42.0.7");
  assert.equal(entry?.realized, "127.42.0.7");
});

test("a seed moves the blocks; a sticky realization keeps blocks across versions", () => {
  const plain = loopbackTable(world).entries.map((e) => e.realized);
  const seeded = loopbackTable(world, { seed: "test-1" }).entries.map((e) => e.realized);
  assert.notDeepEqual(plain, seeded);
  const sticky = loopbackRealization({ seed: "s" });
  const first = sticky.map(world);
  const second = sticky.map(withHost("192.168.77.9", "new"));
  for (const e of first.entries) assert.equal(second.realize(e.place, e.address), e.realized);
});
