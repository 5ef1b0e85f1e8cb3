import assert from "node:assert/strict";
import { chmodSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import type { Resource } from "../world/index.js";
import { Operations } from "./operations.js";
import { Principals } from "./principals.js";
import { Store } from "./store.js";

const rg = (name: string): Resource => ({
  id: `/subscriptions/s/resourceGroups/${name}`,
  name,
  type: "Microsoft.Resources/resourceGroups",
  location: "westeurope",
  properties: {},
});

test("a data directory keeps resources, order, principals and operations across a reopen, in WAL mode", () => {
  const dir = mkdtempSync(join(tmpdir(), "arclink-store-"));
  try {
    const first = new Store({ dataDir: dir });
    assert.equal(first.db.pragma("journal_mode", { simple: true }), "wal");
    first.commit({ puts: [rg("b"), rg("a")], deletes: [] });
    first.commit({ puts: [rg("c")], deletes: ["/SUBSCRIPTIONS/s/resourcegroups/B"] });
    const sp = new Principals(first).create("lab", new Date("2026-01-01T00:00:00Z"));
    new Operations(first).put({ id: "op", name: "op", status: "Succeeded", startTime: "t" });
    first.close();
    const again = new Store({ dataDir: dir });
    assert.deepEqual(
      again.world.all().map((r) => r.name),
      ["a", "c"],
    );
    assert.equal(new Principals(again).verify(sp.clientId, sp.secret)?.displayName, "lab");
    assert.equal(new Principals(again).verify(sp.clientId, "wrong"), undefined);
    assert.equal(new Operations(again).get("OP")?.status, "Succeeded");
    again.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a commit that fails midway writes nothing, on disk or in memory", () => {
  const store = new Store({ inMemory: true });
  store.commit({ puts: [rg("kept")], deletes: [] });
  assert.throws(() =>
    store.commit({ puts: [rg("lost")], deletes: [] }, () => {
      throw new Error("boom");
    }),
  );
  assert.deepEqual(
    store.world.all().map((r) => r.name),
    ["kept"],
  );
  const rows = store.db.prepare("SELECT count(*) AS n FROM resources").get() as { n: number };
  assert.equal(rows.n, 1);
});

test("each commit gives a new immutable snapshot and reset keeps principals", () => {
  const store = new Store({ inMemory: true });
  const before = store.snapshot();
  const after = store.commit({ puts: [rg("a")], deletes: [] });
  assert.notEqual(after, before);
  assert.equal(before.size, 0, "the old snapshot does not see the commit");
  assert.equal(store.snapshot(), after);
  assert.throws(() => {
    (after.all()[0] as { name: string }).name = "changed";
  }, TypeError);
  new Principals(store).ensureDefault(new Date());
  assert.equal(store.reset().size, 0);
  assert.equal(new Principals(store).list().length, 1);
});

test("the data directory is 0700 and the database files 0600, new or found loose", () => {
  const dir = mkdtempSync(join(tmpdir(), "arclink-store-"));
  try {
    const first = new Store({ dataDir: dir });
    first.commit({ puts: [rg("a")], deletes: [] });
    const mode = (name: string) => statSync(join(dir, name)).mode & 0o777;
    assert.equal(statSync(dir).mode & 0o777, 0o700);
    for (const name of ["arclink.db", "arclink.db-wal", "arclink.db-shm"]) assert.equal(mode(name), 0o600, name);
    first.close();
    chmodSync(dir, 0o755);
    chmodSync(join(dir, "arclink.db"), 0o644);
    const again = new Store({ dataDir: dir });
    assert.equal(statSync(dir).mode & 0o777, 0o700);
    assert.equal(mode("arclink.db"), 0o600);
    again.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("synchronous is FULL by default and NORMAL only when asked", () => {
  const dir = mkdtempSync(join(tmpdir(), "arclink-store-"));
  try {
    const full = new Store({ dataDir: dir });
    assert.equal(full.db.pragma("synchronous", { simple: true }), 2);
    full.close();
    const normal = new Store({ dataDir: dir, synchronous: "NORMAL" });
    assert.equal(normal.db.pragma("synchronous", { simple: true }), 1);
    normal.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("completed operations are pruned after the retention period, on the operations' own clock", () => {
  const store = new Store({ inMemory: true });
  const ops = new Operations(store, 60 * 60 * 1000);
  const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 0, minutes)).toISOString();
  const done = (name: string, minutes: number) =>
    ops.put({ id: name, name, status: "Succeeded", startTime: at(minutes), endTime: at(minutes) });
  done("old", 0);
  ops.put({ id: "running", name: "running", status: "InProgress", startTime: at(0) });
  done("recent", 30);
  assert.ok(ops.get("old"));
  done("later", 90);
  assert.equal(ops.get("old"), undefined, "ended 90 minutes before the newest: pruned");
  assert.ok(ops.get("recent"));
  assert.ok(ops.get("running"), "an operation still running is kept");
  assert.equal(ops.prune(new Date(Date.UTC(2026, 0, 2))), 2);
});

test("no service principal secret starts with '-', which command lines would read as an option", () => {
  const store = new Store({ inMemory: true });
  const principals = new Principals(store);
  for (let i = 0; i < 300; i++) assert.ok(!principals.create(`sp${i}`, new Date()).secret.startsWith("-"));
  store.close();
});
