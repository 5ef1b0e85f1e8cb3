// A large estate as its owners would export it, for the import benchmark: 1,000 vnets
// (a hub with the Arc private endpoint, the three privatelink zones, a DNS Private
// Resolver inbound endpoint, and spokes peered to it) in one Resource Graph answer with a
// machine per host; N sites, each with a DNS server (Windows DNS or BIND, alternating)
// forwarding the Arc zones to the resolver; hosts alternating Linux (resolv.conf) and
// Windows (ipconfig /all), each with `azcmagent show -j`; and the site file.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";

const SUB = "00000000-0000-0000-0000-000000000000";
const RG = `/subscriptions/${SUB}/resourceGroups/estate`;
const NET = `${RG}/providers/Microsoft.Network`;
const HUB = `${NET}/virtualNetworks/hub`;
const SCOPE = `${RG}/providers/Microsoft.HybridCompute/privateLinkScopes/pls`;
const ZONES = [
  "privatelink.his.arc.azure.com",
  "privatelink.guestconfiguration.azure.com",
  "privatelink.dp.kubernetesconfiguration.azure.com",
];
const ARC = ["his.arc.azure.com", "guestconfiguration.azure.com", "dp.kubernetesconfiguration.azure.com"];

export interface EstateSize {
  hosts: number;
  vnets: number;
  dnsServers: number;
}

function azure(size: EstateSize): unknown {
  const rows: Record<string, unknown>[] = [
    {
      id: RG,
      name: "estate",
      type: "microsoft.resources/subscriptions/resourcegroups",
      location: "westeurope",
      properties: {},
    },
  ];
  rows.push({
    id: SCOPE,
    name: "pls",
    type: "microsoft.hybridcompute/privatelinkscopes",
    location: "westeurope",
    properties: { publicNetworkAccess: "Disabled" },
  });
  rows.push({
    id: HUB,
    name: "hub",
    type: "microsoft.network/virtualnetworks",
    location: "westeurope",
    properties: {
      addressSpace: { addressPrefixes: ["10.0.0.0/16"] },
      subnets: [
        { name: "pe", properties: { addressPrefix: "10.0.1.0/24", privateEndpointNetworkPolicies: "Disabled" } },
        { name: "inbound", properties: { addressPrefix: "10.0.2.0/28" } },
      ],
      virtualNetworkPeerings: [],
    },
  });
  for (let v = 1; v < size.vnets; v++) {
    const id = `${NET}/virtualNetworks/spoke${v}`;
    const prefix = `10.${1 + Math.floor(v / 256)}.${v % 256}.0/24`;
    rows.push({
      id,
      name: `spoke${v}`,
      type: "microsoft.network/virtualnetworks",
      location: "westeurope",
      properties: {
        addressSpace: { addressPrefixes: [prefix] },
        subnets: [{ name: "default", properties: { addressPrefix: prefix } }],
        virtualNetworkPeerings: [
          { name: "to-hub", properties: { remoteVirtualNetwork: { id: HUB }, peeringState: "Connected" } },
        ],
      },
    });
  }
  rows.push({
    id: `${NET}/privateEndpoints/arc-pe`,
    name: "arc-pe",
    type: "microsoft.network/privateendpoints",
    location: "westeurope",
    properties: {
      subnet: { id: `${HUB}/subnets/pe` },
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
      customDnsConfigs: [
        ["gbl.his.arc.azure.com", "10.0.1.4"],
        ["weu.his.arc.azure.com", "10.0.1.5"],
        ["agentserviceapi.guestconfiguration.azure.com", "10.0.1.6"],
        ["westeurope-gas.guestconfiguration.azure.com", "10.0.1.7"],
        ["westeurope.dp.kubernetesconfiguration.azure.com", "10.0.1.8"],
      ].map(([fqdn, ip]) => ({ fqdn, ipAddresses: [ip] })),
    },
  });
  rows.push({
    id: `${NET}/privateEndpoints/arc-pe/privateDnsZoneGroups/default`,
    name: "default",
    type: "microsoft.network/privateendpoints/privatednszonegroups",
    properties: {
      privateDnsZoneConfigs: ZONES.map((z) => ({
        name: z,
        properties: { privateDnsZoneId: `${NET}/privateDnsZones/${z}` },
      })),
    },
  });
  for (const z of ZONES) {
    rows.push({
      id: `${NET}/privateDnsZones/${z}`,
      name: z,
      type: "microsoft.network/privatednszones",
      location: "global",
      properties: {},
    });
    rows.push({
      id: `${NET}/privateDnsZones/${z}/virtualNetworkLinks/hub`,
      name: "hub",
      type: "microsoft.network/privatednszones/virtualnetworklinks",
      location: "global",
      properties: { virtualNetwork: { id: HUB }, registrationEnabled: false },
    });
  }
  rows.push({
    id: `${NET}/dnsResolvers/dnsr`,
    name: "dnsr",
    type: "microsoft.network/dnsresolvers",
    location: "westeurope",
    properties: { virtualNetwork: { id: HUB } },
  });
  rows.push({
    id: `${NET}/dnsResolvers/dnsr/inboundEndpoints/in`,
    name: "in",
    type: "microsoft.network/dnsresolvers/inboundendpoints",
    location: "westeurope",
    properties: {
      ipConfigurations: [
        { subnet: { id: `${HUB}/subnets/inbound` }, privateIpAddress: "10.0.2.4", privateIpAllocationMethod: "Static" },
      ],
    },
  });
  for (let h = 0; h < size.hosts; h++) {
    rows.push({
      id: `${RG}/providers/Microsoft.HybridCompute/machines/h${h}`,
      name: `h${h}`,
      type: "microsoft.hybridcompute/machines",
      location: "westeurope",
      properties: {
        osType: h % 2 ? "windows" : "linux",
        privateLinkScopeResourceId: SCOPE,
        agentVersion: "1.45.02845.1898",
        status: "Connected",
      },
    });
  }
  return { count: rows.length, data: rows, skip_token: null, total_records: rows.length };
}

