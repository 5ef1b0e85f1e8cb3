import assert from "node:assert/strict";
import { test } from "node:test";
import { ARC_IDS, ARC_IPS, arcPrivateLinkWorld } from "../testing/index.js";
import { connect } from "./connect.js";
import { connectSourceOf, sourceVantage } from "./connect-source.js";

const now = new Date("2026-01-01T01:00:00Z");

test("an address that is a world host's is that host: its agent, its machine, the scope's decision", () => {
  const world = arcPrivateLinkWorld();
  assert.deepEqual(connectSourceOf(world, ARC_IPS.host), { kind: "host", hostId: ARC_IDS.host });
  const c = connect(world, ARC_IPS.host, "gbl.his.arc.azure.com", now);
  assert.equal(c.outcome, "PRIVATE");
  assert.equal(c.trace.access?.decision, "ALLOW");
});

test("any other address in a site is an anonymous source: direct, the site's DNS servers, no access decision", () => {
  const world = arcPrivateLinkWorld();
  const source = connectSourceOf(world, "192.168.0.77");
  assert.deepEqual(source, { kind: "address", address: "192.168.0.77" });
  assert.deepEqual(sourceVantage(world, { kind: "address", address: "192.168.0.77" }), {
    kind: "address",
    address: "192.168.0.77",
    dnsServers: [ARC_IPS.dnsServer],
  });
  const c = connect(world, "192.168.0.77", "gbl.his.arc.azure.com", now);
  assert.equal(c.route, "direct");
  assert.equal(c.outcome, "PRIVATE");
  assert.equal(c.privateEndpointId, ARC_IDS.pe);
  assert.equal(c.trace.access, undefined);
  assert.match(c.trace.plan.trace[0].detail, /192\.168\.0\.77 has no agent/);
});

test("an anonymous source given no reachable DNS server fails to resolve, with the reason", () => {
  const c = connect(
    arcPrivateLinkWorld(),
    { kind: "address", address: "192.168.0.77", dnsServers: ["192.168.0.99"] },
    "gbl.his.arc.azure.com",
    now,
  );
  assert.equal(c.outcome, "SERVFAIL");
});

test("an address in a vnet resolves with the vnet's DNS settings and starts from its subnet", () => {
  const world = arcPrivateLinkWorld();
  const c = connect(world, "10.10.2.9", "gbl.his.arc.azure.com", now);
  assert.equal(c.trace.resolveFrom?.kind, "virtual-network");
  assert.equal(c.outcome, "PRIVATE");
});

test("an address nowhere in the world resolves publicly and has no route", () => {
  const c = connect(arcPrivateLinkWorld(), "203.0.113.9", "login.microsoftonline.com", now);
  assert.deepEqual(c.trace.resolveFrom, { kind: "public" });
  assert.equal(c.outcome, "NO_ROUTE");
});
