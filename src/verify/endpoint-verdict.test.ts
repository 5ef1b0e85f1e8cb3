import assert from "node:assert/strict";
import { test } from "node:test";
import { ARC_IDS, arcPrivateLinkWorld } from "../semantics/testing/index.js";
import { endpointVerdict } from "./endpoint-verdict.js";
import { memoCalls } from "./memo.js";
import { plainCalls } from "./semantic-calls.js";

const now = new Date("2026-01-01T01:00:00Z");

test("an Arc name of the documented setup is PRIVATE, through the scope's endpoint, with every stage traced", () => {
  const v = endpointVerdict(plainCalls(arcPrivateLinkWorld(), now), ARC_IDS.host, "gbl.his.arc.azure.com");
  assert.equal(v.verdict, "PRIVATE");
  assert.equal(v.address, "10.10.1.4");
  assert.equal(v.privateEndpointId, ARC_IDS.pe);
  assert.equal(v.scopeId, ARC_IDS.scope);
  assert.ok(v.trace.plan && v.trace.resolve && v.trace.reach && v.trace.occupants && v.trace.access);
});

test("Entra ID is PUBLIC and needs no access decision", () => {
  const v = endpointVerdict(plainCalls(arcPrivateLinkWorld(), now), ARC_IDS.host, "login.microsoftonline.com");
  assert.equal(v.verdict, "PUBLIC");
  assert.equal(v.trace.access, undefined);
});

test("through a proxy: resolved and reached from the proxy", () => {
  const w = arcPrivateLinkWorld({
    agent: { version: "1.45", config: { "proxy.url": "http://192.168.0.5:3128" }, environment: {} },
  });
  const v = endpointVerdict(plainCalls(w, now), ARC_IDS.host, "login.microsoftonline.com");
  assert.equal(v.route, "proxy");
  assert.deepEqual(v.trace.resolveFrom, { kind: "proxy", proxyId: ARC_IDS.proxy });
  assert.equal(v.trace.toProxy?.value.disposition, "DELIVERED");
  assert.equal(v.verdict, "PUBLIC");
});

test("the memoized calls share one answer between the names' rows and say whom it was computed for", () => {
  const calls = memoCalls(arcPrivateLinkWorld(), now);
  const a = calls.resolve({ kind: "host", hostId: ARC_IDS.host }, "gbl.his.arc.azure.com");
  const b = calls.resolve({ kind: "host", hostId: ARC_IDS.host }, "gbl.his.arc.azure.com");
  assert.equal(a, b);
  assert.equal(a.computedFor, ARC_IDS.host);
});
