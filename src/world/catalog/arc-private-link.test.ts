import assert from "node:assert/strict";
import { test } from "node:test";
import { ARC_ZONES, arcPrivateLinkNames } from "./arc-private-link.js";

test("a region's Arc names: global and regional HIS, guest configuration and Kubernetes configuration", () => {
  assert.deepEqual(
    arcPrivateLinkNames("West Europe").map((n) => [n.fqdn, n.privateLinkFqdn, n.reach]),
    [
      ["gbl.his.arc.azure.com", "gbl.privatelink.his.arc.azure.com", "global"],
      ["weu.his.arc.azure.com", "weu.privatelink.his.arc.azure.com", "regional"],
      [
        "agentserviceapi.guestconfiguration.azure.com",
        "agentserviceapi.privatelink.guestconfiguration.azure.com",
        "global",
      ],
      [
        "westeurope-gas.guestconfiguration.azure.com",
        "westeurope-gas.privatelink.guestconfiguration.azure.com",
        "regional",
      ],
      [
        "westeurope.dp.kubernetesconfiguration.azure.com",
        "westeurope.privatelink.dp.kubernetesconfiguration.azure.com",
        "regional",
      ],
    ],
  );
});

test("a region without a known HIS short code has no regional HIS name", () => {
  const names = arcPrivateLinkNames("japaneast").map((n) => n.fqdn);
  assert.ok(!names.some((n) => n.endsWith(".his.arc.azure.com") && !n.startsWith("gbl.")));
  assert.ok(names.includes("japaneast.dp.kubernetesconfiguration.azure.com"));
});

test("the zones are the docs' names; only the Kubernetes configuration zone is optional for servers", () => {
  assert.deepEqual(
    ARC_ZONES.map((z) => [z.privateZone, z.publicZone, z.optional]),
    [
      ["privatelink.his.arc.azure.com", "his.arc.azure.com", false],
      ["privatelink.guestconfiguration.azure.com", "guestconfiguration.azure.com", false],
      ["privatelink.dp.kubernetesconfiguration.azure.com", "dp.kubernetesconfiguration.azure.com", true],
    ],
  );
});
