import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { HybridComputeManagementClient } from "@azure/arm-hybridcompute";
import { NetworkManagementClient } from "@azure/arm-network";
import { PrivateDnsManagementClient } from "@azure/arm-privatedns";
import { ResourceManagementClient } from "@azure/arm-resources";
import { startTestSystem, type TestSystem } from "./helpers/system.js";

// @azure/arm-network 39.0.0 sends api-version 2026-01-01 for every operation used here [facts §1].
let system: TestSystem;
let network: NetworkManagementClient;
let hc: HybridComputeManagementClient;
let dns: PrivateDnsManagementClient;
const RG = "rg-net";
const poll = { updateIntervalInMs: 10 };
const ZONES = [
  "privatelink.his.arc.azure.com",
  "privatelink.guestconfiguration.azure.com",
  "privatelink.dp.kubernetesconfiguration.azure.com",
];
let subnetId: string;
const scopeIds: string[] = [];
const zoneIds: string[] = [];

function code(expected: string, pattern?: RegExp) {
  return (e: { statusCode?: number; code?: string; message?: string }) => {
    assert.equal(e.code, expected, e.message);
    assert.equal(e.statusCode, 400);
    if (pattern) assert.match(e.message ?? "", pattern);
    return true;
  };
}

before(async () => {
  system = await startTestSystem();
  const options = { endpoint: system.armUrl };
  network = new NetworkManagementClient(system.credential, system.subscriptionId, options);
  hc = new HybridComputeManagementClient(system.credential, system.subscriptionId, options);
  dns = new PrivateDnsManagementClient(system.credential, system.subscriptionId, options);
  await new ResourceManagementClient(system.credential, system.subscriptionId, options).resourceGroups.createOrUpdate(
    RG,
    {
      location: "westeurope",
    },
  );
  for (const name of ["scope-a", "scope-b"]) {
    const scope = await hc.privateLinkScopes.createOrUpdate(RG, name, {
      location: "westeurope",
      properties: { publicNetworkAccess: "Disabled" },
    });
    scopeIds.push(scope.id ?? "");
  }
  for (const zone of ZONES) {
    const z = await dns.privateZones.createOrUpdate(RG, zone, { location: "global" }, poll).pollUntilDone();
    zoneIds.push(z.id ?? "");
  }
});
after(() => system.stop());

test("vnet and subnet: both views agree, custom DNS, network policies", async () => {
  const vnet = await network.virtualNetworks.createOrUpdate(
    RG,
    "hub",
    {
      location: "westeurope",
      addressSpace: { addressPrefixes: ["10.10.0.0/16"] },
      dhcpOptions: { dnsServers: ["10.10.0.4"] },
      subnets: [{ name: "endpoints", addressPrefix: "10.10.1.0/24", privateEndpointNetworkPolicies: "Disabled" }],
    },
    poll,
  );
  assert.equal(vnet.provisioningState, "Succeeded");
  assert.deepEqual(vnet.dhcpOptions?.dnsServers, ["10.10.0.4"]);
  subnetId = vnet.subnets?.[0]?.id ?? "";
  const apps = await network.subnets.createOrUpdate(RG, "hub", "apps", { addressPrefix: "10.10.2.0/24" }, poll);
  assert.equal(apps.privateEndpointNetworkPolicies, "Disabled");
  const again = await network.virtualNetworks.get(RG, "hub");
  assert.deepEqual(
    again.subnets?.map((s) => s.name),
    ["endpoints", "apps"],
  );
  await assert.rejects(
    network.subnets.createOrUpdate(RG, "hub", "clash", { addressPrefix: "10.10.2.128/25" }, poll).pollUntilDone(),
    code("NetcfgSubnetRangesOverlap", /subnet 'apps'/),
  );
  await network.subnets.delete(RG, "hub", "apps", poll);
  assert.deepEqual(
    (await network.virtualNetworks.get(RG, "hub")).subnets?.map((s) => s.name),
    ["endpoints"],
  );
});

