// Azure exports, written from the documented shapes: `az network vnet list` /
// `az network private-endpoint show` / `az network nic show` print flattened SDK models
// [JS-NET]; `az graph query` answers {count, data, skip_token, total_records} [RG-QUERY];
// `az group export` writes an ARM template with parameters and resourceId() [ARM-TEMPLATE].
import assert from "node:assert/strict";
import { test } from "node:test";
import { checkWorld } from "../check-world.js";
import { ImportLog } from "../import-log.js";
import { parseJson } from "../json-text.js";
import { armTemplatePlacementDefault } from "../placement.js";
import { azureEntries } from "./azure-entries.js";
import { readAzureJson } from "./azure-json.js";

const SUB = "00000000-0000-0000-0000-000000000000";
const RG = `/subscriptions/${SUB}/resourceGroups/net`;
const VNET = `${RG}/providers/Microsoft.Network/virtualNetworks/hub`;
const SCOPE = `${RG}/providers/Microsoft.HybridCompute/privateLinkScopes/pls`;
const PE = `${RG}/providers/Microsoft.Network/privateEndpoints/pe`;

const vnetList = [
  {
    id: VNET,
    name: "hub",
    type: "Microsoft.Network/virtualNetworks",
    location: "westeurope",
    etag: 'W/"1"',
    provisioningState: "Succeeded",
    resourceGuid: "g",
    addressSpace: { addressPrefixes: ["10.20.0.0/16"] },
    subnets: [
      {
        id: `${VNET}/subnets/pe`,
        name: "pe",
        addressPrefix: "10.20.1.0/24",
        privateEndpointNetworkPolicies: "Disabled",
        provisioningState: "Succeeded",
        privateEndpoints: [{ id: PE }],
      },
    ],
    virtualNetworkPeerings: [],
  },
];
const graph = {
  count: 5,
  data: [
    {
      id: SCOPE,
      name: "pls",
      type: "microsoft.hybridcompute/privatelinkscopes",
      location: "westeurope",
      resourceGroup: "net",
      properties: { publicNetworkAccess: "Disabled", provisioningState: "Succeeded", privateLinkScopeId: "x" },
    },
    {
      id: PE,
      name: "pe",
      type: "microsoft.network/privateendpoints",
      location: "westeurope",
      properties: {
        subnet: { id: `${VNET}/subnets/pe` },
        privateLinkServiceConnections: [
          {
            name: "c",
            properties: {
              privateLinkServiceId: SCOPE,
              groupIds: ["hybridcompute"],
              privateLinkServiceConnectionState: { status: "Approved" },
            },
          },
        ],
        customDnsConfigs: [{ fqdn: "gbl.his.arc.azure.com", ipAddresses: ["10.20.1.9"] }],
        networkInterfaces: [{ id: `${RG}/providers/Microsoft.Network/networkInterfaces/pe.nic.1` }],
      },
    },
    {
      id: `${RG}/providers/Microsoft.Network/networkInterfaces/pe.nic.1`,
      name: "pe.nic.1",
      type: "microsoft.network/networkinterfaces",
      location: "westeurope",
      properties: {
        privateEndpoint: { id: PE },
        ipConfigurations: [
          {
            name: "c",
            properties: {
              privateIPAddress: "10.20.1.10",
              privateLinkConnectionProperties: {
                groupId: "hybridcompute",
                requiredMemberName: "x",
                fqdns: ["weu.his.arc.azure.com"],
              },
            },
          },
        ],
      },
    },
    {
      id: `${RG}/providers/Microsoft.Network/privateEndpoints/blob`,
      name: "blob",
      type: "microsoft.network/privateendpoints",
      location: "westeurope",
      properties: {
        subnet: { id: `${VNET}/subnets/pe` },
        privateLinkServiceConnections: [
          {
            name: "b",
            properties: {
              privateLinkServiceId: `${RG}/providers/Microsoft.Storage/storageAccounts/sa`,
              groupIds: ["blob"],
            },
          },
        ],
      },
    },
    {
      id: `${RG}/providers/Microsoft.Compute/virtualMachines/vm1`,
      name: "vm1",
      type: "microsoft.compute/virtualmachines",
      location: "westeurope",
      properties: {},
    },
  ],
  skip_token: null,
  total_records: 5,
};

