import assert from "node:assert/strict";
import { test } from "node:test";
import { ARC_IDS, arcPrivateLinkResources, arcPrivateLinkWorld, withProperties } from "../semantics/testing/index.js";
import { MapWorld } from "../world/world.js";
import { generateDnsConfig } from "./dns-config.js";
import { GENERATE_ERRORS, type GenerateError } from "./errors.js";

test("the table lists each Arc FQDN with its address, private DNS zone and record name", () => {
  const out = generateDnsConfig(arcPrivateLinkWorld(), { privateEndpoint: "arc-pe" });
  const rows = out.text.split("\n");
  assert.match(rows[0], /^DNS configuration of private endpoint 'arc-pe' \(scope 'arc-pls'\)$/);
  assert.match(rows[2], /^FQDN\s+IP addresses\s+Private DNS zone\s+Record$/);
  assert.ok(
    rows.some((r) => /^gbl\.his\.arc\.azure\.com\s+10\.10\.1\.4\s+privatelink\.his\.arc\.azure\.com\s+gbl$/.test(r)),
  );
  assert.ok(
    rows.some((r) =>
      /^westeurope-gas\.guestconfiguration\.azure\.com\s+10\.10\.1\.7\s+privatelink\.guestconfiguration\.azure\.com\s+westeurope-gas$/.test(
        r,
      ),
    ),
  );
  assert.deepEqual(out.data.rows[4], {
    fqdn: "westeurope.dp.kubernetesconfiguration.azure.com",
    ipAddresses: ["10.10.1.8"],
    privateDnsZone: "privatelink.dp.kubernetesconfiguration.azure.com",
    recordName: "westeurope",
    source: "customDnsConfigs",
  });
  assert.equal(out.data.scopeId, ARC_IDS.scope);
});

test("several addresses for one name are listed together; names outside Arc zones are left out with a warning", () => {
  const resources = withProperties(arcPrivateLinkResources(), ARC_IDS.pe, {
    customDnsConfigs: [
      { fqdn: "gbl.his.arc.azure.com", ipAddresses: ["10.10.1.4", "10.10.1.14"] },
      { fqdn: "other.example.com", ipAddresses: ["10.10.1.20"] },
    ],
  });
  const out = generateDnsConfig(new MapWorld(resources), { privateEndpoint: ARC_IDS.pe });
  assert.match(out.text, /gbl\.his\.arc\.azure\.com\s+10\.10\.1\.4, 10\.10\.1\.14\s+privatelink/);
  assert.doesNotMatch(out.text, /other\.example\.com/);
  assert.match(out.warnings.join(), /Names outside the Arc zones are left out: other\.example\.com/);
});

test("an unknown private endpoint is an error", () => {
  assert.throws(
    () => generateDnsConfig(arcPrivateLinkWorld(), { privateEndpoint: "missing-pe" }),
    (e: GenerateError) =>
      e.code === GENERATE_ERRORS.NotFound && e.message.startsWith("Private endpoint 'missing-pe' is not in the world."),
  );
});
