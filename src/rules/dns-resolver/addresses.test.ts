import assert from "node:assert/strict";
import { test } from "node:test";
import { firstFreeAddress, reservedReason } from "./addresses.js";

test("allocation skips Azure's four reserved addresses and used ones; the last is reserved", () => {
  assert.equal(firstFreeAddress("10.10.2.0/28", new Set()), "10.10.2.4");
  assert.equal(firstFreeAddress("10.10.2.0/28", new Set(["10.10.2.4", "10.10.2.5"])), "10.10.2.6");
  const all = new Set(Array.from({ length: 11 }, (_, i) => `10.10.2.${i + 4}`));
  assert.equal(firstFreeAddress("10.10.2.0/28", all), undefined);
  assert.match(reservedReason("10.10.2.3", "10.10.2.0/28") ?? "", /first four/);
  assert.match(reservedReason("10.10.2.15", "10.10.2.0/28") ?? "", /last/);
  assert.match(reservedReason("10.10.3.5", "10.10.2.0/28") ?? "", /outside/);
  assert.equal(reservedReason("10.10.2.9", "10.10.2.0/28"), undefined);
});
