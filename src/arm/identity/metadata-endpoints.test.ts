import assert from "node:assert/strict";
import { test } from "node:test";
import { metadataEndpoints } from "./metadata-endpoints.js";

const BASE = "https://localhost:8443";

test("api-version 2015-01-01 gives the object msrestazure reads, with an ADFS login endpoint", () => {
  // msrestazure _populate_from_metadata_endpoint reads these four keys [CLI245].
  assert.deepEqual(metadataEndpoints(BASE, "2015-01-01"), {
    galleryEndpoint: `${BASE}/`,
    graphEndpoint: `${BASE}/`,
    portalEndpoint: `${BASE}/`,
    authentication: { loginEndpoint: `${BASE}/adfs`, audiences: [`${BASE}/`] },
  });
  assert.deepEqual(metadataEndpoints(BASE, null), metadataEndpoints(BASE, "2015-01-01"));
});

test("api-version 2019-05-01 and later gives the list of clouds ARM_CLOUD_METADATA_URL reads", () => {
  const clouds = metadataEndpoints(BASE, "2022-09-01");
  assert.ok(Array.isArray(clouds));
  const [cloud] = clouds;
  assert.equal(cloud.name, "arclink");
  assert.equal(cloud.resourceManager, `${BASE}/`);
  assert.equal(cloud.authentication.loginEndpoint, `${BASE}/adfs`);
  assert.deepEqual(cloud.authentication.audiences, [`${BASE}/`]);
  assert.deepEqual(cloud.suffixes, {});
});
