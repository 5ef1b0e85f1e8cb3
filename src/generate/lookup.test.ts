import assert from "node:assert/strict";
import { test } from "node:test";
import { ARC_IDS, arcPrivateLinkWorld, privateEndpoint } from "../semantics/testing/index.js";
import { MapWorld } from "../world/world.js";
import { GENERATE_ERRORS, type GenerateError } from "./errors.js";
import { findResource } from "./lookup.js";

const PE = "Microsoft.Network/privateEndpoints";

test("finds by id (any case) or by unique name", () => {
  const world = arcPrivateLinkWorld();
  assert.equal(findResource(world, ARC_IDS.pe.toUpperCase(), PE, "Private endpoint").id, ARC_IDS.pe);
  assert.equal(findResource(world, "ARC-PE", PE, "Private endpoint").id, ARC_IDS.pe);
});

test("an unknown name lists the known ones; a wrong type names both types", () => {
  const world = arcPrivateLinkWorld();
  assert.throws(
    () => findResource(world, "nope", PE, "Private endpoint"),
    (e: GenerateError) =>
      e.code === GENERATE_ERRORS.NotFound && /'nope' is not in the world\. Known: 'arc-pe'\./.test(e.message),
  );
  assert.throws(
    () => findResource(world, ARC_IDS.scope, PE, "Private endpoint"),
    (e: GenerateError) =>
      e.code === GENERATE_ERRORS.NotFound && /is a Microsoft.HybridCompute\/privateLinkScopes, not a/.test(e.message),
  );
  assert.throws(() => findResource(world, "/not/an/id", PE, "Private endpoint"), /is not a valid ARM resource id/);
});

test("a name shared by two resources asks for the id", () => {
  const other = { subscriptionId: "s2", resourceGroup: "rg2", location: "westeurope" };
  const world = new MapWorld([
    ...arcPrivateLinkWorld().all(),
    privateEndpoint(
      "arc-pe",
      { subnetId: ARC_IDS.peSubnet, scopeId: ARC_IDS.scope, status: "Approved", records: [] },
      other,
    ),
  ]);
  assert.throws(
    () => findResource(world, "arc-pe", PE, "Private endpoint"),
    (e: GenerateError) => e.code === GENERATE_ERRORS.Ambiguous && e.message.includes("/subscriptions/s2/"),
  );
});
