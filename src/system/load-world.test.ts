import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { loadWorld, WORLD_FILE_APPLIED_AT, WorldSourceError } from "./load-world.js";
import { DEFAULT_SUBSCRIPTION_ID, openSystem } from "./system.js";

const RG = `/subscriptions/${DEFAULT_SUBSCRIPTION_ID}/resourceGroups/lab`;

test("a world file is applied at the fixed apply time, whatever the day", () => {
  const { snapshot, report, appliedAt } = loadWorld({
    kind: "text",
    text: `- { id: ${RG}, location: westeurope }\n`,
    path: "w.yaml",
  });
  assert.deepEqual(report, { applied: 1, errors: [] });
  assert.equal(appliedAt, WORLD_FILE_APPLIED_AT);
  assert.equal(snapshot.size, 1);
});

test("the default world gives the same snapshot twice (one loader, one clock)", () => {
  const a = loadWorld({ kind: "file", path: "worlds/default.yaml" }).snapshot;
  const b = loadWorld({ kind: "file", path: "worlds/default.yaml" }).snapshot;
  const guid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
  const view = (w: typeof a) =>
    w.all().map((r) => `${r.id} ${JSON.stringify(r.systemData ?? null)}`.replace(guid, "guid"));
  assert.ok(a.size > 20);
  assert.deepEqual(view(a), view(b));
  assert.ok(
    view(a).some((line) => line.includes("2026-01-01T00:00:00.000Z")),
    "times are the fixed apply time",
  );
});

test("a refused file gives an empty world and the report; a missing one is a source error", () => {
  const { snapshot, report } = loadWorld({
    kind: "text",
    text: `- { id: ${RG}/providers/Microsoft.Network/virtualNetworks/v, location: westeurope }\n`,
    path: "w.yaml",
  });
  assert.equal(snapshot.size, 0);
  assert.equal(report?.errors[0].code, "ResourceGroupNotFound");
  assert.throws(() => loadWorld({ kind: "file", path: "/nonexistent/w.yaml" }), WorldSourceError);
  assert.throws(() => loadWorld({ kind: "data", dir: "/nonexistent" }), WorldSourceError);
});

test("a data directory is read as it is", () => {
  const dir = mkdtempSync(join(tmpdir(), "arclink-load-"));
  try {
    const system = openSystem({ data: dir });
    system.put(RG, { location: "eastus" });
    system.close();
    writeFileSync(join(dir, "unrelated.txt"), "x");
    assert.equal(loadWorld({ kind: "data", dir }).snapshot.get(RG)?.location, "eastus");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
