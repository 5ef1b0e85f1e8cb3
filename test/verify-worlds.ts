// Worlds for the verify tests: the documented setup (src/semantics/testing) with one
// mistake each, built straight in REST shapes (not through the API, so worlds that
// today's write rules refuse can still be verified, as an old data directory might hold).

import { publicAddressOf } from "../src/semantics/dns/public-names.js";
import {
  ARC_IDS,
  ARC_IPS,
  ARC_ZONE_IDS,
  type ArcWorldOptions,
  arcPrivateLinkResources,
  host,
  machine,
  networkSecurityGroup,
  privateDnsZone,
  privateEndpoint,
  privateLinkScope,
  recordSet,
  scopeConnection,
  virtualNetwork,
  withProperties,
  worldOf,
} from "../src/semantics/testing/index.js";
import type { Resource } from "../src/world/resource.js";
import type { World } from "../src/world/world.js";

/** One hour after the documented setup's association: every association is effective. */
export const NOW = new Date("2026-01-01T01:00:00Z");

const rg = ARC_IDS.scope.split("/providers/")[0];
const ALL_ARC = [
  `${ARC_IPS.gbl} gbl.his.arc.azure.com`,
  `${ARC_IPS.his} weu.his.arc.azure.com`,
  `${ARC_IPS.agentserviceapi} agentserviceapi.guestconfiguration.azure.com`,
  `${ARC_IPS.gas} westeurope-gas.guestconfiguration.azure.com`,
];

export const world = (o: ArcWorldOptions = {}, change: (r: Resource[]) => Resource[] = (r) => r): World =>
  worldOf(change(arcPrivateLinkResources(o)));

const setProps = (id: string, patch: Record<string, unknown>) => (r: Resource[]) => withProperties(r, id, patch);
const agent = (config: Record<string, unknown>, version = "1.45") => ({ version, config, environment: {} });
const firewall = (rules: Record<string, unknown>[]) => ({ defaultAction: "Deny", rules });
const rule = (name: string, extra: Record<string, unknown>) => ({
  name,
  action: "Allow",
  protocol: "Tcp",
  destinationPorts: ["443"],
  ...extra,
});
const DNS_OUT = { name: "dns", action: "Allow", protocol: "Udp", destinationPorts: ["53"] };
const ENTRA = rule("entra", { destinationServiceTags: ["AzureActiveDirectory"] });
const ARM = rule("arm", { destinationServiceTags: ["AzureResourceManager"] });
const ARC = rule("arc", { destinationServiceTags: ["AzureArcInfrastructure", "ServiceBus", "Storage"] });

/** A second scope with a private endpoint in `subnetId` at `ip`. */
function secondScope(subnetId: string, ip: string): Resource[] {
  const other = privateLinkScope("other-pls");
  const pe = privateEndpoint("other-pe", {
    subnetId,
    scopeId: other.id,
    status: "Approved",
    records: [{ fqdn: "eus.his.arc.azure.com", ip }],
  });
  return [other, pe, scopeConnection(other.id, pe.id, "Approved")];
}

/** A host `web2` whose machine has no scope, sharing the site's DNS server. */
function unassociatedNeighbour(r: Resource[]): Resource[] {
  const m = machine("web2");
  return [
    ...r,
    m,
    host(ARC_IDS.site, "web2", {
      address: "192.168.0.21",
      os: "linux",
      dnsServers: [ARC_IPS.dnsServer],
      agent: agent({}),
      machineId: m.id,
    }),
  ];
}

/** Replaces the hub vnet: its private endpoint subnet under an NSG that denies the site. */
function nsgOnEndpoints(r: Resource[]): Resource[] {
  const nsg = networkSecurityGroup("pe-nsg", [
    {
      name: "deny-site",
      priority: 100,
      direction: "Inbound",
      access: "Deny",
      protocol: "Tcp",
      source: "192.168.0.0/24",
      destination: "*",
      ports: "443",
    },
  ]);
  const hub = virtualNetwork("hub", {
    addressPrefixes: ["10.10.0.0/16"],
    subnets: [
      {
        name: "pe",
        addressPrefix: "10.10.1.0/24",
        networkSecurityGroupId: nsg.id,
        privateEndpointNetworkPolicies: "Enabled",
      },
      { name: "inbound", addressPrefix: "10.10.2.0/28" },
      { name: "outbound", addressPrefix: "10.10.3.0/28" },
    ],
  });
  return [...r.filter((x) => x.id !== hub.id), hub, nsg];
}

