import assert from "node:assert/strict";
import { test } from "node:test";
import { loadWorld } from "../../system/load-world.js";
import { resolve } from "./resolve.js";
import { resolveForWire } from "./resolve-wire.js";

const { snapshot: world } = loadWorld({ kind: "file", path: "worlds/default.yaml" });
const dc01 = world.all().find((r) => r.id.endsWith("/dnsServers/dc01"))?.id as string;
const vantage = { kind: "dns-server", dnsServerId: dc01 } as const;
const now = new Date("2026-01-01T01:00:00Z");
const ask = (name: string, type: string) => resolveForWire(world, vantage, name, type, now);

test("A, AAAA, CNAME, TXT: the same rcode and chain as resolve", () => {
  for (const [name, type] of [
    ["gbl.his.arc.azure.com", "A"],
    ["gbl.his.arc.azure.com", "CNAME"],
    ["nope.privatelink.his.arc.azure.com", "A"],
    ["management.azure.com", "AAAA"],
  ] as const) {
    const wire = ask(name, type);
    const base = resolve(world, vantage, name, type, now);
    assert.equal(wire.rcode, base.rcode, `${name} ${type}`);
    assert.deepEqual(
      wire.answers.map((r) => `${r.type} ${r.data}`),
      base.answers.map((r) => `${r.type} ${r.data}`),
    );
  }
});

test("NXDOMAIN and NODATA carry the answering zone's SOA with TTL min(SOA TTL, minimum)", () => {
  const nx = ask("nope.privatelink.his.arc.azure.com", "A");
  assert.equal(nx.rcode, "NXDOMAIN");
  assert.deepEqual(
    nx.authority.map((r) => [r.name, r.type, r.ttl]),
    [["privatelink.his.arc.azure.com", "SOA", 10]],
  );
  const nodata = ask("gbl.his.arc.azure.com", "AAAA");
  assert.equal(nodata.rcode, "NOERROR");
  assert.equal(nodata.answers.at(-1)?.type, "CNAME");
  assert.equal(nodata.authority[0]?.name, "privatelink.his.arc.azure.com");
  assert.deepEqual(ask("gbl.his.arc.azure.com", "A").authority, []);
});

test("other types ride the CNAME chain; SOA and NS answer at a zone apex", () => {
  const srv = ask("gbl.his.arc.azure.com", "SRV");
  assert.equal(srv.rcode, "NOERROR");
  assert.deepEqual(
    srv.answers.map((r) => r.type),
    ["CNAME"],
  );
  assert.equal(srv.authority.length, 1);
  const soa = ask("privatelink.his.arc.azure.com", "SOA");
  assert.equal(soa.answers[0]?.type, "SOA");
  assert.equal((soa.answers[0].data as { mname: string }).mname, "azureprivatedns.net");
  assert.equal(ask("privatelink.his.arc.azure.com", "NS").answers[0]?.type, "NS");
  // dc01 recurses on the public internet: a public NXDOMAIN carries the registrable domain's SOA.
  const publicNx = ask("does-not-exist.example.com", "A");
  assert.equal(publicNx.rcode, "NXDOMAIN");
  assert.deepEqual(
    publicNx.authority.map((r) => [r.name, r.ttl]),
    [["example.com", 300]],
  );
});
