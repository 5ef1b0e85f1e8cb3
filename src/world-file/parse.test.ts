import assert from "node:assert/strict";
import { test } from "node:test";
import { parseWorld, WorldFileError } from "./parse.js";

const SUB = "00000000-0000-0000-0000-000000000000";

test("parses a YAML list with ids and keeps each entry's line", () => {
  const entries = parseWorld(
    `# a lab
- id: /subscriptions/${SUB}/resourceGroups/rg
  location: westeurope
- id: /subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub
  location: westeurope
  properties:
    addressSpace: { addressPrefixes: [10.0.0.0/16] }
`,
    "lab.yaml",
    SUB,
  );
  assert.deepEqual(
    entries.map((e) => [e.line, e.id.split("/").pop()]),
    [
      [2, "rg"],
      [4, "hub"],
    ],
  );
  assert.deepEqual(entries[1].body, {
    location: "westeurope",
    properties: { addressSpace: { addressPrefixes: ["10.0.0.0/16"] } },
  });
});

test("accepts JSON and the type/name/resourceGroup form with child names", () => {
  const entries = parseWorld(
    JSON.stringify({
      resources: [
        { type: "Microsoft.Resources/resourceGroups", name: "rg", location: "westeurope" },
        { type: "Microsoft.Network/virtualNetworks/subnets", name: "hub/pe", resourceGroup: "rg", properties: {} },
      ],
    }),
    "lab.json",
    SUB,
  );
  assert.equal(entries[0].id, `/subscriptions/${SUB}/resourceGroups/rg`);
  assert.equal(
    entries[1].id,
    `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub/subnets/pe`,
  );
});

test("syntax errors and bad entries name the file and the line", () => {
  assert.throws(
    () => parseWorld("- id: /subscriptions/x/resourceGroups/a\n  tags: [\n", "bad.yaml", SUB),
    (e: WorldFileError) => e instanceof WorldFileError && e.message.startsWith("bad.yaml:") && e.line >= 2,
  );
  assert.throws(
    () => parseWorld("- id: a\n- 42\n", "bad.yaml", SUB),
    /bad\.yaml:1: 'a' is not a valid ARM resource id/,
  );
  assert.throws(
    () => parseWorld(`- id: /subscriptions/${SUB}/resourceGroups/a\n- 42\n`, "bad.yaml", SUB),
    /bad\.yaml:2: each resource must be an object/,
  );
  assert.throws(() => parseWorld("location: westeurope\n", "bad.yaml", SUB), /must hold a list/);
  assert.throws(
    () =>
      parseWorld(
        "- type: Microsoft.Network/virtualNetworks/subnets\n  name: hub\n  resourceGroup: rg\n",
        "bad.yaml",
        SUB,
      ),
    /as many segments/,
  );
});

test("an empty file is an empty world", () => {
  assert.deepEqual(parseWorld("", "empty.yaml", SUB), []);
});

test("anchors and aliases resolve to their values", () => {
  const entries = parseWorld(
    `- id: /subscriptions/${SUB}/resourceGroups/a
  location: westeurope
  tags: &common { env: lab, owner: net }
- id: /subscriptions/${SUB}/resourceGroups/b
  location: westeurope
  tags: *common
`,
    "anchors.yaml",
    SUB,
  );
  assert.deepEqual(entries[1].body.tags, { env: "lab", owner: "net" });
  assert.equal(entries[1].line, 4);
});

test("an entry with both id and type: the type must be the id's (as export writes them)", () => {
  const id = `/subscriptions/${SUB}/resourceGroups/a`;
  const ok = parseWorld(
    `- { id: "${id}", type: microsoft.resources/RESOURCEGROUPS, location: westeurope }\n`,
    "w.yaml",
    SUB,
  );
  assert.deepEqual(
    ok.map((e) => [e.id, e.body]),
    [[id, { location: "westeurope" }]],
  );
  assert.throws(
    () =>
      parseWorld(`- { id: "${id}", type: Microsoft.Network/virtualNetworks, location: westeurope }\n`, "w.yaml", SUB),
    /type 'Microsoft.Network\/virtualNetworks' does not match the type of id/,
  );
});

test("nesting deeper than the limit is an error on its line, before the YAML library recurses", () => {
  for (const text of [`- id: x\n  properties: ${"[".repeat(3000)}`, `${'{"resources":'.repeat(1500)}`]) {
    assert.throws(
      () => parseWorld(text, "deep.yaml", SUB),
      (e: unknown) => e instanceof WorldFileError && /deeper than 64 levels/.test(e.message),
    );
  }
  const ok = `- id: /subscriptions/${SUB}/resourceGroups/rg\n  tags: ${"[".repeat(20)}${"]".repeat(20)}\n`;
  assert.equal(parseWorld(ok, "ok.yaml", SUB).length, 1);
});
