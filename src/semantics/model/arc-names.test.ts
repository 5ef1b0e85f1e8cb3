import assert from "node:assert/strict";
import { test } from "node:test";
import { ARC_ZONES } from "../../world/catalog/arc-private-link.js";
import { arcName, arcZoneLookalike, isArcPrivateLinkName } from "./arc-names.js";

test("arcName reads public and privatelink forms alike and rejects other names", () => {
  const pub = arcName("WEU.his.arc.azure.com.");
  const priv = arcName("weu.privatelink.his.arc.azure.com");
  assert.deepEqual(pub, priv);
  assert.equal(pub?.recordName, "weu");
  assert.equal(pub?.privateLinkFqdn, "weu.privatelink.his.arc.azure.com");
  assert.equal(pub?.zone, ARC_ZONES[0]);
  assert.equal(
    arcName("westeurope-gas.privatelink.guestconfiguration.azure.com")?.fqdn,
    "westeurope-gas.guestconfiguration.azure.com",
  );
  assert.equal(arcName("login.microsoftonline.com"), undefined);
  assert.equal(arcName("his.arc.azure.com"), undefined);
  assert.equal(arcName("privatelink.his.arc.azure.com"), undefined);
});

test("privatelink names and zones are told apart from public ones", () => {
  assert.equal(isArcPrivateLinkName("privatelink.his.arc.azure.com"), true);
  assert.equal(isArcPrivateLinkName("gbl.privatelink.his.arc.azure.com."), true);
  assert.equal(isArcPrivateLinkName("his.arc.azure.com"), false);
});

test("a misspelt zone still says which Arc zone it means", () => {
  assert.equal(arcZoneLookalike("privatelink-his-arc-azure-com")?.key, "his");
  assert.equal(arcZoneLookalike("privatelink.kubernetesconfiguration.azure.com")?.key, "kubernetesconfiguration");
  assert.equal(arcZoneLookalike("contoso.com"), undefined);
});