/** Writes the estate's export files under `root`; returns the sources to import and the site file. */
export function writeEstate(root: string, size: EstateSize): { sources: string[]; siteFile: string } {
  const put = (path: string, text: string) => {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  put("azure/resource-graph.json", JSON.stringify(azure(size)));
  const sites = size.dnsServers;
  const siteFile: Record<string, unknown> = {
    subscriptionId: SUB,
    resourceGroup: "onprem",
    sites: [],
    dnsServers: {},
    hosts: {},
  };
  for (let s = 0; s < sites; s++) {
    const dnsAddress = `172.${16 + (s >> 6)}.${(s & 63) * 4}.10`;
    const prefix = `172.${16 + (s >> 6)}.${(s & 63) * 4}.0/22`;
    (siteFile.sites as unknown[]).push({
      name: `site${s}`,
      addressPrefixes: [prefix],
      connections: [{ name: "vpn", virtualNetwork: "hub" }],
      internetAccess: true,
      egressFirewall: { defaultAction: "Allow", rules: [] },
    });
    (siteFile.dnsServers as Record<string, unknown>)[`dns${s}`] = { address: dnsAddress, site: `site${s}` };
    if (s % 2 === 0) {
      put(
        `sites/dns${s}/zones.json`,
        JSON.stringify(
          ARC.map((z) => ({
            ZoneName: z,
            ZoneType: "Forwarder",
            IsReverseLookupZone: false,
            MasterServers: ["10.0.2.4"],
          })),
        ),
      );
      put(`sites/dns${s}/forwarders.json`, JSON.stringify({ IPAddress: [], UseRootHint: true, Timeout: 3 }));
    } else {
      put(
        `sites/dns${s}/named.conf`,
        `options {\n  listen-on { ${dnsAddress}; };\n  recursion yes;\n};\n${ARC.map((z) => `zone "${z}" { type forward; forwarders { 10.0.2.4; }; };`).join("\n")}\n`,
      );
    }
  }
  for (let h = 0; h < size.hosts; h++) {
    const s = h % sites;
    const k = Math.floor(h / sites);
    const base = `172.${16 + (s >> 6)}.${(s & 63) * 4 + 1 + Math.floor(k / 250)}`;
    const address = `${base}.${1 + (k % 250)}`;
    const dns = `172.${16 + (s >> 6)}.${(s & 63) * 4}.10`;
    const dir = `hosts/h${h}`;
    if (h % 2) {
      put(
        `${dir}/ipconfig.txt`,
        `Windows IP Configuration\r\n\r\n   Host Name . . . . . . . . . . . . : H${h}\r\n\r\nEthernet adapter Ethernet0:\r\n\r\n   IPv4 Address. . . . . . . . . . . : ${address}(Preferred)\r\n   Default Gateway . . . . . . . . . : ${base}.254\r\n   DNS Servers . . . . . . . . . . . : ${dns}\r\n`,
      );
    } else {
      put(`${dir}/resolv.conf`, `nameserver ${dns}\n`);
      (siteFile.hosts as Record<string, unknown>)[`h${h}`] = { address, site: `site${s}` };
    }
    put(
      `${dir}/azcmagent-show.json`,
      JSON.stringify({
        resourceName: `h${h}`,
        resourceGroup: "estate",
        subscriptionId: SUB,
        location: "westeurope",
        agentVersion: "1.45.02845.1898",
        agentStatus: "Connected",
      }),
    );
  }
  put("site.yaml", stringify(siteFile));
  return {
    sources: [join(root, "azure"), join(root, "sites"), join(root, "hosts")],
    siteFile: join(root, "site.yaml"),
  };
}
