import assert from "node:assert/strict";
import { test } from "node:test";
import { createApp } from "../arm/app.js";
import { Store } from "../store/index.js";
import { applyWorld } from "./apply.js";
import { exportWorld } from "./export.js";
import { parseWorld } from "./parse.js";

const SUB = "00000000-0000-0000-0000-000000000000";

async function appWith() {
  const store = new Store({ inMemory: true });
  return { store, app: await createApp({ store }) };
}

test("a valid world is applied in one commit", async () => {
  const { app, store } = await appWith();
  const entries = parseWorld(
    `- { type: Microsoft.Resources/resourceGroups, name: a, location: westeurope, tags: { env: lab } }\n- { type: Microsoft.Resources/resourceGroups, name: b, location: eastus }\n`,
    "w.yaml",
    SUB,
  );
  const report = applyWorld(app.system, entries);
  assert.deepEqual(report, { applied: 2, errors: [] });
  assert.deepEqual(
    store.world.all().map((r) => [r.name, r.location, r.tags]),
    [
      ["a", "westeurope", { env: "lab" }],
      ["b", "eastus", {}],
    ],
  );
});

test("one bad resource means nothing is applied, and every error names its line", async () => {
  const { app, store } = await appWith();
  const entries = parseWorld(
    `- { type: Microsoft.Resources/resourceGroups, name: good, location: westeurope }
- { type: Microsoft.Resources/resourceGroups, name: bad, location: atlantis }
- { type: Microsoft.Resources/resourceGroups, name: "bad*name", location: westeurope }
`,
    "w.yaml",
    SUB,
  );
  const report = applyWorld(app.system, entries);
  assert.equal(report.applied, 0);
  assert.deepEqual(
    report.errors.map((e) => [e.line, e.code]),
    [
      [2, "LocationNotAvailableForResourceType"],
      [3, "InvalidResourceGroupName"],
    ],
  );
  assert.equal(store.world.all().length, 0);
});

test("what depends on a failed resource is reported as not applied, not as a second error", async () => {
  const { app } = await appWith();
  const entries = parseWorld(
    `- { type: Microsoft.Resources/resourceGroups, name: rg, location: nowhere }
- id: /subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Resources/deployments/d
`,
    "w.yaml",
    SUB,
  );
  const report = applyWorld(app.system, entries);
  assert.deepEqual(
    report.errors.map((e) => e.code),
    ["LocationNotAvailableForResourceType", "DependencyFailed"],
  );
});

test("export drops what the server owns, and re-applying the export reproduces the world", async () => {
  const { app, store } = await appWith();
  applyWorld(
    app.system,
    parseWorld("- { type: Microsoft.Resources/resourceGroups, name: a, location: westeurope }\n", "w.yaml", SUB),
  );
  const exported = exportWorld(store.world, app.env.registry);
  assert.deepEqual(exported, [
    {
      id: `/subscriptions/${SUB}/resourceGroups/a`,
      type: "Microsoft.Resources/resourceGroups",
      location: "westeurope",
      tags: {},
    },
  ]);
  const other = await appWith();
  const report = applyWorld(
    other.app.system,
    exported.map((e, i) => {
      const { id, type: _type, ...body } = e;
      return { id: String(id), body, line: i + 1 };
    }),
  );
  assert.deepEqual(report.errors, []);
  assert.deepEqual(
    other.store.world.all().map((r) => r.id),
    store.world.all().map((r) => r.id),
  );
});
