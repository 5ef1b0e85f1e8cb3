import assert from "node:assert/strict";
import { X509Certificate } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { loadOrCreateCa } from "../../pki/index.js";
import { createSniContexts } from "./sni-contexts.js";

test("one leaf per front door, chosen by SNI; unknown names get none", async () => {
  const dir = mkdtempSync(join(tmpdir(), "arclink-sni-"));
  try {
    const ca = await loadOrCreateCa(dir, new Date());
    const sni = await createSniContexts(ca, new Date());
    assert.equal(sni.serviceFor("gbl.his.arc.azure.com"), "his");
    assert.equal(sni.serviceFor("westeurope-gas.guestconfiguration.azure.com"), "guest-configuration");
    assert.equal(sni.serviceFor("eastus.login.microsoft.com"), "entra");
    assert.equal(sni.serviceFor("Management.Azure.com."), "arm");
    assert.equal(sni.serviceFor("x.y.his.arc.azure.com"), undefined);
    assert.equal(sni.contextFor("evil.example"), undefined);
    const his = new X509Certificate(sni.leaves.get("his")?.certPem ?? "");
    assert.ok(his.checkHost("weu.his.arc.azure.com"));
    assert.ok(his.checkIssued(new X509Certificate(ca.certPem)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
