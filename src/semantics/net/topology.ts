import { idKey, sameId } from "../../world/arm-id.js";
import type { World } from "../../world/world.js";
import {
  allVirtualNetworks,
  peersOf,
  readPrivateEndpoint,
  readSubnet,
  readVirtualNetwork,
  type Subnet,
  type VirtualNetwork,
} from "../model/network.js";
import { readClient, readDnsServer, readSite, SITE_TYPE, type Site, siteOfResource } from "../model/premises.js";
import { readInboundEndpoint } from "../model/private-dns.js";
import { perSnapshot } from "../model/snapshot-memo.js";
import { firstHost, inAnyPrefix } from "./cidr.js";
import type { Source } from "./reach-types.js";

/** A source placed in the network: a site and an address, or a vnet (and subnet) and an address. */
export type Located =
  | { kind: "site"; site: Site; address: string; label: string }
  | { kind: "virtual-network"; vnet: VirtualNetwork; subnet?: Subnet; address: string; label: string };

/** How traces name a source: its resource id, subnet id, vnet id or address. */
export function sourceLabel(source: Source): string {
  switch (source.kind) {
    case "premises":
      return source.id;
    case "subnet":
      return source.subnetId;
    case "virtual-network":
      return source.virtualNetworkId;
    case "address":
      return source.address;
  }
}

/** Places a source; undefined when it names nothing the world holds. */
export function locate(world: World, source: Source): Located | undefined {
  if (source.kind === "premises") {
    const site = siteOfResource(world, source.id);
    const address = readClient(world, source.id)?.address ?? readDnsServer(world, source.id)?.address;
    return site && address ? { kind: "site", site, address, label: source.id } : undefined;
  }
  if (source.kind === "address") return locateAddress(world, source.address);
  if (source.kind === "subnet") {
    const subnet = readSubnet(world, source.subnetId);
    const vnet = subnet && readVirtualNetwork(world, subnet.virtualNetworkId);
    const address = source.address ?? firstHost(subnet?.addressPrefixes[0] ?? "");
    return vnet && address ? { kind: "virtual-network", vnet, subnet, address, label: source.subnetId } : undefined;
  }
  const vnet = readVirtualNetwork(world, source.virtualNetworkId);
  const address = firstHost(vnet?.addressPrefixes[0] ?? "");
  return vnet && address ? { kind: "virtual-network", vnet, address, label: vnet.id } : undefined;
}

/** Places a bare address: the site whose address space holds it (by id), else the vnet and subnet. */
export function locateAddress(world: World, address: string): Located | undefined {
  const byId = (a: { id: string }, b: { id: string }) => (idKey(a.id) < idKey(b.id) ? -1 : 1);
  const sites = world.ofType(SITE_TYPE).flatMap((r) => readSite(world, r.id) ?? []);
  const site = sites.sort(byId).find((s) => inAnyPrefix(address, s.addressPrefixes));
  if (site) return { kind: "site", site, address, label: address };
  const hit = findInVnets(allVirtualNetworks(world), address);
  return hit ? { kind: "virtual-network", vnet: hit.vnet, subnet: hit.subnet, address, label: address } : undefined;
}

/** The source of traffic from a resource: premises resources, private endpoints, resolver inbound endpoints. */
export function sourceOf(world: World, resourceId: string): Source | undefined {
  if (readClient(world, resourceId) || readDnsServer(world, resourceId)) return { kind: "premises", id: resourceId };
  const pe = readPrivateEndpoint(world, resourceId);
  if (pe?.subnetId) return { kind: "subnet", subnetId: pe.subnetId, address: pe.addresses[0] };
  const inbound = readInboundEndpoint(world, resourceId);
  const ip = inbound?.addresses[0];
  if (ip?.subnetId) return { kind: "subnet", subnetId: ip.subnetId, address: ip.address };
  return undefined;
}

/** Vnets a site reaches: those it has a connection to, and their peers [premises.md]. */
export function vnetsReachableFromSite(world: World, site: Site): readonly { vnet: VirtualNetwork; via: string }[] {
  // The answer reads only the site's connections: hosts of one site share it.
  const key = site.connections.map((c) => `${c.kind}|${c.name}|${c.virtualNetworkId}`).join("\n");
  return perSnapshot(world, `site-reach|${key}`, () => reachableVnets(world, site));
}

function reachableVnets(world: World, site: Site): { vnet: VirtualNetwork; via: string }[] {
  const out = new Map<string, { vnet: VirtualNetwork; via: string }>();
  const connected = [...site.connections].sort((a, b) =>
    idKey(a.virtualNetworkId) < idKey(b.virtualNetworkId) ? -1 : 1,
  );
  for (const c of connected) {
    const vnet = readVirtualNetwork(world, c.virtualNetworkId);
    if (vnet) out.set(idKey(vnet.id), { vnet, via: `${c.kind} connection "${c.name}"` });
  }
  for (const c of connected) {
    for (const peerId of peersOf(world, c.virtualNetworkId)) {
      const vnet = readVirtualNetwork(world, peerId);
      if (vnet && !out.has(idKey(vnet.id)))
        out.set(idKey(vnet.id), { vnet, via: `connection "${c.name}" and peering` });
    }
  }
  return [...out.values()];
}

/** Sites connected to a vnet or to one of its peers. */
export function sitesReachingVnet(world: World, vnetId: string): Site[] {
  return world
    .ofType(SITE_TYPE)
    .map((r) => readSite(world, r.id)!)
    .filter((site) => vnetsReachableFromSite(world, site).some((v) => sameId(v.vnet.id, vnetId)))
    .sort((a, b) => (idKey(a.id) < idKey(b.id) ? -1 : 1));
}

/** The vnet (and subnet) an address lies in, among candidate vnets. */
export function findInVnets(vnets: readonly VirtualNetwork[], address: string) {
  for (const vnet of vnets) {
    if (!inAnyPrefix(address, vnet.addressPrefixes)) continue;
    return { vnet, subnet: vnet.subnets.find((s) => inAnyPrefix(address, s.addressPrefixes)) };
  }
  return undefined;
}

/**
 * The `VirtualNetwork` service tag as an NSG in `vnetId` sees it: its own address
 * space, peered vnets, and connected on-premises prefixes.
 */
export function virtualNetworkTagPrefixes(world: World, vnetId: string): string[] {
  const own = readVirtualNetwork(world, vnetId);
  const peers = peersOf(world, vnetId).flatMap((id) => readVirtualNetwork(world, id)?.addressPrefixes ?? []);
  const sites = sitesReachingVnet(world, vnetId).flatMap((s) => s.addressPrefixes);
  return [...(own?.addressPrefixes ?? []), ...peers, ...sites];
}