test("az network list output, a Resource Graph answer and NIC facts become entries the rules accept", async () => {
  const log = new ImportLog();
  const raws = [
    ...readAzureJson(vnetList, JSON.stringify(vnetList, null, 2), "vnets.json", log, armTemplatePlacementDefault),
    ...readAzureJson(graph, JSON.stringify(graph, null, 2), "graph.json", log, armTemplatePlacementDefault),
  ];
  const entries = azureEntries(raws, log);
  const pe = entries.find((e) => e.id === PE)!;
  const configs = (
    pe.body.properties as { ipConfigurations: { properties: { memberName: string; privateIPAddress: string } }[] }
  ).ipConfigurations;
  assert.deepEqual(configs.map((c) => c.properties.privateIPAddress).sort(), ["10.20.1.10", "10.20.1.9"]);
  assert.deepEqual(log.setAside.map((s) => s.what).sort(), [
    `${RG}/providers/Microsoft.Compute/virtualMachines/vm1`,
    `${RG}/providers/Microsoft.Network/privateEndpoints/blob`,
  ]);
  assert.ok(log.assumptions.some((a) => a.subject === "resource group 'net'"));
  const checked = await checkWorld(entries, log);
  assert.equal(log.setAside.filter((s) => s.reason.startsWith("refused")).length, 0, JSON.stringify(log.setAside));
  const stored = checked.world.get(PE)!;
  const addresses = (stored.properties.customDnsConfigs as { fqdn: string; ipAddresses: string[] }[]).map(
    (c) => `${c.fqdn}=${c.ipAddresses[0]}`,
  );
  assert.ok(
    addresses.includes("gbl.his.arc.azure.com=10.20.1.9") && addresses.includes("weu.his.arc.azure.com=10.20.1.10"),
    addresses.join(", "),
  );
});

test("az group export: parameters, resourceId() and nested children; an unknown function is a problem at its line", () => {
  const template = {
    $schema: "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
    contentVersion: "1.0.0.0",
    parameters: { virtualNetworks_hub_name: { defaultValue: "hub", type: "String" } },
    variables: {},
    resources: [
      {
        type: "Microsoft.Network/virtualNetworks",
        apiVersion: "2024-05-01",
        name: "[parameters('virtualNetworks_hub_name')]",
        location: "westeurope",
        properties: { addressSpace: { addressPrefixes: ["10.30.0.0/16"] } },
        resources: [
          { type: "subnets", apiVersion: "2024-05-01", name: "pe", properties: { addressPrefix: "10.30.1.0/24" } },
        ],
      },
      {
        type: "Microsoft.Network/virtualNetworks/subnets",
        apiVersion: "2024-05-01",
        name: "[concat(parameters('virtualNetworks_hub_name'), '/dns')]",
        dependsOn: ["[resourceId('Microsoft.Network/virtualNetworks', parameters('virtualNetworks_hub_name'))]"],
        properties: { addressPrefix: "10.30.2.0/28" },
      },
      {
        type: "Microsoft.Network/privateDnsZones",
        apiVersion: "2020-06-01",
        name: "[uniqueString(resourceGroup().id)]",
        location: "global",
      },
    ],
  };
  const text = JSON.stringify(template, null, 2);
  const log = new ImportLog();
  const raws = readAzureJson(template, text, "export.json", log, {
    subscriptionId: SUB,
    resourceGroup: "tpl",
    location: "westeurope",
  });
  const entries = azureEntries(raws, log);
  const vnet = entries.find((e) => e.id.endsWith("/virtualNetworks/hub"))!;
  assert.deepEqual(
    (vnet.body.properties as { subnets: { name: string }[] }).subnets.map((s) => s.name),
    ["pe", "dns"],
  );
  assert.equal(log.problems.length, 1);
  assert.match(log.problems[0].expected, /uniqueString/);
  assert.equal(log.problems[0].line, text.split("\n").findIndex((l) => l.includes("uniqueString")) + 1);
});

test("bad JSON is a problem at its line", () => {
  const log = new ImportLog();
  parseJson('[\n  {"id": "/subscriptions/0/resourceGroups/r", "type": "x/y"},\n  {"id": oops}\n]', "bad.json", log);
  assert.equal(log.problems.length, 1);
  assert.equal(log.problems[0].line, 3);
});

