import assert from "node:assert/strict";
import { test } from "node:test";
import { ArmError } from "../rules/errors.js";
import { checkPropertiesObject, checkTags, TAG_LIMITS } from "./input-checks.js";

const code = (fn: () => unknown) => {
  try {
    fn();
    return "ok";
  } catch (e) {
    return e instanceof ArmError ? e.code : String(e);
  }
};

test("tags within Azure's limits pass, at each limit exactly", () => {
  const many = Object.fromEntries(Array.from({ length: TAG_LIMITS.maxTags }, (_, i) => [`t${i}`, "v"]));
  assert.equal(
    code(() => checkTags(many)),
    "ok",
  );
  assert.equal(
    code(() => checkTags({ ["n".repeat(512)]: "v".repeat(256) })),
    "ok",
  );
  assert.equal(checkTags(undefined), undefined);
});

test("tags past the limits get ARM's codes", () => {
  const tooMany = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`t${i}`, "v"]));
  assert.equal(
    code(() => checkTags(tooMany)),
    "TooManyTags",
  );
  assert.equal(
    code(() => checkTags({ ["n".repeat(513)]: "v" })),
    "InvalidTagName",
  );
  assert.equal(
    code(() => checkTags({ "": "v" })),
    "InvalidTagName",
  );
  assert.equal(
    code(() => checkTags({ "a/b": "v" })),
    "InvalidTagNameCharacters",
  );
  assert.equal(
    code(() => checkTags({ "a\u0001": "v" })),
    "InvalidTagNameCharacters",
  );
  assert.equal(
    code(() => checkTags({ a: "v".repeat(257) })),
    "InvalidTagValueLength",
  );
  assert.equal(
    code(() => checkTags({ a: 1 })),
    "InvalidRequestContent",
  );
  assert.equal(
    code(() => checkTags(["a"])),
    "InvalidRequestContent",
  );
});

test("properties must be an object when present", () => {
  assert.equal(
    code(() => checkPropertiesObject({ properties: {} })),
    "ok",
  );
  assert.equal(
    code(() => checkPropertiesObject({})),
    "ok",
  );
  for (const properties of [[1, 2, 3], "x", 3, true]) {
    assert.equal(
      code(() => checkPropertiesObject({ properties })),
      "InvalidRequestContent",
    );
  }
});
