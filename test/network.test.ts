import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { inject, RG_API, SUB } from "./helpers/inject.js";

// Azure CLI 2.45 sends 2022-01-01 to Microsoft.Network [facts §1]; these requests are what `az rest` sends.
const NET = "api-version=2022-01-01";
const HC = "api-version=2022-12-27";
const DNS = "api-version=2020-06-01";
const RG = `/subscriptions/${SUB}/resourceGroups/rg`;
const N = `${RG}/providers/Microsoft.Network`;
const VNET = `${N}/virtualNetworks/hub`;
const SCOPE = `${RG}/providers/Microsoft.HybridCompute/privateLinkScopes`;
const ZONES = [
  "privatelink.his.arc.azure.com",
  "privatelink.guestconfiguration.azure.com",
  "privatelink.dp.kubernetesconfiguration.azure.com",
];

async function lab() {
  const api = await inject();
  const { call } = api;
  const ok = async (method: string, path: string, body?: unknown) => {
    const res = await call(method, path, body === undefined ? {} : { body });
    assert.ok(res.status < 300, `${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  await ok("PUT", `/subscriptions/${SUB}/resourcegroups/rg?${RG_API}`, { location: "westeurope" });
  await ok("PUT", `${VNET}?${NET}`, {
    location: "westeurope",
    properties: {
      addressSpace: { addressPrefixes: ["10.10.0.0/16"] },
      subnets: [{ name: "pe", properties: { addressPrefix: "10.10.1.0/24" } }],
    },
  });
  for (const name of ["scope1", "scope2"]) {
    await ok("PUT", `${SCOPE}/${name}?${HC}`, {
      location: "westeurope",
      properties: { publicNetworkAccess: "Disabled" },
    });
  }
  for (const zone of ZONES) await ok("PUT", `${N}/privateDnsZones/${zone}?${DNS}`, { location: "global" });
  const endpoint = (scope: string, extra: Record<string, unknown> = {}, subnet = `${VNET}/subnets/pe`): any => ({
    location: "westeurope",
    properties: {
      subnet: { id: subnet },
      privateLinkServiceConnections: [
        { name: "conn", properties: { privateLinkServiceId: `${SCOPE}/${scope}`, groupIds: ["hybridcompute"] } },
      ],
      ...extra,
    },
  });
  return { ...api, ok, endpoint };
}

function expectError(res: { status: number; body: any }, code: string, pattern?: RegExp) {
  assert.equal(res.body?.error?.code, code, JSON.stringify(res.body));
  assert.ok(res.status >= 400);
  if (pattern) assert.match(res.body.error.message, pattern);
}

describe("virtual networks and subnets", () => {
  test("a subnet PUT shows in the vnet GET, and a vnet PUT replaces and removes subnets", async () => {
    const { call, ok } = await lab();
    await ok("PUT", `${VNET}/subnets/apps?${NET}`, { properties: { addressPrefix: "10.10.2.0/24" } });
    const vnet = await ok("GET", `${VNET}?${NET}`);
    assert.deepEqual(
      vnet.properties.subnets.map((s: any) => s.name),
      ["pe", "apps"],
    );
    assert.equal(vnet.properties.subnets[1].properties.privateEndpointNetworkPolicies, "Disabled");
    assert.match(vnet.etag, /^W\/"/);
    await ok("PUT", `${VNET}?${NET}`, {
      location: "westeurope",
      properties: {
        addressSpace: { addressPrefixes: ["10.10.0.0/16"] },
        dhcpOptions: { dnsServers: ["10.10.0.4"] },
        subnets: [{ name: "apps", properties: { addressPrefix: "10.10.3.0/24" } }],
      },
    });
    const subnets = await ok("GET", `${VNET}/subnets?${NET}`);
    assert.deepEqual(
      subnets.value.map((s: any) => [s.name, s.properties.addressPrefix]),
      [["apps", "10.10.3.0/24"]],
    );
    assert.equal((await call("GET", `${VNET}/subnets/pe?${NET}`)).status, 404);
    assert.deepEqual((await ok("GET", `${VNET}?${NET}`)).properties.dhcpOptions, { dnsServers: ["10.10.0.4"] });
  });

  test("bad prefixes are refused with Azure's codes and nothing changes", async () => {
    const { call, ok } = await lab();
    const put = (name: string, prefix: string) =>
      call("PUT", `${VNET}/subnets/${name}?${NET}`, { body: { properties: { addressPrefix: prefix } } });
    expectError(await put("x", "10.10.1.128/25"), "NetcfgSubnetRangesOverlap", /subnet 'pe'/);
    expectError(await put("x", "10.20.0.0/24"), "NetcfgSubnetRangeOutsideVnet", /10\.10\.0\.0\/16/);
    expectError(await put("x", "10.10.5.7/24"), "InvalidCIDRNotation", /10\.10\.5\.0\/24/);
    expectError(await put("x", "ten/24"), "InvalidAddressPrefixFormat", /'ten\/24'/);
    const overlapping = await call("PUT", `${VNET}?${NET}`, {
      body: {
        location: "westeurope",
        properties: {
          addressSpace: { addressPrefixes: ["10.10.0.0/16"] },
          subnets: [
            { name: "a", properties: { addressPrefix: "10.10.8.0/24" } },
            { name: "b", properties: { addressPrefix: "10.10.8.0/25" } },
          ],
        },
      },
    });
    expectError(overlapping, "NetcfgSubnetRangesOverlap");
    const vnet = await ok("GET", `${VNET}?${NET}`);
    assert.deepEqual(
      vnet.properties.subnets.map((s: any) => s.name),
      ["pe"],
    );
    expectError(
      await call("PUT", `${VNET}/subnets/x?${NET}`, {
        body: { properties: { addressPrefix: "10.10.9.0/24", routeTable: { id: "x" } } },
      }),
      "InvalidRequestContent",
      /routeTable/,
    );
    expectError(
      await call("PUT", `${VNET}/subnets/x?${NET}`, {
        body: { properties: { addressPrefix: "10.10.9.0/24", colour: "red" } },
      }),
      "InvalidRequestContent",
      /colour/,
    );
  });

  test("peerings are Initiated one way and Connected both ways; overlapping spaces are refused", async () => {
    const { call, ok } = await lab();
    await ok("PUT", `${N}/virtualNetworks/spoke?${NET}`, {
      location: "westeurope",
      properties: { addressSpace: { addressPrefixes: ["10.20.0.0/16"] } },
    });
    await ok("PUT", `${VNET}/virtualNetworkPeerings/to-spoke?${NET}`, {
      properties: { remoteVirtualNetwork: { id: `${N}/virtualNetworks/spoke` } },
    });
    assert.equal(
      (await ok("GET", `${VNET}/virtualNetworkPeerings/to-spoke?${NET}`)).properties.peeringState,
      "Initiated",
    );
    await ok("PUT", `${N}/virtualNetworks/spoke/virtualNetworkPeerings/to-hub?${NET}`, {
      properties: { remoteVirtualNetwork: { id: VNET } },
    });
    const vnet = await ok("GET", `${VNET}?${NET}`);
    assert.equal(vnet.properties.virtualNetworkPeerings[0].properties.peeringState, "Connected");
    await ok("PUT", `${N}/virtualNetworks/twin?${NET}`, {
      location: "westeurope",
      properties: { addressSpace: { addressPrefixes: ["10.10.0.0/24"] } },
    });
    expectError(
      await call("PUT", `${VNET}/virtualNetworkPeerings/to-twin?${NET}`, {
        body: { properties: { remoteVirtualNetwork: { id: `${N}/virtualNetworks/twin` } } },
      }),
      "VnetAddressSpacesOverlap",
    );
  });
});

describe("network security groups", () => {
  const nsg = `${N}/networkSecurityGroups/arc-nsg`;
  const rule = (name: string, priority: number, destination: string, direction = "Outbound") => ({
    name,
    properties: {
      protocol: "Tcp",
      sourceAddressPrefix: "VirtualNetwork",
      sourcePortRange: "*",
      destinationAddressPrefix: destination,
      destinationPortRange: "443",
      access: "Allow",
      priority,
      direction,
    },
  });

  test("the documented Arc rules, six read-only defaults, and the subnet association", async () => {
    const { call, ok } = await lab();
    const created = await ok("PUT", `${nsg}?${NET}`, {
      location: "westeurope",
      properties: {
        securityRules: [
          rule("AllowAADOutboundAccess", 150, "AzureActiveDirectory"),
          rule("AllowAzOutboundAccess", 151, "AzureResourceManager"),
        ],
      },
    });
    assert.deepEqual(
      created.properties.securityRules.map((r: any) => [r.name, r.properties.priority]),
      [
        ["AllowAADOutboundAccess", 150],
        ["AllowAzOutboundAccess", 151],
      ],
    );
    assert.deepEqual(
      created.properties.defaultSecurityRules.map((r: any) => [r.name, r.properties.priority, r.properties.direction]),
      [
        ["AllowVnetInBound", 65000, "Inbound"],
        ["AllowAzureLoadBalancerInBound", 65001, "Inbound"],
        ["DenyAllInBound", 65500, "Inbound"],
        ["AllowVnetOutBound", 65000, "Outbound"],
        ["AllowInternetOutBound", 65001, "Outbound"],
        ["DenyAllOutBound", 65500, "Outbound"],
      ],
    );
    assert.equal((await ok("GET", `${nsg}/defaultSecurityRules/DenyAllOutBound?${NET}`)).properties.access, "Deny");
    await ok("PUT", `${nsg}/securityRules/storage-weu?${NET}`, rule("storage-weu", 160, "Storage.WestEurope"));
    await ok("PUT", `${VNET}/subnets/pe?${NET}`, {
      properties: { addressPrefix: "10.10.1.0/24", networkSecurityGroup: { id: nsg } },
    });
    const after = await ok("GET", `${nsg}?${NET}`);
    assert.deepEqual(after.properties.subnets, [{ id: `${VNET}/subnets/pe` }]);
    assert.equal(after.properties.securityRules.length, 3);
    expectError(await call("DELETE", `${nsg}?${NET}`), "InUseNetworkSecurityGroupCannotBeDeleted", /subnets\/pe/);
    const echo = structuredClone(after);
    echo.properties.defaultSecurityRules[2].properties.access = "Allow";
    expectError(await call("PUT", `${nsg}?${NET}`, { body: echo }), "ReadOnlyPropertyChanged", /DenyAllInBound/);
  });

  test("priorities out of range or taken, unknown tags and bad ports are refused, nothing changed", async () => {
    const { call, ok } = await lab();
    await ok("PUT", `${nsg}?${NET}`, {
      location: "westeurope",
      properties: { securityRules: [rule("a", 150, "AzureActiveDirectory")] },
    });
    const put = (r: ReturnType<typeof rule>) => call("PUT", `${nsg}/securityRules/${r.name}?${NET}`, { body: r });
    expectError(await put(rule("low", 99, "*")), "SecurityRuleInvalidPriority", /99.*100-4096/);
    expectError(await put(rule("high", 4097, "*")), "SecurityRuleInvalidPriority");
    expectError(await put(rule("dup", 150, "Internet")), "SecurityRuleConflict", /conflicts with rule a/);
    expectError(await put(rule("tag", 200, "AzureNothing")), "SecurityRuleInvalidAddressPrefix", /AzureNothing/);
    const ports = rule("ports", 201, "*");
    ports.properties.destinationPortRange = "70000";
    expectError(await put(ports), "SecurityRuleInvalidPortRange", /70000/);
    const list = rule("list", 202, "*") as any;
    delete list.properties.destinationAddressPrefix;
    list.properties.destinationAddressPrefixes = ["10.0.0.0/8", "Storage"];
    expectError(await put(list), "SecurityRuleParameterContainsUnsupportedValue", /Storage/);
    await ok("PUT", `${nsg}/securityRules/inbound?${NET}`, rule("inbound", 150, "*", "Inbound"));
    const rules = await ok("GET", `${nsg}/securityRules?${NET}`);
    assert.deepEqual(
      rules.value.map((r: any) => r.name),
      ["a", "inbound"],
    );
  });
});

describe("service tags", () => {
  test("the catalog in the ARM shape of ServiceTagsList, with regional tags", async () => {
    const { ok } = await lab();
    const body = await ok(
      "GET",
      `/subscriptions/${SUB}/providers/Microsoft.Network/locations/westeurope/serviceTags?${NET}`,
    );
    assert.equal(body.type, "Microsoft.Network/serviceTags");
    assert.equal(body.id, `/subscriptions/${SUB}/providers/Microsoft.Network/serviceTags/public`);
    assert.equal(typeof body.changeNumber, "string");
    const names = body.values.map((v: any) => v.name);
    for (const tag of [
      "AzureActiveDirectory",
      "AzureResourceManager",
      "AzureArcInfrastructure",
      "Storage",
      "AzureTrafficManager",
      "AzureFrontDoor.Frontend",
      "AzureArcInfrastructure.WestEurope",
    ]) {
      assert.ok(names.includes(tag), tag);
    }
    const regional = body.values.find((v: any) => v.name === "Storage.WestEurope");
    assert.equal(regional.properties.region, "westeurope");
    assert.equal(typeof regional.properties.changeNumber, "string");
  });
});

describe("private endpoints to an Arc private link scope", () => {
  test("addresses, customDnsConfigs, NIC, scope connection, zone group records, and clean deletion", async () => {
    const { call, ok, endpoint } = await lab();
    const pe = await ok("PUT", `${N}/privateEndpoints/pe1?${NET}`, endpoint("scope1"));
    assert.deepEqual(pe.properties.customDnsConfigs, [
      { fqdn: "gbl.his.arc.azure.com", ipAddresses: ["10.10.1.4"] },
      { fqdn: "weu.his.arc.azure.com", ipAddresses: ["10.10.1.5"] },
      { fqdn: "agentserviceapi.guestconfiguration.azure.com", ipAddresses: ["10.10.1.6"] },
      { fqdn: "westeurope-gas.guestconfiguration.azure.com", ipAddresses: ["10.10.1.7"] },
      { fqdn: "westeurope.dp.kubernetesconfiguration.azure.com", ipAddresses: ["10.10.1.8"] },
    ]);
    const state = pe.properties.privateLinkServiceConnections[0].properties.privateLinkServiceConnectionState;
    assert.equal(state.status, "Approved");
    const nicId: string = pe.properties.networkInterfaces[0].id;
    assert.match(nicId, /\/networkInterfaces\/pe1\.nic\.[0-9a-f-]{36}$/);
    const nic = await ok("GET", `${nicId}?${NET}`);
    assert.deepEqual(
      nic.properties.ipConfigurations.map((c: any) => c.properties.privateIPAddress),
      ["10.10.1.4", "10.10.1.5", "10.10.1.6", "10.10.1.7", "10.10.1.8"],
    );
    const scope = await ok("GET", `${SCOPE}/scope1?${HC}`);
    assert.equal(scope.properties.privateEndpointConnections.length, 1);
    const pecName = scope.properties.privateEndpointConnections[0].name;
    assert.match(pecName, /^pe1\.[0-9a-f-]{36}$/);
    const subnet = await ok("GET", `${VNET}/subnets/pe?${NET}`);
    assert.deepEqual(subnet.properties.privateEndpoints, [{ id: `${N}/privateEndpoints/pe1` }]);

    const group = await ok("PUT", `${N}/privateEndpoints/pe1/privateDnsZoneGroups/arc?${NET}`, {
      properties: {
        privateDnsZoneConfigs: ZONES.map((z) => ({
          name: z.replace(/\./g, "-"),
          properties: { privateDnsZoneId: `${N}/privateDnsZones/${z}` },
        })),
      },
    });
    assert.deepEqual(
      group.properties.privateDnsZoneConfigs.map((c: any) =>
        c.properties.recordSets.map((r: any) => `${r.fqdn} ${r.ipAddresses[0]}`),
      ),
      [
        ["gbl.privatelink.his.arc.azure.com 10.10.1.4", "weu.privatelink.his.arc.azure.com 10.10.1.5"],
        [
          "agentserviceapi.privatelink.guestconfiguration.azure.com 10.10.1.6",
          "westeurope-gas.privatelink.guestconfiguration.azure.com 10.10.1.7",
        ],
        ["westeurope.privatelink.dp.kubernetesconfiguration.azure.com 10.10.1.8"],
      ],
    );
    const record = await ok("GET", `${N}/privateDnsZones/${ZONES[0]}/A/weu?${DNS}`);
    assert.equal(record.properties.ttl, 10);
    assert.equal(record.properties.fqdn, "weu.privatelink.his.arc.azure.com.");
    assert.deepEqual(record.properties.aRecords, [{ ipv4Address: "10.10.1.5" }]);

    expectError(
      await call("DELETE", `${VNET}/subnets/pe?${NET}`),
      "InUseSubnetCannotBeDeleted",
      /privateEndpoints\/pe1/,
    );
    expectError(await call("DELETE", `${nicId}?${NET}`), "NicInUse", /pe1/);
    assert.equal((await call("DELETE", `${N}/privateEndpoints/pe1?${NET}`)).status, 202);
    assert.equal((await call("GET", `${nicId}?${NET}`)).status, 404);
    assert.equal((await call("GET", `${N}/privateDnsZones/${ZONES[0]}/A/weu?${DNS}`)).status, 404);
    assert.equal((await ok("GET", `${SCOPE}/scope1?${HC}`)).properties.privateEndpointConnections.length, 0);
    assert.equal((await call("DELETE", `${VNET}/subnets/pe?${NET}`)).status, 202);
  });

  test("a manual connection stays Pending until approved on the scope; removing it there disconnects", async () => {
    const { ok, endpoint } = await lab();
    const body = endpoint("scope1");
    body.properties.manualPrivateLinkServiceConnections = body.properties.privateLinkServiceConnections as never;
    body.properties.privateLinkServiceConnections = [] as never;
    (body.properties.manualPrivateLinkServiceConnections as any)[0].properties.requestMessage = "Please approve";
    const pe = await ok("PUT", `${N}/privateEndpoints/pe1?${NET}`, body);
    const status = (x: any) =>
      x.properties.manualPrivateLinkServiceConnections[0].properties.privateLinkServiceConnectionState.status;
    assert.equal(status(pe), "Pending");
    const pecs = await ok("GET", `${SCOPE}/scope1/privateEndpointConnections?${HC}`);
    const pecId = pecs.value[0].id;
    assert.equal(pecs.value[0].properties.privateLinkServiceConnectionState.description, "Please approve");
    await ok("PUT", `${pecId}?${HC}`, {
      properties: { privateLinkServiceConnectionState: { status: "Approved", description: "ok" } },
    });
    assert.equal(status(await ok("GET", `${N}/privateEndpoints/pe1?${NET}`)), "Approved");
    await ok("DELETE", `${pecId}?${HC}`);
    assert.equal(status(await ok("GET", `${N}/privateEndpoints/pe1?${NET}`)), "Disconnected");
  });

  test("cross-resource rules: one scope per vnet, same region as the vnet, group id, subnet", async () => {
    const { call, ok, endpoint } = await lab();
    await ok("PUT", `${N}/privateEndpoints/pe1?${NET}`, endpoint("scope1"));
    expectError(
      await call("PUT", `${N}/privateEndpoints/pe2?${NET}`, { body: endpoint("scope2") }),
      "OnlyOnePrivateLinkScopePerVirtualNetwork",
      /pe1.*scope1/,
    );
    await ok("PUT", `${N}/privateEndpoints/pe3?${NET}`, endpoint("scope1"));
    const elsewhere = endpoint("scope1");
    elsewhere.location = "northeurope";
    expectError(
      await call("PUT", `${N}/privateEndpoints/pe4?${NET}`, { body: elsewhere }),
      "InvalidResourceReference",
      /westeurope/,
    );
    const badGroup = endpoint("scope1");
    (badGroup.properties.privateLinkServiceConnections as any)[0].properties.groupIds = ["blob"];
    expectError(
      await call("PUT", `${N}/privateEndpoints/pe5?${NET}`, { body: badGroup }),
      "InvalidValuesForRequestParameters",
      /blob/,
    );
    (badGroup.properties.privateLinkServiceConnections as any)[0].properties.groupIds = ["hybridcompute", "blob"];
    expectError(await call("PUT", `${N}/privateEndpoints/pe5?${NET}`, { body: badGroup }), "OnlyOneGroupIdPermitted");
    expectError(
      await call("PUT", `${N}/privateEndpoints/pe5?${NET}`, { body: endpoint("nope") }),
      "InvalidResourceReference",
      /nope/,
    );
    expectError(
      await call("PUT", `${N}/privateEndpoints/pe5?${NET}`, {
        body: endpoint("scope1", {}, `${VNET}/subnets/missing`),
      }),
      "InvalidResourceReference",
      /missing/,
    );
    const list = await ok("GET", `${N}/privateEndpoints?${NET}`);
    assert.deepEqual(
      list.value.map((p: any) => p.name),
      ["pe1", "pe3"],
    );
    const nics = await ok("GET", `${N}/networkInterfaces?${NET}`);
    assert.equal(nics.value.length, 2);
  });

  test("static addresses: outside the subnet, reserved, taken; a full subnet is SubnetIsFull", async () => {
    const { call, ok, endpoint } = await lab();
    const statics = (ip: string) =>
      endpoint("scope1", {
        ipConfigurations: [
          { name: "s", properties: { groupId: "hybridcompute", memberName: "HisGlobal", privateIPAddress: ip } },
        ],
      });
    expectError(
      await call("PUT", `${N}/privateEndpoints/pe1?${NET}`, { body: statics("10.10.2.4") }),
      "PrivateIPAddressNotInSubnet",
      /10\.10\.2\.4/,
    );
    expectError(
      await call("PUT", `${N}/privateEndpoints/pe1?${NET}`, { body: statics("10.10.1.2") }),
      "PrivateIPAddressInReservedRange",
    );
    expectError(
      await call("PUT", `${N}/privateEndpoints/pe1?${NET}`, { body: statics("10.10.1.255") }),
      "PrivateIPAddressInReservedRange",
    );
    const pe = await ok("PUT", `${N}/privateEndpoints/pe1?${NET}`, statics("10.10.1.100"));
    assert.equal(pe.properties.customDnsConfigs[0].ipAddresses[0], "10.10.1.100");
    assert.equal(pe.properties.customDnsConfigs[1].ipAddresses[0], "10.10.1.4");
    expectError(
      await call("PUT", `${N}/privateEndpoints/pe2?${NET}`, { body: statics("10.10.1.100") }),
      "PrivateIPAddressIsAllocated",
      /pe1\.nic/,
    );
    const badMember = endpoint("scope1", {
      ipConfigurations: [
        { name: "s", properties: { groupId: "hybridcompute", memberName: "Nope", privateIPAddress: "10.10.1.50" } },
      ],
    });
    expectError(await call("PUT", `${N}/privateEndpoints/pe2?${NET}`, { body: badMember }), "InvalidParameter", /Nope/);
    await ok("PUT", `${VNET}/subnets/tiny?${NET}`, { properties: { addressPrefix: "10.10.9.0/29" } });
    expectError(
      await call("PUT", `${N}/privateEndpoints/pe2?${NET}`, { body: endpoint("scope1", {}, `${VNET}/subnets/tiny`) }),
      "SubnetIsFull",
      /tiny/,
    );
    assert.equal((await ok("GET", `${N}/networkInterfaces?${NET}`)).value.length, 1);
  });

  test("customDnsConfigs follow the scope's region; a GET body PUT back is accepted; a deleted scope disconnects", async () => {
    const { call, ok, endpoint } = await lab();
    await ok("PUT", `${SCOPE}/east?${HC}`, { location: "eastus" });
    const pe = await ok("PUT", `${N}/privateEndpoints/pe1?${NET}`, endpoint("east"));
    assert.deepEqual(
      pe.properties.customDnsConfigs.map((c: any) => c.fqdn),
      [
        "gbl.his.arc.azure.com",
        "eus.his.arc.azure.com",
        "agentserviceapi.guestconfiguration.azure.com",
        "eastus-gas.guestconfiguration.azure.com",
        "eastus.dp.kubernetesconfiguration.azure.com",
      ],
    );
    const again = await call("PUT", `${N}/privateEndpoints/pe1?${NET}`, { body: pe });
    assert.equal(again.status, 200, JSON.stringify(again.body));
    assert.deepEqual(again.body.properties.customDnsConfigs, pe.properties.customDnsConfigs);
    await ok("PUT", `${VNET}/subnets/other?${NET}`, { properties: { addressPrefix: "10.10.7.0/24" } });
    const moved = structuredClone(pe);
    moved.properties.subnet.id = `${VNET}/subnets/other`;
    expectError(
      await call("PUT", `${N}/privateEndpoints/pe1?${NET}`, { body: moved }),
      "PropertyChangeNotAllowed",
      /subnet/,
    );
    const vnet = await ok("GET", `${VNET}?${NET}`);
    assert.equal((await call("PUT", `${VNET}?${NET}`, { body: vnet })).status, 200);
    await ok("DELETE", `${SCOPE}/east?${HC}`);
    const after = await ok("GET", `${N}/privateEndpoints/pe1?${NET}`);
    assert.equal(
      after.properties.privateLinkServiceConnections[0].properties.privateLinkServiceConnectionState.status,
      "Disconnected",
    );
  });

  test("two endpoints writing the same names into a zone overwrite each other", async () => {
    const { ok, call, endpoint } = await lab();
    await ok("PUT", `${N}/virtualNetworks/spoke?${NET}`, {
      location: "westeurope",
      properties: {
        addressSpace: { addressPrefixes: ["10.20.0.0/16"] },
        subnets: [{ name: "pe", properties: { addressPrefix: "10.20.1.0/24" } }],
      },
    });
    const group = {
      properties: { privateDnsZoneConfigs: [{ properties: { privateDnsZoneId: `${N}/privateDnsZones/${ZONES[0]}` } }] },
    };
    await ok("PUT", `${N}/privateEndpoints/pe1?${NET}`, endpoint("scope1"));
    await ok("PUT", `${N}/privateEndpoints/pe1/privateDnsZoneGroups/g?${NET}`, group);
    await ok(
      "PUT",
      `${N}/privateEndpoints/pe2?${NET}`,
      endpoint("scope2", {}, `${N}/virtualNetworks/spoke/subnets/pe`),
    );
    await ok("PUT", `${N}/privateEndpoints/pe2/privateDnsZoneGroups/g?${NET}`, group);
    const gbl = () => call("GET", `${N}/privateDnsZones/${ZONES[0]}/A/gbl?${DNS}`);
    assert.deepEqual((await gbl()).body.properties.aRecords, [{ ipv4Address: "10.20.1.4" }]);
    await ok("DELETE", `${N}/privateEndpoints/pe1?${NET}`);
    assert.deepEqual((await gbl()).body.properties.aRecords, [{ ipv4Address: "10.20.1.4" }]);
    await ok("DELETE", `${N}/privateEndpoints/pe2/privateDnsZoneGroups/g?${NET}`);
    assert.equal((await gbl()).status, 404);
    expectError(
      await call("PUT", `${N}/privateEndpoints/pe2/privateDnsZoneGroups/g?${NET}`, {
        body: {
          properties: {
            privateDnsZoneConfigs: [
              { properties: { privateDnsZoneId: `${N}/privateDnsZones/privatelink.nothing.com` } },
            ],
          },
        },
      }),
      "InvalidResourceReference",
      /privatelink\.nothing\.com/,
    );
  });
});
