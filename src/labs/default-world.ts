import type { LabEntry, LabWorld } from "./lab-world.js";

/** The resources of `worlds/default.yaml` the labs change, by type (and name where there are several). */
export const TYPES = {
  site: "Arclink.OnPremises/sites",
  dnsServer: "Arclink.OnPremises/sites/dnsServers",
  host: "Arclink.OnPremises/sites/hosts",
  proxy: "Arclink.OnPremises/sites/proxies",
  machine: "Microsoft.HybridCompute/machines",
  scope: "Microsoft.HybridCompute/privateLinkScopes",
  vnet: "Microsoft.Network/virtualNetworks",
  nsg: "Microsoft.Network/networkSecurityGroups",
  privateEndpoint: "Microsoft.Network/privateEndpoints",
  zoneGroup: "Microsoft.Network/privateEndpoints/privateDnsZoneGroups",
  zone: "Microsoft.Network/privateDnsZones",
  zoneLink: "Microsoft.Network/privateDnsZones/virtualNetworkLinks",
  inbound: "Microsoft.Network/dnsResolvers/inboundEndpoints",
} as const;

/** The host most labs break: agent 1.45, machine associated with the scope, DNS through the site's server. */
export const LAB_HOST = "web01";

/** The Arc zones and the public zones their conditional forwarders must name [DOC-PL, facts §6, §8]. */

/** The address of the resolver inbound endpoint (the forwarders' target). */
export function inboundAddress(w: LabWorld): string {
  const configs = w.properties(w.find(TYPES.inbound)).ipConfigurations as { privateIpAddress: string }[];
  return configs[0].privateIpAddress;
}

/** The site's DNS server that forwards the Arc zones to the hub (dc02 resolves publicly for db01). */
export function siteDnsServer(w: LabWorld): LabEntry {
  return w.find(TYPES.dnsServer, "dc01");
}

/** A site host's properties object, for in-place edits. */
export function hostProperties(w: LabWorld, name = LAB_HOST): { entry: LabEntry; props: Record<string, unknown> } {
  const entry = w.find(TYPES.host, name);
  return { entry, props: w.properties(entry) };
}

/** The machine resource a host is, by the host's name. */
export function machineOf(w: LabWorld, hostName = LAB_HOST): LabEntry {
  return w.find(TYPES.machine, hostName);
}
