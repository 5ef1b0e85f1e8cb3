import type { Resource } from "../../world/resource.js";
import { MapWorld } from "../../world/world.js";
import { dnsResolver, privateDnsZone, recordSet, zoneLink } from "./dns-resources.js";
import { machine, privateLinkScope, scopeConnection } from "./hybrid-resources.js";
import { privateEndpoint, virtualNetwork } from "./network-resources.js";
import { dnsServer, host, proxy, site } from "./premises-resources.js";
import { DEFAULT_PLACEMENT, resourceGroup } from "./resource-ids.js";

/** Knobs of the documented Arc private link setup [DOC-PL]; every default is the working setup. */
export interface ArcWorldOptions {
  publicNetworkAccess?: "Enabled" | "Disabled";
  connectionStatus?: "Approved" | "Pending" | "Rejected";
  associatedAt?: string;
  /** Whether the site has its VPN connection to the hub vnet. */
  vpn?: boolean;
  internetAccess?: boolean;
  egressFirewall?: Record<string, unknown>;
  /** Conditional forwarder domains on the on-prem DNS server; the docs say the public zone names [DOC-PL, facts §6]. */
  forwarderDomains?: string[];
  cnameChasing?: boolean;
  hostsFile?: string;
  agent?: Record<string, unknown>;
  /** Link the private zones to the hub vnet. */
  linkZones?: boolean;
}

export const ARC_IPS = {
  gbl: "10.10.1.4",
  his: "10.10.1.5",
  agentserviceapi: "10.10.1.6",
  gas: "10.10.1.7",
  dp: "10.10.1.8",
  inbound: "10.10.2.4",
  dnsServer: "192.168.0.10",
  host: "192.168.0.20",
  proxy: "192.168.0.5",
};

const rg = `/subscriptions/${DEFAULT_PLACEMENT.subscriptionId}/resourceGroups/${DEFAULT_PLACEMENT.resourceGroup}`;

export const ARC_IDS = {
  hub: `${rg}/providers/Microsoft.Network/virtualNetworks/hub`,
  peSubnet: `${rg}/providers/Microsoft.Network/virtualNetworks/hub/subnets/pe`,
  inboundSubnet: `${rg}/providers/Microsoft.Network/virtualNetworks/hub/subnets/inbound`,
  scope: `${rg}/providers/Microsoft.HybridCompute/privateLinkScopes/arc-pls`,
  pe: `${rg}/providers/Microsoft.Network/privateEndpoints/arc-pe`,
  inbound: `${rg}/providers/Microsoft.Network/dnsResolvers/dnsr/inboundEndpoints/inbound`,
  site: `${rg}/providers/Arclink.OnPremises/sites/dc1`,
  dnsServer: `${rg}/providers/Arclink.OnPremises/sites/dc1/dnsServers/dns1`,
  host: `${rg}/providers/Arclink.OnPremises/sites/dc1/hosts/srv1`,
  proxy: `${rg}/providers/Arclink.OnPremises/sites/dc1/proxies/proxy1`,
  machine: `${rg}/providers/Microsoft.HybridCompute/machines/srv1`,
};

export const ARC_ZONE_IDS = {
  his: `${rg}/providers/Microsoft.Network/privateDnsZones/privatelink.his.arc.azure.com`,
  gc: `${rg}/providers/Microsoft.Network/privateDnsZones/privatelink.guestconfiguration.azure.com`,
  dp: `${rg}/providers/Microsoft.Network/privateDnsZones/privatelink.dp.kubernetesconfiguration.azure.com`,
};

/**
 * The documented setup in West Europe: a hub vnet with a private endpoint to an Arc
 * scope, the three `privatelink.` zones linked to it, a DNS Private Resolver inbound
 * endpoint, and a site over VPN whose DNS server forwards the Arc zones to that endpoint.
 */
