import assert from "node:assert/strict";
import { test } from "node:test";
import { LabWorld } from "./lab-world.js";

const SUB = "00000000-0000-0000-0000-000000000000";
const RG = `/subscriptions/${SUB}/resourceGroups/rg`;
const BASE = `# a comment
- id: ${RG}
  location: westeurope
- type: Arclink.OnPremises/sites
  name: hq
  resourceGroup: rg
  location: onpremises
  properties: { internetAccess: true }
- id: ${RG}/providers/Arclink.OnPremises/sites/hq/hosts/a
  properties: { address: 192.168.0.1 }
- id: ${RG}/providers/Arclink.OnPremises/sites/hq/hosts/b
  properties: { address: 192.168.0.2 }
`;

test("entries keep their written form and get their ids, either way they are written", () => {
  const w = LabWorld.parse(BASE, "base.yaml");
  assert.deepEqual(
    w.entries.map((e) => e.id),
    [
      RG,
      `${RG}/providers/Arclink.OnPremises/sites/hq`,
      `${RG}/providers/Arclink.OnPremises/sites/hq/hosts/a`,
      `${RG}/providers/Arclink.OnPremises/sites/hq/hosts/b`,
    ],
  );
  assert.equal(w.entries[1].raw.name, "hq");
});

test("find needs exactly one match, by type and optionally name, case-insensitively", () => {
  const w = LabWorld.parse(BASE, "base.yaml");
  assert.equal(w.find("arclink.onpremises/SITES").raw.name, "hq");
  assert.equal(w.find("Arclink.OnPremises/sites/hosts", "B").id.endsWith("/hosts/b"), true);
  assert.throws(() => w.find("Arclink.OnPremises/sites/hosts"), /found 2/);
  assert.throws(() => w.find("Microsoft.Network/virtualNetworks"), /found 0/);
});

test("set writes a nested property and notes why; remove takes the children along", () => {
  const w = LabWorld.parse(BASE, "base.yaml");
  const site = w.find("Arclink.OnPremises/sites");
  w.set(site, ["egressFirewall", "defaultAction"], "Deny", "deny by default");
  w.set(site, ["internetAccess"], false, "no breakout");
  assert.deepEqual(site.raw.properties, { internetAccess: false, egressFirewall: { defaultAction: "Deny" } });
  assert.equal(site.note, "deny by default; no breakout");
  w.remove(site, "gone");
  assert.equal(w.entries.length, 1);
  assert.deepEqual(w.removed, [{ id: site.id, note: "gone" }]);
});

test("add writes type, name and resource group, after the entry given", () => {
  const w = LabWorld.parse(BASE, "base.yaml");
  const site = w.find("Arclink.OnPremises/sites");
  const added = w.add(`${site.id}/proxies/p1`, { properties: { address: "192.168.0.5" } }, "a proxy", site);
  assert.equal(w.entries[2], added);
  assert.deepEqual(added.raw, {
    type: "Arclink.OnPremises/sites/proxies",
    name: "hq/p1",
    resourceGroup: "rg",
    properties: { address: "192.168.0.5" },
  });
  assert.equal(
    w.idBeside(site, "Microsoft.HybridCompute/machines", "m1"),
    `${RG}/providers/Microsoft.HybridCompute/machines/m1`,
  );
});