/** For each finding code: a world (and time) that raises it. */
export const CASES: Record<string, { world: () => World; now?: Date }> = {
  "ARC-DNS-PUBLIC": { world: () => world({ publicNetworkAccess: "Enabled", forwarderDomains: [] }) },
  "ARC-DNS-NXDOMAIN": { world: () => world({}, (r) => r.filter((x) => x.id !== `${ARC_ZONE_IDS.his}/A/weu`)) },
  "ARC-DNS-FAILED": { world: () => world({}, setProps(ARC_IDS.host, { dnsServers: ["192.168.0.99"] })) },
  "ARC-DNS-STALE-RECORD": {
    world: () =>
      world({}, (r) => [
        ...r.filter((x) => x.id !== `${ARC_ZONE_IDS.his}/A/gbl`),
        recordSet(ARC_ZONE_IDS.his, "gbl", { a: ["10.10.1.99"] }),
      ]),
  },
  "ARC-NET-NO-ROUTE": { world: () => world({ vpn: false, hostsFile: ALL_ARC.join("\n") }) },
  "ARC-NET-NSG": { world: () => world({}, nsgOnEndpoints) },
  "ARC-NET-NO-INTERNET": {
    world: () =>
      world({
        internetAccess: false,
        hostsFile: `${publicAddressOf({}, "login.microsoftonline.com")} login.microsoftonline.com\n`,
      }),
  },
  "ARC-NET-FIREWALL": { world: () => world({ egressFirewall: firewall([DNS_OUT, ENTRA, ARM]) }) },
  "ARC-FW-ENTRA-BLOCKED": { world: () => world({ egressFirewall: firewall([DNS_OUT, ARM, ARC]) }) },
  "ARC-FW-ARM-BLOCKED": { world: () => world({ egressFirewall: firewall([DNS_OUT, ENTRA, ARC]) }) },
  "ARC-ACCESS-NOT-ASSOCIATED": { world: () => world({}, unassociatedNeighbour) },
  "ARC-ACCESS-PUBLIC-DISABLED": { world: () => world({ forwarderDomains: [] }) },
  "ARC-ACCESS-PENDING": { world: () => world(), now: new Date("2026-01-01T00:05:00Z") },
  "ARC-PE-NOT-APPROVED": { world: () => world({ connectionStatus: "Pending" }) },
  "ARC-ACCESS-REFUSED": {
    world: () =>
      world({}, setProps(ARC_IDS.host, { machineId: `${rg}/providers/Microsoft.HybridCompute/machines/ghost` })),
  },
  "ARC-AGENT-VERSION": { world: () => world({ agent: agent({}, "1.3") }) },
  "ARC-AGENT-CONFIG": {
    world: () => world({ agent: agent({ "proxy.url": "http://192.168.0.5:3128", "proxy.bypass": ["Everything"] }) }),
  },
  "ARC-AGENT-GATEWAY": { world: () => world({ agent: agent({ "connection.type": "gateway" }) }) },
  "ARC-PROXY-UNKNOWN": { world: () => world({ agent: agent({ "proxy.url": "http://192.168.0.77:3128" }) }) },
  "ARC-PROXY-NO-ARC-BYPASS": { world: () => world({ agent: agent({ "proxy.url": "http://192.168.0.5:3128" }) }) },
  "ARC-EXT-PUBLIC-PATH": {
    world: () => world({}, setProps(ARC_IDS.machine, { extensions: [{ name: "kv", type: "KeyVaultForLinux" }] })),
  },
  "ARC-SCOPE-VNET-MULTIPLE": { world: () => world({}, (r) => [...r, ...secondScope(ARC_IDS.peSubnet, "10.10.1.40")]) },
  "ARC-ZONE-SHARED-SCOPES": {
    world: () =>
      world({}, (r) => [
        ...r,
        virtualNetwork("spoke", {
          addressPrefixes: ["10.20.0.0/16"],
          subnets: [{ name: "pe", addressPrefix: "10.20.1.0/24" }],
          peerWith: [ARC_IDS.hub],
        }),
        ...secondScope(`${rg}/providers/Microsoft.Network/virtualNetworks/spoke/subnets/pe`, "10.20.1.4"),
        recordSet(ARC_ZONE_IDS.his, "eus", { a: ["10.20.1.4"] }),
      ]),
  },
  "ARC-DNS-SHARED-RESOLVER": { world: () => world({}, unassociatedNeighbour) },
  "ARC-ZONE-NAME-WRONG": { world: () => world({}, (r) => [...r, privateDnsZone("privatelink-his-arc-azure-com")]) },
  "ARC-ZONE-NAME-WRONG-OPTIONAL": {
    world: () => world({}, (r) => [...r, privateDnsZone("privatelink.kubernetesconfiguration.azure.com")]),
  },
  "ARC-ZONE-NOT-LINKED": { world: () => world({ linkZones: false }) },
  "ARC-FWD-PRIVATELINK": {
    world: () =>
      world({ forwarderDomains: ["privatelink.his.arc.azure.com", "privatelink.guestconfiguration.azure.com"] }),
  },
  "ARC-FWD-AZURE-DNS": {
    world: () =>
      world(
        {},
        setProps(ARC_IDS.dnsServer, {
          conditionalForwarders: [{ domain: "his.arc.azure.com", targets: ["168.63.129.16"] }],
        }),
      ),
  },
  "ARC-HOSTS-PRIVATELINK": { world: () => world({ hostsFile: `${ARC_IPS.gbl} gbl.privatelink.his.arc.azure.com\n` }) },
  "ARC-HOSTS-MISSING": { world: () => world({ hostsFile: `${ALL_ARC[0]}\n` }) },
  "ARC-HOSTS-REVERSED": { world: () => world({ hostsFile: "gbl.his.arc.azure.com 10.10.1.4\n" }) },
  "ARC-HOSTS-STALE": {
    world: () => world({ hostsFile: ["10.10.1.9 gbl.his.arc.azure.com", ...ALL_ARC.slice(1)].join("\n") }),
  },
  "ARC-REGION-MISMATCH": {
    world: () => world({}, (r) => r.map((x) => (x.id === ARC_IDS.machine ? { ...x, location: "eastus" } : x))),
  },
  "ARC-PE-PENDING": { world: () => world({ connectionStatus: "Pending" }) },
};
