import assert from "node:assert/strict";
import { test } from "node:test";
import {
  contains,
  firstFree,
  firstFreeIn,
  inPrefix,
  isReserved,
  overlaps,
  type Prefix,
  parsePrefix,
  prefixesOverlap,
  prefixWithin,
} from "./cidr.js";

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

test("prefix overlap and containment as text, host bits ignored, IPv4 and IPv6", () => {
  assert.equal(prefixesOverlap("192.168.0.0/16", "192.168.128.0/17"), true);
  assert.equal(prefixesOverlap("10.10.0.0/16", "192.168.0.0/16"), false);
  assert.equal(prefixesOverlap("10.0.0.0/8", "10.255.255.0/24"), true);
  assert.equal(prefixesOverlap("10.0.0.5/24", "10.0.0.128/25"), true);
  assert.equal(prefixesOverlap("fd00::/48", "fd00:0:0:1::/64"), true);
  assert.equal(prefixesOverlap("fd00::/48", "10.0.0.0/8"), false);
  assert.equal(prefixWithin("192.168.1.0/24", "192.168.0.0/16"), true);
  assert.equal(prefixWithin("192.168.0.0/15", "192.168.0.0/16"), false);
  assert.equal(inPrefix("192.168.1.10", "192.168.0.0/16"), true);
  assert.equal(inPrefix("192.169.1.10", "192.168.0.0/16"), false);
  assert.equal(inPrefix("not-an-ip", "192.168.0.0/16"), false);
  assert.equal(inPrefix("fd00::5", "fd00::/64"), true);
});

test("the first free address across prefixes, after the reserved ones", () => {
  assert.equal(firstFreeIn(["10.10.2.0/28"], new Set()), "10.10.2.4");
  assert.equal(firstFreeIn(["10.10.2.0/28"], new Set(["10.10.2.4", "10.10.2.5"])), "10.10.2.6");
  const full = new Set(Array.from({ length: 16 }, (_, i) => `10.10.2.${i}`));
  assert.equal(firstFreeIn(["10.10.2.0/28"], full), undefined);
  assert.equal(firstFreeIn(["10.10.2.0/28", "10.10.3.0/28"], full), "10.10.3.4");
});
