import assert from "node:assert/strict";
import { test } from "node:test";
import { ARC_IDS, arcPrivateLinkWorld } from "../semantics/testing/index.js";
import { memoCalls } from "./memo.js";

const now = new Date("2026-01-01T01:00:00Z");

test("the memoized calls share one answer between the names' rows and say whom it was computed for", () => {
  const calls = memoCalls(arcPrivateLinkWorld(), now);
  const a = calls.resolve({ kind: "host", hostId: ARC_IDS.host }, "gbl.his.arc.azure.com");
  const b = calls.resolve({ kind: "host", hostId: ARC_IDS.host }, "gbl.his.arc.azure.com");
  assert.equal(a, b);
  assert.equal(a.computedFor, ARC_IDS.host);
});
