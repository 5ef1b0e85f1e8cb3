import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { VirtualClock } from "../fabric/clock.js";
import { ArmError } from "../rules/errors.js";
import { builtInCatalog, createCatalog } from "../world/index.js";
import { parseWorld } from "../world-file/index.js";
import type { SystemChange } from "./change-feed.js";
import { DEFAULT_SUBSCRIPTION_ID, openSystem, WorldRefusedError } from "./system.js";

const SUB = DEFAULT_SUBSCRIPTION_ID;
const RG = `/subscriptions/${SUB}/resourceGroups/lab`;
const SCOPE = `${RG}/providers/Microsoft.HybridCompute/privateLinkScopes/scope1`;

test("every commit, clock move and reset is one feed entry with a growing version and its snapshot", () => {
  const system = openSystem({ memory: true, clock: VirtualClock.fixed(new Date("2026-01-01T00:00:00Z")) });
  const seen: SystemChange[] = [];
  const stop = system.subscribe((c) => seen.push(c));
  system.put(RG, { location: "westeurope" });
  system.put(SCOPE, { location: "westeurope", properties: { publicNetworkAccess: "Disabled" } });
  system.advanceClock(15 * 60_000);
  system.reset();
  stop();
  system.put(RG, { location: "westeurope" });
  assert.deepEqual(
    seen.map((c) => [c.version, c.cause, c.snapshot.size, c.changes.puts.length, c.changes.deletes.length]),
    [
      [1, "commit", 1, 1, 0],
      [2, "commit", 2, 1, 0],
      [3, "clock", 2, 0, 0],
      [4, "reset", 0, 0, 2],
    ],
  );
  assert.equal(seen[2].now.toISOString(), "2026-01-01T00:15:00.000Z");
  assert.equal(seen[1].snapshot.get(SCOPE)?.properties?.publicNetworkAccess, "Disabled");
  assert.equal(seen[0].snapshot.get(SCOPE), undefined, "an earlier snapshot never sees a later write");
  assert.equal(system.version, 5);
  system.close();
});

test("a refused write throws the rule's ARM error, publishes nothing and changes nothing", () => {
  const system = openSystem({ memory: true });
  let entries = 0;
  system.subscribe(() => entries++);
  const before = system.snapshot();
  assert.throws(
    () => system.put(SCOPE, { location: "westeurope" }),
    (e: unknown) => e instanceof ArmError && e.code === "ResourceGroupNotFound",
  );
  assert.equal(entries, 0);
  assert.equal(system.snapshot(), before);
  system.close();
});

test("patch and delete go through the engine: read-only echoes are checked, groups cascade", () => {
  const system = openSystem({ memory: true });
  system.put(RG, { location: "westeurope" });
  system.put(SCOPE, { location: "westeurope", properties: { publicNetworkAccess: "Enabled" } });
  const patched = system.patch(SCOPE, { tags: { env: "lab" } });
  assert.deepEqual(patched.tags, { env: "lab" });
  system.delete(RG);
  assert.equal(system.snapshot().size, 0);
  system.close();
});

test("a listener that throws does not stop the write or the other listeners", () => {
  const errors: unknown[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => errors.push(args);
  try {
    const system = openSystem({ memory: true });
    let second = 0;
    system.subscribe(() => {
      throw new Error("boom");
    });
    system.subscribe(() => second++);
    system.put(RG, { location: "westeurope" });
    assert.equal(second, 1);
    assert.equal(errors.length, 1);
    assert.ok(system.snapshot().get(RG));
    system.close();
  } finally {
    console.error = original;
  }
});

test("a world given at open is applied all or nothing", () => {
  const good = parseWorld(`- { id: ${RG}, location: westeurope }\n`, "w.yaml", SUB);
  const system = openSystem({ memory: true, world: good });
  assert.equal(system.snapshot().size, 1);
  system.close();
  const bad = parseWorld(
    `- { id: ${RG}, location: westeurope }\n- { id: ${SCOPE}, location: nowhere-land }\n`,
    "w.yaml",
    SUB,
  );
  assert.throws(
    () => openSystem({ memory: true, world: bad }),
    (e: unknown) => e instanceof WorldRefusedError && e.report.errors.length === 1 && e.report.errors[0].line === 2,
  );
});

test("snapshots carry the system's catalog, so service tags are data, not a global", () => {
  const catalog = createCatalog({ serviceTags: { changeNumber: 7, cloud: "Public", values: [] } });
  const system = openSystem({ memory: true, catalog });
  assert.equal(system.snapshot().catalog, catalog);
  system.put(RG, { location: "westeurope" });
  assert.equal(system.snapshot().catalog?.serviceTags.changeNumber, 7);
  system.close();
  const plain = openSystem({ memory: true });
  assert.equal(plain.snapshot().catalog, builtInCatalog());
  plain.close();
});

test("a data directory keeps the world across opens", () => {
  const dir = mkdtempSync(join(tmpdir(), "arclink-system-"));
  try {
    const first = openSystem({ data: dir });
    first.put(RG, { location: "westeurope" });
    first.close();
    const second = openSystem({ data: dir });
    assert.equal(second.snapshot().get(RG)?.location, "westeurope");
    second.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
