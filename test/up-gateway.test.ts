import assert from "node:assert/strict";
import { test } from "node:test";
import { arclink, arclinkUp, stop } from "./helpers/cli.js";
import { testPort } from "./helpers/live-fabric.js";

test("arclink up starts the live network and says where; --time-scale is validated", async () => {
  const gatewayPort = testPort();
  const { child, ready } = await arclinkUp([
    "--in-memory",
    "--port",
    "0",
    "--no-dns",
    "--gateway-port",
    String(gatewayPort),
    "--time-scale",
    "60",
  ]);
  try {
    assert.equal(ready.gateway.port, gatewayPort);
    assert.ok(ready.gateway.addresses.length > 5, "private endpoints and public front doors listen");
    assert.equal(ready.timeScale, 60);
  } finally {
    assert.equal(await stop(child), 0);
  }
  const bad = arclink(["up", "--in-memory", "--time-scale", "0"]);
  assert.notEqual(bad.code, 0);
  assert.match(bad.stderr, /--time-scale '0'/);
});
