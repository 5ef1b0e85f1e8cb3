import assert from "node:assert/strict";
import { test } from "node:test";
import { contains, firstFree, isReserved, overlaps, type Prefix, parsePrefix } from "./address-space.js";

const p = (text: string): Prefix => {
  const r = parsePrefix(text);
  assert.ok(r.ok, text);
  return r.prefix;
};

test("prefixes parse as CIDRs with host bits cleared; others say why", () => {
  assert.deepEqual(parsePrefix("10.0.1.5/24"), { ok: false, reason: "cidr", canonical: "10.0.1.0/24" });
  assert.deepEqual(parsePrefix("10.0.1.0"), { ok: false, reason: "format" });
  assert.deepEqual(parsePrefix("10.0.1.0/33"), { ok: false, reason: "format" });
  assert.equal(p("fd00::/64").kind, "ipv6");
});

test("containment and overlap", () => {
  assert.ok(contains(p("10.0.0.0/16"), p("10.0.3.0/24")));
  assert.ok(!contains(p("10.0.0.0/24"), p("10.0.0.0/16")));
  assert.ok(overlaps(p("10.0.0.0/24"), p("10.0.0.128/25")));
  assert.ok(!overlaps(p("10.0.0.0/25"), p("10.0.0.128/25")));
  assert.ok(!overlaps(p("10.0.0.0/8"), p("fd00::/8")));
});

test("Azure reserves the first four and the last address; allocation starts at .4", () => {
  const subnet = p("10.0.1.0/29");
  assert.ok(isReserved("10.0.1.3", subnet));
  assert.ok(isReserved("10.0.1.7", subnet));
  assert.ok(!isReserved("10.0.1.4", subnet));
  assert.equal(firstFree(subnet, new Set()), "10.0.1.4");
  assert.equal(firstFree(subnet, new Set(["10.0.1.4", "10.0.1.5"])), "10.0.1.6");
  assert.equal(firstFree(subnet, new Set(["10.0.1.4", "10.0.1.5", "10.0.1.6"])), undefined);
});
