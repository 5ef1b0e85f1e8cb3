import assert from "node:assert/strict";
import { test } from "node:test";
import { machineStatusAt } from "../../semantics/agent/machine-status.js";
import { DEFAULT_SUBSCRIPTION_ID, openSystem, temporaryDataDir } from "../../system/index.js";
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

test("heartbeats move status and lastStatusChange through the hub; the clock makes them Disconnected, then Expired", async () => {
  const system = openSystem({ memory: true, clock: VirtualClock.fixed(new Date("2026-01-01T00:00:00Z")) });
  system.put(RG, { location: "westeurope" });
  system.put(M, { location: "westeurope", properties: {} });
  const keeper = startStatusKeeper({ system, sweepMs: 60_000 });
  const statuses: string[] = [];
  system.subscribe(({ changes }) => {
    for (const r of changes.puts) if (r.id === M) statuses.push(String(r.properties.status));
  });
  assert.equal(system.snapshot().get(M)?.properties.status, "Disconnected");
  await keeper.beat(M, { agentVersion: "1.45" });
  const connected = system.snapshot().get(M);
  assert.equal(connected?.properties.status, "Connected");
  assert.equal(connected?.properties.lastStatusChange, "2026-01-01T00:00:00.000Z");
  assert.equal(connected?.properties.agentVersion, "1.45");
  for (let i = 0; i < 3; i++) {
    system.advanceClock(5 * 60_000);
    await keeper.beat(M);
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

const machines = (system: ReturnType<typeof openSystem>, n: number) => {
  system.put(RG, { location: "westeurope" });
  return Array.from({ length: n }, (_, i) => system.put(`${M}${i}`, { location: "westeurope", properties: {} }).id);
};

test("a heartbeat that changes no status writes nothing; the sweep still turns it Disconnected after 15 minutes", async () => {
  const system = openSystem({ memory: true, clock: VirtualClock.fixed(new Date("2026-01-01T00:00:00Z")) });
  const [m] = machines(system, 1);
  const keeper = startStatusKeeper({ system, sweepMs: 60_000 });
  const commits: string[] = [];
  system.subscribe(({ cause, changes }) => {
    if (cause === "commit") commits.push(...changes.puts.map((r) => String(r.properties.status)));
  });
  await keeper.beat(m);
  const connected = system.snapshot().get(m);
  const version = system.version;
  for (let i = 0; i < 5; i++) {
    system.advanceClock(4 * 60_000);
    await keeper.beat(m);
  }
  assert.deepEqual(commits, ["Connected"], "only the status change was committed");
  assert.equal(system.snapshot().get(m), connected, "the machine resource is the same object");
  assert.equal(system.version, version + 5, "the feed moved only for the clock");
  assert.equal(keeper.lastHeartbeat(m)?.toISOString(), "2026-01-01T00:20:00.000Z");
  system.advanceClock(14 * 60_000);
  assert.equal(system.snapshot().get(m)?.properties.status, "Connected", "14 minutes after the last heartbeat");
  system.advanceClock(60_000);
  const after = system.snapshot().get(m);
  assert.equal(after?.properties.status, "Disconnected", "15 minutes after the last heartbeat");
  assert.equal(after?.properties.lastStatusChange, "2026-01-01T00:35:00.000Z");
  assert.equal(after?.internal?.lastHeartbeatAt, "2026-01-01T00:20:00.000Z");
  keeper.stop();
  system.close();
});

test("status changes arriving together share one commit", async () => {
  const system = openSystem({ memory: true, clock: VirtualClock.fixed(new Date("2026-01-01T00:00:00Z")) });
  const ids = machines(system, 50);
  const keeper = startStatusKeeper({ system, sweepMs: 60_000, batchMs: 50 });
  let commits = 0;
  system.subscribe(({ cause }) => {
    if (cause === "commit") commits++;
  });
  const answers = await Promise.all(ids.map((id) => keeper.beat(id)));
  assert.ok(answers.every((a) => a.status === "Connected" && a.lastStatusChange === "2026-01-01T00:00:00.000Z"));
  assert.ok(commits <= 2, `${commits} commits for 50 status changes`);
  const before = commits;
  system.advanceClock(15 * 60_000);
  assert.equal(commits, before + 1, "the sweep turned all 50 Disconnected in one commit");
  assert.ok(ids.every((id) => system.snapshot().get(id)?.properties.status === "Disconnected"));
  keeper.stop();
  system.close();
});

test("a restart resumes from the saved heartbeats: recent ones stay Connected, old ones go Disconnected", async () => {
  const { dir, remove } = temporaryDataDir();
  const clock = VirtualClock.fixed(new Date("2026-01-01T00:00:00Z"));
  let system = openSystem({ data: dir, clock });
  const [a, b] = machines(system, 2);
  let keeper = startStatusKeeper({ system, sweepMs: 60_000 });
  await keeper.beat(a);
  await keeper.beat(b);
  clock.advance(10 * 60_000);
  await keeper.beat(a); // a beats again; b stays quiet; neither is a world write
  keeper.stop();
  system.close();

  system = openSystem({ data: dir, clock });
  clock.advance(6 * 60_000); // 16 minutes after b's heartbeat, 6 after a's
  keeper = startStatusKeeper({ system, sweepMs: 60_000 });
  assert.equal(keeper.lastHeartbeat(a)?.toISOString(), "2026-01-01T00:10:00.000Z");
  keeper.sweep();
  assert.equal(system.snapshot().get(a)?.properties.status, "Connected");
  assert.equal(system.snapshot().get(b)?.properties.status, "Disconnected");
  system.delete(a);
  keeper.stop();
  system.close();
  system = openSystem({ data: dir, clock });
  keeper = startStatusKeeper({ system, sweepMs: 60_000 });
  assert.equal(keeper.lastHeartbeat(a), undefined, "a deleted machine's heartbeat is forgotten");
  keeper.stop();
  system.close();
  remove();
});
