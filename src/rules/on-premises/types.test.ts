import assert from "node:assert/strict";
import { test } from "node:test";
import { inPrefix, prefixesOverlap } from "./types.js";

test("prefix overlap and containment", () => {
  assert.equal(prefixesOverlap("192.168.0.0/16", "192.168.128.0/17"), true);
  assert.equal(prefixesOverlap("10.10.0.0/16", "192.168.0.0/16"), false);
  assert.equal(prefixesOverlap("10.0.0.0/8", "10.255.255.0/24"), true);
  assert.equal(inPrefix("192.168.1.10", "192.168.0.0/16"), true);
  assert.equal(inPrefix("192.169.1.10", "192.168.0.0/16"), false);
  assert.equal(inPrefix("not-an-ip", "192.168.0.0/16"), false);
});
