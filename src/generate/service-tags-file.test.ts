import assert from "node:assert/strict";
import { test } from "node:test";
import { GENERATE_ERRORS, type GenerateError } from "./errors.js";
import { builtInServiceTags, parseServiceTags, pickTags } from "./service-tags-file.js";

/** The download-file shape of ServiceTags_Public_*.json [ST], cut down to two tags. */
const DOWNLOAD = {
  changeNumber: 241,
  cloud: "Public",
  values: [
    {
      name: "ApplicationInsightsAvailability",
      id: "ApplicationInsightsAvailability",
      properties: {
        changeNumber: 6,
        region: "",
        regionId: 0,
        platform: "Azure",
        systemService: "ApplicationInsightsAvailability",
        addressPrefixes: ["13.86.97.224/27", "13.86.98.0/27", "2603:1030:a0b::/48"],
        networkFeatures: ["NSG", "UDR", "FW"],
      },
    },
    {
      name: "AzureResourceManager.WestEurope",
      id: "AzureResourceManager.WestEurope",
      properties: {
        changeNumber: 2,
        region: "westeurope",
        regionId: 18,
        platform: "Azure",
        systemService: "AzureResourceManager",
        addressPrefixes: ["20.61.99.0/24"],
        networkFeatures: ["NSG"],
      },
    },
  ],
};

test("reads a download file, splitting IPv4 from IPv6; tag names match case-insensitively", () => {
  const file = parseServiceTags(DOWNLOAD, "ServiceTags_Public.json");
  assert.equal(file.changeNumber, "241");
  assert.equal(file.cloud, "Public");
  const [tag, regional] = pickTags(file, ["applicationinsightsavailability", "AzureResourceManager.WestEurope"], "f");
  assert.equal(tag.name, "ApplicationInsightsAvailability");
  assert.deepEqual(tag.ipv4, ["13.86.97.224/27", "13.86.98.0/27"]);
  assert.deepEqual(tag.ipv6, ["2603:1030:a0b::/48"]);
  assert.deepEqual(regional.ipv4, ["20.61.99.0/24"]);
});

test("reads the ARM API shape too (string changeNumber, no regionId)", () => {
  const api = {
    name: "public",
    type: "Microsoft.Network/serviceTags",
    changeNumber: "63",
    cloud: "Public",
    values: [
      {
        name: "ApiManagement",
        id: "ApiManagement",
        properties: { changeNumber: "7", region: "", addressPrefixes: ["13.64.39.16/32"] },
      },
    ],
  };
  assert.deepEqual(pickTags(parseServiceTags(api, "api"), ["ApiManagement"], "api")[0].ipv4, ["13.64.39.16/32"]);
});

test("the built-in catalog has the tags the Arc docs name", () => {
  const file = builtInServiceTags();
  assert.deepEqual(
    pickTags(file, ["AzureActiveDirectory", "AzureResourceManager"], "catalog").map((t) => t.ipv4.length > 0),
    [true, true],
  );
});

test("malformed documents and unknown tags are refused with the reason", () => {
  const err = (doc: unknown) => {
    try {
      parseServiceTags(doc, "tags.json");
    } catch (e) {
      return e as GenerateError;
    }
    assert.fail("no error");
  };
  assert.equal(err([]).code, GENERATE_ERRORS.InvalidServiceTags);
  assert.match(
    err({ values: [{ name: "X" }] }).message,
    /values\[0\] needs a 'name' and 'properties\.addressPrefixes'/,
  );
  assert.match(
    err({ values: [{ name: "X", properties: { addressPrefixes: ["10.0.0.0/33"] } }] }).message,
    /'10\.0\.0\.0\/33' in 'X' is not a CIDR prefix/,
  );
  assert.match(
    err({ values: [{ name: 'X"; rm -rf /', properties: { addressPrefixes: [] } }] }).message,
    /characters service tags never use/,
  );
  const file = parseServiceTags(
    { values: [{ name: "AzureCloud.westeurope", properties: { addressPrefixes: [] } }] },
    "f",
  );
  assert.throws(
    () => pickTags(file, ["AzureCloud"], "f"),
    /Service tag 'AzureCloud' is not in f\. Similar: AzureCloud\.westeurope\./,
  );
});
