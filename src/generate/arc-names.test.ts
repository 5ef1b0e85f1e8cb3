import assert from "node:assert/strict";
import { test } from "node:test";
import { arcNamesForRegion } from "./arc-names.js";

test("a region's Arc names: global and regional HIS, global and regional guest configuration, then Kubernetes", () => {
  const { region, names, warnings } = arcNamesForRegion("West Europe");
  assert.equal(region, "westeurope");
  assert.deepEqual(
    names.map((n) => n.fqdn),
    [
      "gbl.his.arc.azure.com",
      "weu.his.arc.azure.com",
      "agentserviceapi.guestconfiguration.azure.com",
      "westeurope-gas.guestconfiguration.azure.com",
      "westeurope.dp.kubernetesconfiguration.azure.com",
    ],
  );
  assert.deepEqual(
    names.map((n) => n.zone.optional),
    [false, false, false, false, true],
  );
  assert.deepEqual(warnings, []);
});

test("a region without a known HIS code leaves the regional HIS name out and says so", () => {
  const { names, warnings } = arcNamesForRegion("japaneast");
  assert.ok(!names.some((n) => /^[a-z0-9]+\.his\.arc\.azure\.com$/.test(n.fqdn) && n.fqdn !== "gbl.his.arc.azure.com"));
  assert.match(warnings[0], /Region 'japaneast' has no known HIS short code/);
});

test("an unofficial HIS code is used with a warning naming its source", () => {
  const { names, warnings } = arcNamesForRegion("swedencentral");
  assert.ok(names.some((n) => n.fqdn === "sec.his.arc.azure.com"));
  assert.match(warnings[0], /unofficial list \[3P-HIS\]/);
});