test("NSG with the documented Arc outbound rules; service tags; bad rules refused", async () => {
  const rule = (name: string, priority: number, tag: string) => ({
    name,
    protocol: "Tcp" as const,
    sourceAddressPrefix: "VirtualNetwork",
    sourcePortRange: "*",
    destinationAddressPrefix: tag,
    destinationPortRange: "443",
    access: "Allow" as const,
    priority,
    direction: "Outbound" as const,
  });
  const nsg = await network.networkSecurityGroups.createOrUpdate(
    RG,
    "arc-nsg",
    {
      location: "westeurope",
      securityRules: [
        rule("AllowAADOutboundAccess", 150, "AzureActiveDirectory"),
        rule("AllowAzOutboundAccess", 151, "AzureResourceManager"),
      ],
    },
    poll,
  );
  assert.deepEqual(
    nsg.securityRules?.map((r) => `${r.name} ${r.priority} ${r.destinationAddressPrefix}`),
    ["AllowAADOutboundAccess 150 AzureActiveDirectory", "AllowAzOutboundAccess 151 AzureResourceManager"],
  );
  assert.equal(nsg.defaultSecurityRules?.length, 6);
  const defaults: string[] = [];
  for await (const r of network.defaultSecurityRules.list(RG, "arc-nsg")) defaults.push(r.name ?? "");
  assert.equal(defaults.length, 6);
  await assert.rejects(
    network.securityRules.createOrUpdate(RG, "arc-nsg", "low", rule("low", 4097, "Storage"), poll).pollUntilDone(),
    code("SecurityRuleInvalidPriority", /4097/),
  );
  await assert.rejects(
    network.securityRules
      .createOrUpdate(RG, "arc-nsg", "mystery", rule("mystery", 300, "AzureMystery"), poll)
      .pollUntilDone(),
    code("SecurityRuleInvalidAddressPrefix", /AzureMystery/),
  );
  await network.securityRules.createOrUpdate(RG, "arc-nsg", "arc", rule("arc", 152, "AzureArcInfrastructure"), poll);
  await network.subnets.createOrUpdate(
    RG,
    "hub",
    "endpoints",
    { addressPrefix: "10.10.1.0/24", networkSecurityGroup: { id: nsg.id } },
    poll,
  );
  assert.deepEqual(
    (await network.networkSecurityGroups.get(RG, "arc-nsg")).subnets?.map((s) => s.id),
    [subnetId],
  );
  const tags = await network.serviceTags.list("westeurope");
  assert.equal(tags.type, "Microsoft.Network/serviceTags");
  assert.ok(tags.values?.some((v) => v.name === "AzureFrontDoor.Frontend"));
});

test("private endpoint to a scope, zone group into the three zones, records with the endpoint's IPs", async () => {
  const pe = await network.privateEndpoints.createOrUpdate(
    RG,
    "arc-pe",
    {
      location: "westeurope",
      subnet: { id: subnetId },
      privateLinkServiceConnections: [{ name: "arc", privateLinkServiceId: scopeIds[0], groupIds: ["hybridcompute"] }],
    },
    poll,
  );
  assert.equal(pe.privateLinkServiceConnections?.[0]?.privateLinkServiceConnectionState?.status, "Approved");
  const ips = new Map(pe.customDnsConfigs?.map((c) => [c.fqdn ?? "", c.ipAddresses?.[0] ?? ""]));
  assert.equal(ips.get("gbl.his.arc.azure.com"), "10.10.1.4");
  assert.equal(ips.get("weu.his.arc.azure.com"), "10.10.1.5");
  assert.equal(ips.get("westeurope-gas.guestconfiguration.azure.com"), "10.10.1.7");
  const group = await network.privateDnsZoneGroups.createOrUpdate(
    RG,
    "arc-pe",
    "default",
    { privateDnsZoneConfigs: zoneIds.map((id, i) => ({ name: ZONES[i].replace(/\./g, "-"), privateDnsZoneId: id })) },
    poll,
  );
  assert.equal(group.privateDnsZoneConfigs?.length, 3);
  for (const [zone, name, fqdn] of [
    [ZONES[0], "gbl", "gbl.his.arc.azure.com"],
    [ZONES[0], "weu", "weu.his.arc.azure.com"],
    [ZONES[1], "agentserviceapi", "agentserviceapi.guestconfiguration.azure.com"],
    [ZONES[1], "westeurope-gas", "westeurope-gas.guestconfiguration.azure.com"],
    [ZONES[2], "westeurope", "westeurope.dp.kubernetesconfiguration.azure.com"],
  ]) {
    const record = await dns.recordSets.get(RG, zone, "A", name);
    assert.deepEqual(record.aRecords, [{ ipv4Address: ips.get(fqdn) }], fqdn);
    assert.equal(record.ttl, 10);
  }
  const connections = [];
  for await (const c of hc.privateEndpointConnections.listByPrivateLinkScope(RG, "scope-a")) connections.push(c);
  assert.equal(connections[0]?.properties?.privateEndpoint?.id, pe.id);
});

