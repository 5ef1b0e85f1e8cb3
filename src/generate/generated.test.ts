import assert from "node:assert/strict";
import { test } from "node:test";
import { joinLines } from "./generated.js";

test("joinLines ends every line, LF by default and CRLF for Windows files", () => {
  assert.equal(joinLines(["a", "b"]), "a\nb\n");
  assert.equal(joinLines(["a", "b"], "\r\n"), "a\r\nb\r\n");
});
