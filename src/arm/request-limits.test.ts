import assert from "node:assert/strict";
import { test } from "node:test";
import { ArmError } from "../rules/errors.js";
import { isJsonMediaType, jsonTooDeep, LIMITS, parseJsonBody, requireJsonBody } from "./request-limits.js";

const code = (fn: () => unknown) => {
  try {
    fn();
    return "ok";
  } catch (e) {
    return e instanceof ArmError ? `${e.status} ${e.code}` : String(e);
  }
};

test("depth is measured without recursion, strings and escapes skipped", () => {
  assert.equal(jsonTooDeep("[[1]]", 2), false);
  assert.equal(jsonTooDeep("[[[1]]]", 2), true);
  assert.equal(jsonTooDeep('{"a":"[[[[[[\\"[[["}', 1), false);
  assert.equal(jsonTooDeep("[".repeat(1_000_000), LIMITS.maxJsonDepth), true);
});

test("bodies: empty is undefined, too deep or malformed is 400 InvalidRequestContent", () => {
  assert.equal(parseJsonBody(Buffer.from("  ")), undefined);
  assert.deepEqual(parseJsonBody(Buffer.from('{"a":[1]}')), { a: [1] });
  const deep = `${"[".repeat(5000)}${"]".repeat(5000)}`;
  assert.equal(
    code(() => parseJsonBody(Buffer.from(deep))),
    "400 InvalidRequestContent",
  );
  assert.equal(
    code(() => parseJsonBody(Buffer.from("{nope"))),
    "400 InvalidRequestContent",
  );
});

test("only JSON media types pass; a body without one is 415 UnsupportedMediaType", () => {
  assert.ok(isJsonMediaType("application/json; charset=utf-8"));
  assert.ok(isJsonMediaType("Application/Merge-Patch+JSON"));
  for (const t of [undefined, "text/plain", "application/xml", "application/x-www-form-urlencoded", "json"]) {
    assert.ok(!isJsonMediaType(t), String(t));
  }
  assert.equal(
    code(() => requireJsonBody({}, Buffer.alloc(0))),
    "ok",
  );
  assert.equal(
    code(() => requireJsonBody({}, Buffer.from("{}"))),
    "415 UnsupportedMediaType",
  );
  assert.equal(
    code(() => requireJsonBody({ "content-type": "text/plain" }, Buffer.alloc(0))),
    "415 UnsupportedMediaType",
  );
  assert.equal(
    code(() => requireJsonBody({ "content-type": "application/json" }, Buffer.from("{}"))),
    "ok",
  );
});
