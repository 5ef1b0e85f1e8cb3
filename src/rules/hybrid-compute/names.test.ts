import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { checkResourceName } from "../naming.js";
import { MACHINE_NAME, SCOPE_NAME } from "./names.js";

describe("Microsoft.HybridCompute name rules", () => {
  test("scope names: letters, digits, hyphens, underscores, periods [SPEC-PLS]", () => {
    for (const ok of ["pls", "my-pls_1.a", "A"]) assert.equal(checkResourceName(ok, "t", SCOPE_NAME), undefined, ok);
    for (const bad of ["has space", "a+b", "ümlaut", "ends.", "x".repeat(256)]) {
      assert.equal(checkResourceName(bad, "t", SCOPE_NAME)?.code, "InvalidResourceName", bad);
    }
  });

  test("machine names: at most 54 such characters [SPEC-PLS machineName]", () => {
    assert.equal(checkResourceName("m".repeat(54), "t", MACHINE_NAME), undefined);
    assert.equal(checkResourceName("m".repeat(55), "t", MACHINE_NAME)?.code, "InvalidResourceName");
    assert.equal(checkResourceName("web 01", "t", MACHINE_NAME)?.code, "InvalidResourceName");
  });
});
