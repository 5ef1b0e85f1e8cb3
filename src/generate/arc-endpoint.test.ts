import assert from "node:assert/strict";
import { test } from "node:test";
import {
  ARC_IDS,
  arcPrivateLinkResources,
  arcPrivateLinkWorld,
  envelope,
  withProperties,
} from "../semantics/testing/index.js";
import { MapWorld } from "../world/world.js";
import { endpointsOfScope, readArcEndpoint, requireEntries } from "./arc-endpoint.js";
import { GENERATE_ERRORS, type GenerateError } from "./errors.js";

test("reads the Arc names of a private endpoint in zone order with their zones and the endpoint's vnet", () => {
  const ep = readArcEndpoint(arcPrivateLinkWorld(), "arc-pe");
  assert.equal(ep.scopeId, ARC_IDS.scope);
  assert.equal(ep.virtualNetworkId, ARC_IDS.hub);
  assert.equal(ep.connectionStatus, "Approved");
  assert.deepEqual(
    ep.entries.map((e) => [e.fqdn, e.zone.privateZone, e.recordName, e.ipAddresses.join()]),
    [
      ["gbl.his.arc.azure.com", "privatelink.his.arc.azure.com", "gbl", "10.10.1.4"],
      ["weu.his.arc.azure.com", "privatelink.his.arc.azure.com", "weu", "10.10.1.5"],
      [
        "agentserviceapi.guestconfiguration.azure.com",
        "privatelink.guestconfiguration.azure.com",
        "agentserviceapi",
        "10.10.1.6",
      ],
      [
        "westeurope-gas.guestconfiguration.azure.com",
        "privatelink.guestconfiguration.azure.com",
        "westeurope-gas",
        "10.10.1.7",
      ],
      [
        "westeurope.dp.kubernetesconfiguration.azure.com",
        "privatelink.dp.kubernetesconfiguration.azure.com",
        "westeurope",
        "10.10.1.8",
      ],
    ],
  );
  assert.deepEqual(ep.warnings, []);
  assert.deepEqual(
    endpointsOfScope(arcPrivateLinkWorld(), ARC_IDS.scope.toLowerCase()).map((e) => e.id),
    [ARC_IDS.pe],
  );
});

test("with a DNS zone group, names come from its record sets (privatelink form turned public)", () => {
  const resources = withProperties(arcPrivateLinkResources(), ARC_IDS.pe, { customDnsConfigs: [] });
  resources.push(
    envelope(`${ARC_IDS.pe}/privateDnsZoneGroups/default`, "Microsoft.Network/privateEndpoints/privateDnsZoneGroups", {
      privateDnsZoneConfigs: [
        {
          name: "privatelink-his-arc-azure-com",
          properties: {
            privateDnsZoneId: "/x/privatelink.his.arc.azure.com",
            recordSets: [
              {
                recordType: "A",
                recordSetName: "gbl",
                fqdn: "gbl.privatelink.his.arc.azure.com.",
                ttl: 10,
                ipAddresses: ["10.10.1.4"],
              },
            ],
          },
        },
      ],
    }),
  );
  const ep = readArcEndpoint(new MapWorld(resources), ARC_IDS.pe);
  assert.deepEqual(
    ep.entries.map((e) => [e.fqdn, e.source]),
    [["gbl.his.arc.azure.com", "privateDnsZoneGroup"]],
  );
});

test("a pending connection and non-Arc names are reported, not hidden", () => {
  const resources = withProperties(arcPrivateLinkResources({ connectionStatus: "Pending" }), ARC_IDS.pe, {
    customDnsConfigs: [
      { fqdn: "gbl.his.arc.azure.com", ipAddresses: ["10.10.1.4"] },
      { fqdn: "x.blob.core.windows.net", ipAddresses: ["10.10.1.9"] },
    ],
  });
  const ep = readArcEndpoint(new MapWorld(resources), "arc-pe");
  assert.match(ep.warnings.join("\n"), /is 'Pending', not 'Approved'/);
  assert.deepEqual(ep.otherFqdns, ["x.blob.core.windows.net"]);
});

test("a private endpoint to something else than an Arc scope is refused", () => {
  const resources = withProperties(arcPrivateLinkResources(), ARC_IDS.pe, {
    privateLinkServiceConnections: [
      {
        name: "c",
        properties: {
          privateLinkServiceId: "/subscriptions/s/resourceGroups/r/providers/Microsoft.Storage/storageAccounts/st",
          groupIds: ["blob"],
        },
      },
    ],
  });
  assert.throws(
    () => readArcEndpoint(new MapWorld(resources), "arc-pe"),
    (e: GenerateError) =>
      e.code === GENERATE_ERRORS.NotArcEndpoint &&
      /connects to '.*storageAccounts\/st', not to a Microsoft.HybridCompute\/privateLinkScopes/.test(e.message),
  );
});

test("an endpoint with no Arc addresses has nothing to generate", () => {
  const resources = withProperties(arcPrivateLinkResources(), ARC_IDS.pe, { customDnsConfigs: [] });
  const ep = readArcEndpoint(new MapWorld(resources), "arc-pe");
  assert.throws(
    () => requireEntries(ep),
    (e: GenerateError) => e.code === GENERATE_ERRORS.NothingToGenerate,
  );
});
