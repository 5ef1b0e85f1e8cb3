import assert from "node:assert/strict";
import { test } from "node:test";
import { CONNECT_OUTCOMES } from "../../semantics/connect/index.js";
import { WIRE_ACTIONS } from "./wire-actions.js";

test("every connect outcome has a wire action, and refusal codes are never reused", () => {
  assert.deepEqual(Object.keys(WIRE_ACTIONS).sort(), [...CONNECT_OUTCOMES].sort());
  const codes = Object.values(WIRE_ACTIONS).flatMap((a) => (a.kind === "refuse" ? [a.code] : []));
  assert.equal(new Set(codes).size, codes.length);
  assert.equal(WIRE_ACTIONS.PRIVATE.kind, "serve");
  assert.equal(WIRE_ACTIONS.BLOCKED_BY_NSG.kind, "drop");
});
