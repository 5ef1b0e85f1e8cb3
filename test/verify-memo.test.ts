// Sharing answers between hosts of one class must never change a verdict: every row of a
// verify run equals the verdict composed over the plain (unshared) semantic calls.
import assert from "node:assert/strict";
import { test } from "node:test";
import { type ConnectCalls, connectWith, plainCalls } from "../src/semantics/connect/index.js";
import { ARC_IDS, host, machine } from "../src/semantics/testing/index.js";
import { rowOf } from "../src/verify/verdict-row.js";
import type { EndpointVerdict } from "../src/verify/verdict-types.js";
import { verifyWorld } from "../src/verify/verify-world.js";
import { CASES, NOW, world } from "./verify-worlds.js";

const endpointVerdict = (calls: ConnectCalls, hostId: string, endpoint: string, origin: string) =>
  rowOf(hostId, origin, connectWith(calls, { kind: "host", hostId }, endpoint));

const columns = (r: EndpointVerdict) =>
  [r.hostId, r.endpoint, r.verdict, r.route, r.address, r.privateEndpointId, r.scopeId, r.refusal].join(" | ");

for (const [name, c] of [["documented setup", { world: () => world(), now: NOW }] as const, ...Object.entries(CASES)]) {
  test(`memoized rows equal plain verdicts: ${name}`, () => {
    const w = c.world();
    const now = c.now ?? NOW;
    const report = verifyWorld(w, { now });
    const plain = plainCalls(w, now);
    for (const row of report.verdicts) {
      assert.equal(columns(row), columns(endpointVerdict(plain, row.hostId, row.endpoint, row.origin)));
    }
  });
}

test("hosts alike but for address and machine share one reading and one class, each with its own id", () => {
  const w = world({}, (r) => {
    const m = machine("srv2", { scopeId: ARC_IDS.scope, associatedAt: "2026-01-01T00:00:00Z" });
    const first = r.find((x) => x.id === ARC_IDS.host)!;
    const copy = host(ARC_IDS.site, "srv2", { ...first.properties, address: "192.168.0.22", machineId: m.id });
    return [...r, m, copy];
  });
  const report = verifyWorld(w, { now: NOW });
  const [a, b] = report.hosts;
  assert.equal(a.classKey, b.classKey);
  assert.equal(b.client.address, "192.168.0.22");
  assert.ok(b.client.machineId?.endsWith("/srv2") && b.machine?.id.endsWith("/srv2"));
  const rows = report.verdicts.filter((v) => v.hostId === b.client.id);
  assert.ok(rows.length > 0 && rows.every((v) => v.computedFor === a.client.id));
  const plain = plainCalls(w, NOW);
  for (const row of rows)
    assert.equal(columns(row), columns(endpointVerdict(plain, row.hostId, row.endpoint, row.origin)));
});
