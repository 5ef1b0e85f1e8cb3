import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { type AgentState, agentStateStore } from "./agent-state.js";

test("agent state and key are owner-only, round-trip, and are forgotten on clear", () => {
  const data = mkdtempSync(join(tmpdir(), "arclink-agent-state-"));
  try {
    const store = agentStateStore(
      data,
      "/subscriptions/x/resourceGroups/r/providers/Arclink.OnPremises/sites/hq/hosts/web01",
    );
    assert.equal(store.load(), undefined);
    const state = { status: "Connected", hostId: "h", machineId: "m", vmId: "v" } as AgentState;
    store.save(state);
    store.saveKey(generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey);
    assert.deepEqual(store.load(), state);
    assert.equal(store.loadKey()?.asymmetricKeyType, "ec");
    assert.equal(statSync(store.statePath).mode & 0o777, 0o600);
    assert.equal(statSync(store.keyPath).mode & 0o777, 0o600);
    assert.equal(statSync(store.dir).mode & 0o777, 0o700);
    assert.match(store.dir, /web01-[0-9a-f]{10}$/);
    store.clear();
    assert.equal(store.load(), undefined);
    assert.equal(store.loadKey(), undefined);
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
});
