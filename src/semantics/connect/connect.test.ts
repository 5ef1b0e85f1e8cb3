import assert from "node:assert/strict";
import { test } from "node:test";
import { ARC_IDS, arcPrivateLinkWorld } from "../testing/index.js";
import { connect, connectWith } from "./connect.js";
import { plainCalls } from "./connect-calls.js";

const now = new Date("2026-01-01T01:00:00Z");
const host = { kind: "host", hostId: ARC_IDS.host } as const;

test("an Arc name of the documented setup is PRIVATE, through the scope's endpoint, with every stage traced", () => {
  const c = connectWith(plainCalls(arcPrivateLinkWorld(), now), host, "gbl.his.arc.azure.com");
  assert.equal(c.outcome, "PRIVATE");
  assert.equal(c.address, "10.10.1.4");
  assert.equal(c.privateEndpointId, ARC_IDS.pe);
  assert.equal(c.scopeId, ARC_IDS.scope);
  assert.ok(c.trace.plan && c.trace.resolve && c.trace.reach && c.trace.occupants && c.trace.access);
});

test("Entra ID is PUBLIC and needs no access decision", () => {
  const c = connect(arcPrivateLinkWorld(), ARC_IDS.host, "login.microsoftonline.com", now);
  assert.equal(c.outcome, "PUBLIC");
  assert.equal(c.trace.access, undefined);
});

test("through a proxy: resolved and reached from the proxy", () => {
  const w = arcPrivateLinkWorld({
    agent: { version: "1.45", config: { "proxy.url": "http://192.168.0.5:3128" }, environment: {} },
  });
  const c = connect(w, ARC_IDS.host, "login.microsoftonline.com", now);
  assert.equal(c.route, "proxy");
  assert.deepEqual(c.trace.resolveFrom, { kind: "proxy", proxyId: ARC_IDS.proxy });
  assert.equal(c.trace.toProxy?.value.disposition, "DELIVERED");
  assert.equal(c.outcome, "PUBLIC");
});
