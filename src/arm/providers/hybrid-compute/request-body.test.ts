import assert from "node:assert/strict";
import { test } from "node:test";
import { optionalArray, optionalEnum, optionalObject, optionalString, requiredString } from "./request-body.js";

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { code: string; message: string }).code;
  }
  return "none";
};

test("shape checks name the path and refuse mistyped values", () => {
  assert.equal(optionalString(undefined, "p"), undefined);
  assert.equal(optionalString("x", "p"), "x");
  assert.equal(
    code(() => optionalString(1, "p")),
    "InvalidRequestContent",
  );
  assert.equal(
    code(() => optionalString("abc", "p", 2)),
    "InvalidParameter",
  );
  assert.equal(
    code(() => requiredString(null, "p")),
    "InvalidRequestContent",
  );
  assert.equal(
    code(() => optionalObject([], "p")),
    "InvalidRequestContent",
  );
  assert.equal(
    code(() => optionalArray({}, "p")),
    "InvalidRequestContent",
  );
  assert.equal(optionalEnum("enabled", ["Enabled", "Disabled"] as const, "p"), "Enabled");
  assert.equal(
    code(() => optionalEnum("On", ["Enabled"] as const, "p")),
    "InvalidParameter",
  );
});
