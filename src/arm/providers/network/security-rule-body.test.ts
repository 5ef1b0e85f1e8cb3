import assert from "node:assert/strict";
import { test } from "node:test";
import { validPortRange } from "./security-rule-body.js";

test("port ranges: *, a port, or lo-hi within 0–65535", () => {
  for (const ok of ["*", "443", "0", "65535", "1000-2000", " 53 "]) assert.ok(validPortRange(ok), ok);
  for (const bad of ["65536", "2000-1000", "80-", "http", "1-2-3", ""]) assert.ok(!validPortRange(bad), bad);
});
