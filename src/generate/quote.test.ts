import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import { bashQuote, confQuote, isEnvName, psQuote } from "./quote.js";

test("bashQuote: bash reads back exactly the value, running nothing", () => {
  for (const value of ["plain", "it's", "$(touch /tmp/x) `id` $HOME", "a b\tc", "'"]) {
    const res = spawnSync("bash", ["-c", `printf %s ${bashQuote(value)}`], { encoding: "utf8" });
    assert.equal(res.stdout, value);
  }
});

test("psQuote doubles single quotes (also typographic ones PowerShell treats as quotes)", () => {
  assert.equal(psQuote("it's"), "'it''s'");
  assert.equal(psQuote("a\u2019b"), "'a\u2019\u2019b'");
  assert.equal(psQuote("$env:X"), "'$env:X'");
});

test("confQuote refuses what would break a named.conf or unbound.conf string; env names are checked", () => {
  assert.equal(confQuote("his.arc.azure.com"), '"his.arc.azure.com"');
  assert.throws(() => confQuote('a"b'));
  assert.ok(isEnvName("ARC_SP_SECRET"));
  assert.ok(!isEnvName("1X") && !isEnvName("A-B") && !isEnvName("A;B"));
});
