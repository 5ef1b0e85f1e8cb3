import assert from "node:assert/strict";
import { test } from "node:test";
import { endpointOf, nameCovers } from "./front-doors.js";

test("wildcards cover exactly one label", () => {
  assert.equal(nameCovers("*.his.arc.azure.com", "gbl.his.arc.azure.com"), true);
  assert.equal(nameCovers("*.his.arc.azure.com", "a.b.his.arc.azure.com"), false);
  assert.equal(nameCovers("*.his.arc.azure.com", "his.arc.azure.com"), false);
  assert.equal(nameCovers("management.azure.com", "MANAGEMENT.azure.com"), true);
});

test("names map to their service, reach and region", () => {
  assert.deepEqual(endpointOf("gbl.his.arc.azure.com"), {
    service: "his",
    name: "gbl.his.arc.azure.com",
    reach: "global",
  });
  assert.equal(endpointOf("weu.his.arc.azure.com")?.region, "westeurope");
  assert.equal(endpointOf("scus.his.arc.azure.com")?.region, "southcentralus");
  assert.equal(endpointOf("westeurope-gas.guestconfiguration.azure.com")?.region, "westeurope");
  assert.equal(endpointOf("agentserviceapi.guestconfiguration.azure.com")?.reach, "global");
  assert.equal(endpointOf("japaneast.dp.kubernetesconfiguration.azure.com")?.service, "dp");
  assert.equal(endpointOf("westeurope.login.microsoft.com")?.service, "entra");
  assert.equal(endpointOf("pas.windows.net")?.service, "entra");
  assert.equal(endpointOf("management.azure.com")?.service, "arm");
  assert.equal(endpointOf("example.com"), undefined);
});