export function arcPrivateLinkResources(o: ArcWorldOptions = {}): Resource[] {
  const records = [
    { fqdn: "gbl.his.arc.azure.com", ip: ARC_IPS.gbl },
    { fqdn: "weu.his.arc.azure.com", ip: ARC_IPS.his },
    { fqdn: "agentserviceapi.guestconfiguration.azure.com", ip: ARC_IPS.agentserviceapi },
    { fqdn: "westeurope-gas.guestconfiguration.azure.com", ip: ARC_IPS.gas },
    { fqdn: "westeurope.dp.kubernetesconfiguration.azure.com", ip: ARC_IPS.dp },
  ];
  const zones = [
    privateDnsZone("privatelink.his.arc.azure.com"),
    recordSet(ARC_ZONE_IDS.his, "gbl", { a: [ARC_IPS.gbl] }),
    recordSet(ARC_ZONE_IDS.his, "weu", { a: [ARC_IPS.his] }),
    privateDnsZone("privatelink.guestconfiguration.azure.com"),
    recordSet(ARC_ZONE_IDS.gc, "agentserviceapi", { a: [ARC_IPS.agentserviceapi] }),
    recordSet(ARC_ZONE_IDS.gc, "westeurope-gas", { a: [ARC_IPS.gas] }),
    privateDnsZone("privatelink.dp.kubernetesconfiguration.azure.com"),
    recordSet(ARC_ZONE_IDS.dp, "westeurope", { a: [ARC_IPS.dp] }),
  ];
  const links = Object.values(ARC_ZONE_IDS).map((z) => zoneLink(z, "hub-link", ARC_IDS.hub));
  return [
    resourceGroup(),
    virtualNetwork("hub", {
      addressPrefixes: ["10.10.0.0/16"],
      subnets: [
        { name: "pe", addressPrefix: "10.10.1.0/24" },
        { name: "inbound", addressPrefix: "10.10.2.0/28" },
        { name: "outbound", addressPrefix: "10.10.3.0/28" },
      ],
    }),
    privateLinkScope("arc-pls", o.publicNetworkAccess ?? "Disabled"),
    privateEndpoint("arc-pe", {
      subnetId: ARC_IDS.peSubnet,
      scopeId: ARC_IDS.scope,
      status: o.connectionStatus ?? "Approved",
      records,
    }),
    scopeConnection(ARC_IDS.scope, ARC_IDS.pe, o.connectionStatus ?? "Approved"),
    ...zones,
    ...(o.linkZones === false ? [] : links),
    ...dnsResolver("dnsr", {
      virtualNetworkId: ARC_IDS.hub,
      inbound: { subnetId: ARC_IDS.inboundSubnet, ip: ARC_IPS.inbound },
    }),
    site("dc1", {
      addressSpace: { addressPrefixes: ["192.168.0.0/24"] },
      connections:
        o.vpn === false ? [] : [{ name: "vpn-hub", kind: "SiteToSiteVpn", virtualNetwork: { id: ARC_IDS.hub } }],
      internetAccess: o.internetAccess ?? true,
      egressFirewall: o.egressFirewall ?? { defaultAction: "Allow", rules: [] },
    }),
    dnsServer(ARC_IDS.site, "dns1", {
      address: ARC_IPS.dnsServer,
      zones: [],
      conditionalForwarders: (
        o.forwarderDomains ?? [
          "his.arc.azure.com",
          "guestconfiguration.azure.com",
          "dp.kubernetesconfiguration.azure.com",
        ]
      ).map((domain) => ({ domain, targets: [ARC_IPS.inbound] })),
      forwarders: [],
      recursion: true,
      cnameChasing: o.cnameChasing ?? true,
    }),
    host(ARC_IDS.site, "srv1", {
      address: ARC_IPS.host,
      os: "linux",
      dnsServers: [ARC_IPS.dnsServer],
      hostsFile: o.hostsFile ?? "127.0.0.1 localhost\n",
      agent: o.agent ?? { version: "1.45", config: {}, environment: {} },
      machineId: ARC_IDS.machine,
    }),
    proxy(ARC_IDS.site, "proxy1", { address: ARC_IPS.proxy, port: 3128, dnsServers: [ARC_IPS.dnsServer] }),
    machine("srv1", { scopeId: ARC_IDS.scope, associatedAt: o.associatedAt ?? "2026-01-01T00:00:00Z" }),
  ];
}

/** A World over resources, as the store would hold them. */
export function worldOf(resources: Iterable<Resource>): MapWorld {
  return new MapWorld(resources);
}

export function arcPrivateLinkWorld(o: ArcWorldOptions = {}): MapWorld {
  return worldOf(arcPrivateLinkResources(o));
}

/** Replaces the properties of one resource (by id) in a resource list, for variations. */
export function withProperties(resources: Resource[], id: string, patch: Record<string, unknown>): Resource[] {
  return resources.map((r) => (r.id === id ? { ...r, properties: { ...r.properties, ...patch } } : r));
}
