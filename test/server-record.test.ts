import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { runningServer } from "../src/cli/server-record.js";
import { DEFAULT_WORLD } from "../src/cli/up.js";
import { startSystem } from "../src/system/start-system.js";
import { parseWorld } from "../src/world-file/index.js";
import { testPort } from "./helpers/live-fabric.js";

test("server.json says where the gateway listens, follows the world's addresses, and goes at stop", async () => {
  const dir = mkdtempSync(join(tmpdir(), "arclink-record-"));
  const gatewayPort = testPort();
  const running = await startSystem({ dataDir: dir, port: 0, fabric: { port: gatewayPort } });
  const path = join(dir, "server.json");
  const read = () => JSON.parse(readFileSync(path, "utf8"));
  try {
    const first = read();
    assert.deepEqual(Object.keys(first).sort(), [
      "armEndpoint",
      "caPath",
      "gatewayAddresses",
      "gatewayPort",
      "pid",
      "proxyAddresses",
    ]);
    assert.equal(first.gatewayPort, gatewayPort);
    assert.deepEqual(first.gatewayAddresses, [...running.fabric!.gateway.listening()].sort());
    assert.ok(first.gatewayAddresses.length > 0, "the public front doors listen on an empty world");
    assert.equal(runningServer(dir)?.gatewayPort, gatewayPort);

    // The default world adds private endpoints: the record follows the listeners.
    const entries = parseWorld(readFileSync(DEFAULT_WORLD, "utf8"), "default.yaml", running.subscriptionId);
    assert.deepEqual(running.system.apply(entries).errors, []);
    let now = read();
    for (let i = 0; i < 200 && now.gatewayAddresses.length === first.gatewayAddresses.length; i++) {
      await new Promise((r) => setTimeout(r, 25));
      now = read();
    }
    const listening = [...running.fabric!.gateway.listening()].sort();
    assert.ok(listening.length > first.gatewayAddresses.length, "private endpoints opened listeners");
    assert.deepEqual(now.gatewayAddresses, listening);
    assert.deepEqual(now.proxyAddresses, [...running.fabric!.proxies()].sort());
    assert.equal(now.gatewayPort, gatewayPort);
  } finally {
    await running.stop();
    assert.equal(existsSync(path), false);
    rmSync(dir, { recursive: true, force: true });
  }
});
