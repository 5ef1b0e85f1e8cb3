import assert from "node:assert/strict";
import { test } from "node:test";
import { machineStatusAt } from "../../semantics/agent/machine-status.js";
import { DEFAULT_SUBSCRIPTION_ID, openSystem } from "../../system/index.js";
import { VirtualClock } from "../clock.js";
import { startStatusKeeper } from "./status-keeper.js";

const RG = `/subscriptions/${DEFAULT_SUBSCRIPTION_ID}/resourceGroups/lab`;
const M = `${RG}/providers/Microsoft.HybridCompute/machines/m1`;

test("machineStatusAt: Connected, Disconnected after 15 minutes, Expired after 45 days", () => {
  const t0 = new Date("2026-01-01T00:00:00Z");
  const at = (ms: number) => machineStatusAt(t0, new Date(t0.getTime() + ms));
  assert.equal(machineStatusAt(undefined, t0), undefined);
  assert.equal(at(14 * 60_000), "Connected");
  assert.equal(at(15 * 60_000), "Disconnected");
  assert.equal(at(45 * 86400_000 - 1), "Disconnected");
  assert.equal(at(45 * 86400_000), "Expired");
});

test("heartbeats move status and lastStatusChange through the hub; the clock makes them Disconnected, then Expired", () => {
  const system = openSystem({ memory: true, clock: VirtualClock.fixed(new Date("2026-01-01T00:00:00Z")) });
  system.put(RG, { location: "westeurope" });
  system.put(M, { location: "westeurope", properties: {} });
  const keeper = startStatusKeeper({ system, sweepMs: 60_000 });
  const statuses: string[] = [];
  system.subscribe(({ changes }) => {
    for (const r of changes.puts) if (r.id === M) statuses.push(String(r.properties.status));
  });
  assert.equal(system.snapshot().get(M)?.properties.status, "Disconnected");
  keeper.beat(M, { agentVersion: "1.45" });
  const connected = system.snapshot().get(M);
  assert.equal(connected?.properties.status, "Connected");
  assert.equal(connected?.properties.lastStatusChange, "2026-01-01T00:00:00.000Z");
  assert.equal(connected?.properties.agentVersion, "1.45");
  for (let i = 0; i < 3; i++) {
    system.advanceClock(5 * 60_000);
    keeper.beat(M);
  }
  assert.equal(
    system.snapshot().get(M)?.properties.status,
    "Connected",
    "heartbeats every 5 minutes keep it Connected",
  );
  system.advanceClock(16 * 60_000);
  assert.equal(system.snapshot().get(M)?.properties.status, "Disconnected");
  assert.equal(system.snapshot().get(M)?.properties.lastStatusChange, "2026-01-01T00:31:00.000Z");
  system.advanceClock(45 * 86400_000);
  assert.equal(system.snapshot().get(M)?.properties.status, "Expired");
  assert.deepEqual(statuses, ["Connected", "Disconnected", "Expired"]);
  keeper.stop();
  system.close();
});
