import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { LABS, labPath } from "../src/labs/index.js";
import { arclink, arclinkUp, stop } from "./helpers/cli.js";

test("arclink up --lab NAME starts on that lab's world", async () => {
  const lab = LABS.find((l) => l.name === "mixed-public-and-private")!;
  const { child, ready } = await arclinkUp(["--in-memory", "--port", "0", "--lab", lab.name]);
  try {
    assert.match(ready.world.file, /worlds\/labs\/mixed-public-and-private\.yaml$/);
    const entries = readFileSync(labPath(lab.name), "utf8").match(/^- /gm) ?? [];
    assert.equal(ready.world.applied, entries.length);
  } finally {
    assert.equal(await stop(child), 0);
  }
});

test("--lab refuses an unknown name, listing the labs, and cannot be combined with --world or --empty", () => {
  const unknown = arclink(["up", "--in-memory", "--lab", "nope"]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /^arclink: There is no lab 'nope': choose one of .*no-vpn/);
  const withWorld = arclink(["up", "--in-memory", "--lab", "no-vpn", "--world", "worlds/default.yaml"]);
  assert.equal(withWorld.code, 2);
  assert.equal(withWorld.stderr.trim(), "arclink: Options --world and --lab cannot be used together: choose one.");
  const withEmpty = arclink(["up", "--in-memory", "--lab", "no-vpn", "--empty"]);
  assert.equal(withEmpty.code, 2);
  assert.match(withEmpty.stderr, /Options --lab and --empty cannot be used together/);
});
