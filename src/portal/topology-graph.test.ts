import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { test } from "node:test";
import { createApp } from "../arm/app.js";
import { Store } from "../store/index.js";
import { applyWorld, parseWorld } from "../world-file/index.js";
import { type HealthIndex, topologyGraph } from "./topology-graph.js";

const RG = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/arc-pl/providers";
const app = await createApp({ store: new Store({ inMemory: true }) });
const text = readFileSync(resolve(import.meta.dirname, "../../worlds/default.yaml"), "utf8");
assert.deepEqual(applyWorld(app.system, parseWorld(text, "default.yaml", app.subscriptionId)).errors, []);
const none: HealthIndex = { byHost: new Map(), byResource: new Map() };
const name = (id: string) => id.split("/").at(-1);

test("the default world's diagram: containers hold their resources", () => {
  const { nodes } = topologyGraph(app.store.snapshot(), none);
  const parentOf = (label: string) => name(nodes.find((n) => n.label === label)?.parent ?? "");
  const kinds = new Set(nodes.map((n) => n.kind));
  for (const k of [
    "site",
    "host",
    "dns-server",
    "vnet",
    "subnet",
    "private-endpoint",
    "resolver",
    "zone",
    "scope",
    "machine",
  ]) {
    assert.ok(kinds.has(k as never), k);
  }
  assert.equal(parentOf("arc-pe"), "private-endpoints");
  assert.equal(parentOf("private-endpoints"), "hub");
  assert.equal(parentOf("hub-resolver"), "hub");
  assert.equal(nodes.filter((n) => n.kind === "host" && name(n.parent ?? "") === "hq").length, 3);
});

test("edges: the VPN, DNS forwarding to the resolver's inbound address, zone links, connections, associations", () => {
  const { edges } = topologyGraph(app.store.snapshot(), none);
  const has = (kind: string, from: string, to: string) =>
    edges.find((e) => e.kind === kind && name(e.source) === from && name(e.target) === to);
  assert.equal(has("vpn", "hq", "hub")?.label, "hq-to-hub");
  // Three forwarders to 10.10.2.4 are one edge naming the three zones.
  assert.equal(
    has("forwards", "dc01", "hub-resolver")?.label,
    "his.arc.azure.com, guestconfiguration.azure.com, dp.kubernetesconfiguration.azure.com",
  );
  assert.ok(has("zone-link", "privatelink.his.arc.azure.com", "hub"));
  assert.equal(has("connection", "arc-pe", "arc-pls")?.dashed, false);
  assert.ok(has("association", "web01", "arc-pls"));
  assert.ok(has("dns", "web01", "dc01"));
  assert.equal(has("association", "db01", "arc-pls"), undefined, "db01 is not associated");
});

test("colours come from the health index: hosts by host id, others by resource id", () => {
  const host = `${RG}/Arclink.OnPremises/sites/hq/hosts/web01`;
  const scope = `${RG}/Microsoft.HybridCompute/privateLinkScopes/arc-pls`;
  const health: HealthIndex = {
    byHost: new Map([[host.toLowerCase(), "error"]]),
    byResource: new Map([[scope.toLowerCase(), "warning"]]),
  };
  const { nodes } = topologyGraph(app.store.snapshot(), health);
  assert.equal(nodes.find((n) => n.id === host)?.health, "error");
  assert.equal(nodes.find((n) => n.id === scope)?.health, "warning");
  assert.equal(nodes.find((n) => n.label === "hub")?.health, "none");
});
