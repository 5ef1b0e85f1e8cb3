import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { test } from "node:test";
import { createApp } from "../src/arm/app.js";
import { Store } from "../src/store/index.js";
import { parseId } from "../src/world/index.js";
import { applyWorld, parseWorld } from "../src/world-file/index.js";
import { inject } from "./helpers/inject.js";

const PATH = resolve(import.meta.dirname, "../worlds/default.yaml");
const text = readFileSync(PATH, "utf8");

test("worlds/default.yaml applies cleanly through the engine (arclink apply)", async () => {
  const app = await createApp({ store: new Store({ inMemory: true }) });
  const entries = parseWorld(text, "default.yaml", app.subscriptionId);
  const report = applyWorld(app.system, entries);
  assert.deepEqual(report.errors, []);
  assert.equal(report.applied, entries.length);
  const w = app.store.world;
  assert.equal(w.ofType("Microsoft.Network/privateDnsZones").length, 3);
  assert.equal(w.ofType("Microsoft.Network/privateDnsZones/virtualNetworkLinks").length, 3);
  assert.equal(w.ofType("Arclink.OnPremises/sites/hosts").length, 3);
  const inbound = w.ofType("Microsoft.Network/dnsResolvers/inboundEndpoints")[0];
  const address = (inbound.properties.ipConfigurations as { privateIpAddress: string }[])[0].privateIpAddress;
  const dc = w.ofType("Arclink.OnPremises/sites/dnsServers")[0];
  for (const f of dc.properties.conditionalForwarders as { domain: string; targets: string[] }[]) {
    assert.deepEqual(f.targets, [address], `${f.domain} forwards to the resolver's inbound endpoint`);
  }
  // The hosts-file host carries exactly the addresses the private endpoint was given.
  const pe = w.ofType("Microsoft.Network/privateEndpoints")[0];
  const configs = pe.properties.customDnsConfigs as { fqdn: string; ipAddresses: string[] }[];
  const kiosk = w.ofType("Arclink.OnPremises/sites/hosts").find((h) => h.name === "kiosk01");
  const lines = String(kiosk?.properties.hostsFile).trim().split("\n").slice(1);
  assert.deepEqual(lines.sort(), configs.map((c) => `${c.ipAddresses[0]} ${c.fqdn}`).sort());
});

test("worlds/default.yaml applies resource by resource as PUTs in file order", async () => {
  const { app, call } = await inject();
  for (const entry of parseWorld(text, "default.yaml", app.subscriptionId)) {
    const type = parseId(entry.id)?.type ?? "";
    const versions = app.env.registry.type(type)?.apiVersions ?? [];
    const version = [...versions]
      .filter((v) => !v.includes("preview"))
      .sort()
      .pop();
    const res = await call("PUT", `${entry.id}?api-version=${version}`, { body: entry.body });
    assert.ok(res.status === 200 || res.status === 201, `${entry.id}: ${JSON.stringify(res.body)}`);
  }
});
