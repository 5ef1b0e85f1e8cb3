import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { lookupPublicName, PUBLIC_ENDPOINTS, publicAddressOf } from "./public-endpoints.js";
import { REGIONS } from "./regions.js";
import { SERVICE_TAGS, serviceTagsContaining } from "./service-tags.js";

describe("public endpoints catalog", () => {
  it("every public name ends at an address inside its service tag", () => {
    for (const ep of PUBLIC_ENDPOINTS) {
      const probe = ep.name.startsWith("*.") ? `probe${ep.name.slice(1)}` : ep.name;
      const address = publicAddressOf(probe);
      assert.ok(address, probe);
      assert.ok(
        serviceTagsContaining(address).includes(ep.serviceTag),
        `${probe} → ${address} not in ${ep.serviceTag}`,
      );
    }
  });

  it("addresses are distinct per exact name and deterministic", () => {
    const exact = PUBLIC_ENDPOINTS.filter((e) => !e.name.startsWith("*."));
    const addresses = exact.map((e) => publicAddressOf(e.name));
    assert.equal(new Set(addresses).size, addresses.length);
    assert.deepEqual(
      addresses,
      exact.map((e) => publicAddressOf(e.name)),
    );
  });

  it("Arc names are public CNAMEs into their privatelink names", () => {
    assert.deepEqual(lookupPublicName("gbl.his.arc.azure.com").records, [
      { name: "gbl.his.arc.azure.com", type: "CNAME", ttl: 300, data: "gbl.privatelink.his.arc.azure.com" },
    ]);
    assert.equal(
      lookupPublicName("westeurope-gas.guestconfiguration.azure.com").records[0]?.data,
      "westeurope-gas.privatelink.guestconfiguration.azure.com",
    );
    assert.equal(
      lookupPublicName("japaneast.dp.kubernetesconfiguration.azure.com").records[0]?.data,
      "japaneast.privatelink.dp.kubernetesconfiguration.azure.com",
    );
    assert.equal(lookupPublicName("gbl.privatelink.his.arc.azure.com").records[0]?.type, "A");
  });

  it("has a HIS name per known code and gas/dp names per region", () => {
    for (const r of REGIONS) {
      if (r.hisCode) assert.ok(lookupPublicName(`${r.hisCode}.his.arc.azure.com`).exists, r.name);
      assert.ok(lookupPublicName(`${r.name}-gas.guestconfiguration.azure.com`).exists, r.name);
    }
  });

  it("wildcards match subdomains only; unknown names do not exist; parents are empty non-terminals", () => {
    assert.ok(lookupPublicName("eastus.login.microsoft.com").exists);
    assert.ok(!lookupPublicName("login.microsoft.com").exists);
    assert.ok(!lookupPublicName("nope.his.arc.azure.com").exists);
    assert.deepEqual(lookupPublicName("his.arc.azure.com"), { exists: true, records: [] });
  });

  it("the built-in service tags table has the download-file shape", () => {
    assert.equal(typeof SERVICE_TAGS.changeNumber, "number");
    for (const v of SERVICE_TAGS.values) {
      assert.equal(v.name, v.id);
      assert.deepEqual(Object.keys(v.properties).sort(), [
        "addressPrefixes",
        "changeNumber",
        "networkFeatures",
        "platform",
        "region",
        "regionId",
        "systemService",
      ]);
    }
  });
});

describe("public endpoints follow the installed service tags", () => {
  it("rebuilds addresses when installServiceTags swaps the catalog", async () => {
    const { installServiceTags, builtInServiceTags } = await import("./service-tags.js");
    const custom = builtInServiceTags();
    const aad = custom.values.find((v) => v.name === "AzureActiveDirectory")!;
    aad.properties.addressPrefixes = ["40.126.0.0/18"];
    const previous = installServiceTags(custom);
    try {
      assert.equal(publicAddressOf("login.microsoftonline.com"), "40.126.0.1");
    } finally {
      installServiceTags(previous);
    }
    assert.equal(publicAddressOf("login.microsoftonline.com"), "20.190.128.1");
  });
});