test("az network private-dns and az dns-resolver list outputs (flattened) apply through the rules", async () => {
  const ZONE = `${RG}/providers/Microsoft.Network/privateDnsZones/privatelink.his.arc.azure.com`;
  const DNSR = `${RG}/providers/Microsoft.Network/dnsResolvers/dnsr`;
  const RULESET = `${RG}/providers/Microsoft.Network/dnsForwardingRulesets/rs`;
  const rows = [
    { id: RG, name: "net", type: "Microsoft.Resources/resourceGroups", location: "westeurope" },
    {
      id: VNET,
      name: "hub",
      type: "Microsoft.Network/virtualNetworks",
      location: "westeurope",
      addressSpace: { addressPrefixes: ["10.20.0.0/16"] },
      subnets: [
        { name: "in", addressPrefix: "10.20.2.0/28" },
        { name: "out", addressPrefix: "10.20.3.0/28" },
      ],
    },
    {
      id: ZONE,
      name: "privatelink.his.arc.azure.com",
      type: "Microsoft.Network/privateDnsZones",
      location: "global",
      numberOfRecordSets: 2,
      provisioningState: "Succeeded",
    },
    {
      id: `${ZONE}/SOA/@`,
      name: "@",
      type: "Microsoft.Network/privateDnsZones/SOA",
      ttl: 3600,
      soaRecord: { host: "azureprivatedns.net" },
    },
    {
      id: `${ZONE}/A/gbl`,
      name: "gbl",
      type: "Microsoft.Network/privateDnsZones/A",
      ttl: 10,
      aRecords: [{ ipv4Address: "10.20.1.4" }],
      fqdn: "gbl.privatelink.his.arc.azure.com.",
      isAutoRegistered: false,
    },
    {
      id: `${ZONE}/virtualNetworkLinks/hub`,
      name: "hub",
      type: "Microsoft.Network/privateDnsZones/virtualNetworkLinks",
      location: "global",
      virtualNetwork: { id: VNET },
      registrationEnabled: false,
      virtualNetworkLinkState: "Completed",
    },
    {
      id: DNSR,
      name: "dnsr",
      type: "Microsoft.Network/dnsResolvers",
      location: "westeurope",
      virtualNetwork: { id: VNET },
      dnsResolverState: "Connected",
    },
    {
      id: `${DNSR}/inboundEndpoints/in`,
      name: "in",
      type: "Microsoft.Network/dnsResolvers/inboundEndpoints",
      location: "westeurope",
      ipConfigurations: [
        { subnet: { id: `${VNET}/subnets/in` }, privateIpAddress: "10.20.2.4", privateIpAllocationMethod: "Static" },
      ],
    },
    {
      id: `${DNSR}/outboundEndpoints/out`,
      name: "out",
      type: "Microsoft.Network/dnsResolvers/outboundEndpoints",
      location: "westeurope",
      subnet: { id: `${VNET}/subnets/out` },
    },
    {
      id: RULESET,
      name: "rs",
      type: "Microsoft.Network/dnsForwardingRulesets",
      location: "westeurope",
      dnsResolverOutboundEndpoints: [{ id: `${DNSR}/outboundEndpoints/out` }],
    },
    {
      id: `${RULESET}/forwardingRules/corp`,
      name: "corp",
      type: "Microsoft.Network/dnsForwardingRulesets/forwardingRules",
      domainName: "corp.example.",
      targetDnsServers: [{ ipAddress: "192.168.0.10", port: 53 }],
      forwardingRuleState: "Enabled",
    },
    {
      id: `${RULESET}/virtualNetworkLinks/hub`,
      name: "hub",
      type: "Microsoft.Network/dnsForwardingRulesets/virtualNetworkLinks",
      virtualNetwork: { id: VNET },
    },
  ];
  const log = new ImportLog();
  const entries = azureEntries(
    readAzureJson(rows, JSON.stringify(rows, null, 2), "dns.json", log, armTemplatePlacementDefault),
    log,
  );
  assert.equal(entries.length, rows.length - 1, "the SOA record set is the zone's own");
  const checked = await checkWorld(entries, log);
  assert.deepEqual(log.setAside, []);
  assert.deepEqual(log.problems, []);
  assert.equal(checked.entries.length, entries.length);
  assert.deepEqual((checked.world.get(`${ZONE}/A/gbl`)!.properties.aRecords as unknown[]).length, 1);
});
