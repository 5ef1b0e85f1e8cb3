import assert from "node:assert/strict";
import { test } from "node:test";
import { ARC_ZONES } from "../../../world/catalog/arc-private-link.js";
import { arcMembers, membersInZone } from "./arc-members.js";

test("members follow the scope's region: HIS short code, -gas and dp names [facts §8]", () => {
  assert.deepEqual(
    arcMembers("West Europe").map((m) => m.fqdn),
    [
      "gbl.his.arc.azure.com",
      "weu.his.arc.azure.com",
      "agentserviceapi.guestconfiguration.azure.com",
      "westeurope-gas.guestconfiguration.azure.com",
      "westeurope.dp.kubernetesconfiguration.azure.com",
    ],
  );
  assert.deepEqual(
    membersInZone(arcMembers("eastus"), `${ARC_ZONES[0].privateZone}.`).map((m) => m.recordName),
    ["gbl", "eus"],
  );
});

test("a region without a known HIS code has no regional HIS member", () => {
  assert.deepEqual(
    arcMembers("japaneast").map((m) => m.memberName),
    ["HisGlobal", "GuestConfigurationGlobal", "GuestConfigurationRegional", "KubernetesConfigurationRegional"],
  );
});
