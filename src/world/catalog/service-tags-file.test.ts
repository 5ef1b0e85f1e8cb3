import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { catalogOf, createCatalog } from "./catalog.js";
import { builtInServiceTags, findServiceTag, installServiceTags, serviceTagsContaining } from "./service-tags.js";

const BUILT_IN = builtInServiceTags();

import { loadServiceTagsFile, parseServiceTagsFile, serviceTagsFromEnvironment } from "./service-tags-file.js";

// The shape of the weekly download file [ST]: integer change numbers, regionId, platform, networkFeatures.
const FILE = {
  changeNumber: 241,
  cloud: "Public",
  values: [
    {
      name: "ApplicationInsightsAvailability",
      id: "ApplicationInsightsAvailability",
      properties: {
        changeNumber: 3,
        region: "",
        regionId: 0,
        platform: "Azure",
        systemService: "ApplicationInsightsAvailability",
        addressPrefixes: ["13.86.97.224/28"],
        networkFeatures: ["API", "NSG"],
      },
    },
  ],
};

test("the built-in catalog has the Arc tags and regional sub-tags inside their global tag", () => {
  for (const tag of [
    "AzureActiveDirectory",
    "AzureResourceManager",
    "AzureArcInfrastructure",
    "Storage",
    "AzureTrafficManager",
    "AzureFrontDoor.Frontend",
  ]) {
    assert.ok(findServiceTag(tag, BUILT_IN), tag);
  }
  const regional = findServiceTag("storage.westeurope", BUILT_IN);
  assert.equal(regional?.properties.region, "westeurope");
  const inside = regional!.properties.addressPrefixes[0].replace(/0\/23$/, "9");
  assert.deepEqual(serviceTagsContaining(inside, BUILT_IN), ["Storage", "Storage.WestEurope"]);
  assert.deepEqual(serviceTagsContaining("20.190.128.10", BUILT_IN), ["AzureActiveDirectory"]);
});

test("a downloaded file loads from ARCLINK_SERVICE_TAGS; a world's catalog carries it", () => {
  const dir = mkdtempSync(join(tmpdir(), "arclink-tags-"));
  const path = join(dir, "ServiceTags_Public_20230213.json");
  writeFileSync(path, JSON.stringify(FILE));
  assert.equal(serviceTagsFromEnvironment({}), undefined);
  const file = serviceTagsFromEnvironment({ ARCLINK_SERVICE_TAGS: path })!;
  assert.deepEqual(file, loadServiceTagsFile(path));
  const tags = catalogOf({ catalog: createCatalog({ serviceTags: file }) }).serviceTags;
  assert.equal(tags.changeNumber, 241);
  assert.ok(findServiceTag("ApplicationInsightsAvailability", tags));
  assert.equal(findServiceTag("AzureActiveDirectory", tags), undefined);
  assert.ok(findServiceTag("AzureActiveDirectory", catalogOf({}).serviceTags), "the built-in catalog by default");
  // Transitional: a file installed at start-up serves worlds that carry no catalog, never those that do.
  const previous = installServiceTags(file);
  try {
    assert.equal(catalogOf({}).serviceTags.changeNumber, 241);
    assert.ok(findServiceTag("AzureActiveDirectory", catalogOf({ catalog: createCatalog() }).serviceTags));
  } finally {
    installServiceTags(previous);
  }
  assert.ok(findServiceTag("AzureActiveDirectory", catalogOf({}).serviceTags));
});

test("a malformed file is refused with its path and the problem", () => {
  assert.throws(() => parseServiceTagsFile("{", "/x.json"), /'\/x\.json' cannot be used: it is not JSON/);
  assert.throws(() => parseServiceTagsFile('{"values":[{"id":"x"}]}', "/x.json"), /values\[0\] needs a 'name'/);
  assert.throws(() => loadServiceTagsFile("/nonexistent/tags.json"), /\/nonexistent\/tags\.json/);
});
