// `arclink up` on a port that is taken says what to do: use the arclink already running
// there, or pick another port (issue 9).
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { arclink, arclinkUp, stop } from "./helpers/cli.js";

test("a busy port: the running instance's address, or --port", async () => {
  const dir = mkdtempSync(join(tmpdir(), "arclink-port-"));
  const data = join(dir, "a");
  const { child, ready } = await arclinkUp(["--data", data, "--port", "0", "--empty"]);
  try {
    const port = new URL(ready.armEndpoint).port;
    const same = arclink(["up", "--data", data, "--port", port, "--empty"]);
    assert.equal(same.code, 3);
    assert.match(same.stderr, new RegExp(`Port ${port} is in use \\(EADDRINUSE\\): arclink is already running there`));
    assert.ok(same.stderr.includes(`Use it at ${ready.armEndpoint}`), same.stderr);
    assert.match(same.stderr, /--port <n>/);
    const other = arclink(["up", "--data", join(dir, "b"), "--port", port, "--empty"]);
    assert.equal(other.code, 3);
    assert.match(
      other.stderr,
      new RegExp(`Port ${port} is in use \\(EADDRINUSE\\) by another program: start on another port with --port <n>`),
    );
  } finally {
    assert.equal(await stop(child), 0);
    rmSync(dir, { recursive: true, force: true });
  }
});