test("a second scope's endpoint in the same vnet is refused and nothing is created", async () => {
  await assert.rejects(
    network.privateEndpoints
      .createOrUpdate(
        RG,
        "other-pe",
        {
          location: "westeurope",
          subnet: { id: subnetId },
          privateLinkServiceConnections: [
            { name: "b", privateLinkServiceId: scopeIds[1], groupIds: ["hybridcompute"] },
          ],
        },
        poll,
      )
      .pollUntilDone(),
    code("OnlyOnePrivateLinkScopePerVirtualNetwork", /arc-pe/),
  );
  const names: string[] = [];
  for await (const p of network.privateEndpoints.list(RG)) names.push(p.name ?? "");
  assert.deepEqual(names, ["arc-pe"]);
  const connections = [];
  for await (const c of hc.privateEndpointConnections.listByPrivateLinkScope(RG, "scope-b")) connections.push(c);
  assert.equal(connections.length, 0);
});

test("a manual connection stays Pending until approved on the scope; unknown group ids are refused", async () => {
  await network.virtualNetworks.createOrUpdate(
    RG,
    "spoke",
    {
      location: "westeurope",
      addressSpace: { addressPrefixes: ["10.20.0.0/16"] },
      subnets: [{ name: "pe", addressPrefix: "10.20.1.0/24" }],
    },
    poll,
  );
  const spokeSubnet = (await network.subnets.get(RG, "spoke", "pe")).id;
  const manual = (groupIds: string[]) => ({
    location: "westeurope",
    subnet: { id: spokeSubnet },
    manualPrivateLinkServiceConnections: [
      { name: "b", privateLinkServiceId: scopeIds[1], groupIds, requestMessage: "Arc servers of site B" },
    ],
  });
  await assert.rejects(
    network.privateEndpoints.createOrUpdate(RG, "manual-pe", manual(["sqlServer"]), poll).pollUntilDone(),
    code("InvalidValuesForRequestParameters", /sqlServer/),
  );
  const pe = await network.privateEndpoints.createOrUpdate(RG, "manual-pe", manual(["hybridcompute"]), poll);
  const state = (p: typeof pe) => p.manualPrivateLinkServiceConnections?.[0]?.privateLinkServiceConnectionState?.status;
  assert.equal(state(pe), "Pending");
  const pending = [];
  for await (const c of hc.privateEndpointConnections.listByPrivateLinkScope(RG, "scope-b")) pending.push(c);
  assert.equal(pending[0]?.properties?.privateLinkServiceConnectionState?.status, "Pending");
  await hc.privateEndpointConnections.beginCreateOrUpdateAndWait(
    RG,
    "scope-b",
    pending[0]?.name ?? "",
    { properties: { privateLinkServiceConnectionState: { status: "Approved", description: "Approved by the lab" } } },
    poll,
  );
  assert.equal(state(await network.privateEndpoints.get(RG, "manual-pe")), "Approved");
});

test("deleting the endpoint removes its connection, NIC and records; then the subnet can go", async () => {
  const pe = await network.privateEndpoints.get(RG, "arc-pe");
  const nicName = pe.networkInterfaces?.[0]?.id?.split("/").pop() ?? "";
  assert.match(nicName, /^arc-pe\.nic\./);
  assert.equal((await network.networkInterfaces.get(RG, nicName)).ipConfigurations?.length, 5);
  await assert.rejects(
    network.subnets.delete(RG, "hub", "endpoints", poll).pollUntilDone(),
    code("InUseSubnetCannotBeDeleted", /arc-pe/),
  );
  await network.privateEndpoints.delete(RG, "arc-pe", poll);
  await assert.rejects(
    network.networkInterfaces.get(RG, nicName),
    (e: { statusCode?: number }) => e.statusCode === 404,
  );
  await assert.rejects(
    dns.recordSets.get(RG, ZONES[0], "A", "gbl"),
    (e: { statusCode?: number }) => e.statusCode === 404,
  );
  const left = [];
  for await (const c of hc.privateEndpointConnections.listByPrivateLinkScope(RG, "scope-a")) left.push(c);
  assert.equal(left.length, 0);
  await network.subnets.delete(RG, "hub", "endpoints", poll);
});
