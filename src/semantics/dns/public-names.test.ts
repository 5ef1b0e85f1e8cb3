import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createCatalog } from "../../world/catalog/catalog.js";
import { PUBLIC_ENDPOINTS } from "../../world/catalog/public-endpoints.js";
import { REGIONS } from "../../world/catalog/regions.js";
import { builtInServiceTags, serviceTagsContaining } from "../../world/catalog/service-tags.js";
import { lookupPublicName, publicAddressOf } from "./public-names.js";

const world = {};
const TAGS = builtInServiceTags();

describe("public endpoints catalog", () => {
  it("every public name ends at an address inside its service tag", () => {
    for (const ep of PUBLIC_ENDPOINTS) {
      const probe = ep.name.startsWith("*.") ? `probe${ep.name.slice(1)}` : ep.name;
      const address = publicAddressOf(world, probe);
      assert.ok(address, probe);
      assert.ok(
        serviceTagsContaining(address, TAGS).includes(ep.serviceTag),
        `${probe} → ${address} not in ${ep.serviceTag}`,
      );
    }
  });

  it("addresses are distinct per exact name and deterministic", () => {
    const exact = PUBLIC_ENDPOINTS.filter((e) => !e.name.startsWith("*."));
    const addresses = exact.map((e) => publicAddressOf(world, e.name));
    assert.equal(new Set(addresses).size, addresses.length);
    assert.deepEqual(
      addresses,
      exact.map((e) => publicAddressOf(world, e.name)),
    );
  });

  it("Arc names are public CNAMEs into their privatelink names", () => {
    assert.deepEqual(lookupPublicName(world, "gbl.his.arc.azure.com").records, [
      { name: "gbl.his.arc.azure.com", type: "CNAME", ttl: 300, data: "gbl.privatelink.his.arc.azure.com" },
    ]);
    assert.equal(
      lookupPublicName(world, "westeurope-gas.guestconfiguration.azure.com").records[0]?.data,
      "westeurope-gas.privatelink.guestconfiguration.azure.com",
    );
    assert.equal(
      lookupPublicName(world, "japaneast.dp.kubernetesconfiguration.azure.com").records[0]?.data,
      "japaneast.privatelink.dp.kubernetesconfiguration.azure.com",
    );
    assert.equal(lookupPublicName(world, "gbl.privatelink.his.arc.azure.com").records[0]?.type, "A");
  });

  it("has a HIS name per known code and gas/dp names per region", () => {
    for (const r of REGIONS) {
      if (r.hisCode) assert.ok(lookupPublicName(world, `${r.hisCode}.his.arc.azure.com`).exists, r.name);
      assert.ok(lookupPublicName(world, `${r.name}-gas.guestconfiguration.azure.com`).exists, r.name);
    }
  });

  it("wildcards match subdomains only; unknown names do not exist; parents are empty non-terminals", () => {
    assert.ok(lookupPublicName(world, "eastus.login.microsoft.com").exists);
    assert.ok(!lookupPublicName(world, "login.microsoft.com").exists);
    assert.ok(!lookupPublicName(world, "nope.his.arc.azure.com").exists);
    assert.deepEqual(lookupPublicName(world, "his.arc.azure.com"), { exists: true, records: [] });
  });

  it("the built-in service tags table has the download-file shape", () => {
    assert.equal(typeof TAGS.changeNumber, "number");
    for (const v of TAGS.values) {
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

describe("public names follow the world's catalog", () => {
  it("a world carrying another service tags file gets its addresses from that file", () => {
    const custom = structuredClone(builtInServiceTags());
    const aad = custom.values.find((v) => v.name === "AzureActiveDirectory")!;
    aad.properties.addressPrefixes = ["40.126.0.0/18"];
    const other = { catalog: createCatalog({ serviceTags: custom }) };
    assert.equal(publicAddressOf(other, "login.microsoftonline.com"), "40.126.0.1");
    assert.equal(publicAddressOf(world, "login.microsoftonline.com"), "20.190.128.1");
  });
});
