import {
  allInboundEndpoints,
  allPrivateEndpoints,
  allVirtualNetworks,
  DNS_SERVER_TYPE,
  HOST_TYPE,
  PROXY_TYPE,
  readSubnet,
  SITE_TYPE,
} from "../../semantics/model/index.js";
import { AZURE_DNS_ADDRESS, isAddress, type Place } from "../../semantics/net/index.js";
import { idKey } from "../../world/arm-id.js";
import { catalogOf } from "../../world/catalog/catalog.js";
import {
  PUBLIC_ENDPOINTS,
  PUBLIC_RESOLVER_ADDRESSES,
  PUBLIC_ROOT_DNS_ADDRESS,
  publicAddressOf,
} from "../../world/catalog/public-endpoints.js";
import type { World } from "../../world/world.js";
import type { AddressEntity, WorldAddress } from "./address-types.js";

/** A stable key for a place: `site:<id>`, `vnet:<id>`, `azure-dns:<vnet id>`, `internet`. */
export function placeKey(place: Place): string {
  switch (place.kind) {
    case "site":
      return `site:${idKey(place.siteId)}`;
    case "virtual-network":
      return `vnet:${idKey(place.virtualNetworkId)}`;
    case "azure-platform":
      return `azure-dns:${idKey(place.virtualNetworkId)}`;
    case "internet":
      return "internet";
  }
}

/** Only IPv4 addresses are realized on loopback. */
function isIpv4(address: string): boolean {
  return isAddress(address) && !address.includes(":");
}

/**
 * Every address of a world in the place it belongs to: site hosts, proxies and DNS
 * servers; resolver inbound endpoints and private endpoints of each vnet; 168.63.129.16
 * of each vnet; the public resolvers, the root and the public service addresses.
 *
 * @example
 * worldAddresses(world).find((a) => a.entities.some((e) => e.kind === "dns-server"));
 */
export function worldAddresses(world: World): WorldAddress[] {
  const byKey = new Map<string, WorldAddress>();
  const add = (place: Place, address: string, entity: AddressEntity) => {
    if (!isIpv4(address)) return;
    const key = `${placeKey(place)}|${address}`;
    const found = byKey.get(key);
    if (found) found.entities.push(entity);
    else byKey.set(key, { address, place, entities: [entity] });
  };
  for (const site of world.ofType(SITE_TYPE)) {
    const place: Place = { kind: "site", siteId: site.id };
    // occupantsAt order: DNS servers, proxies, hosts.
    for (const [type, kind] of [
      [DNS_SERVER_TYPE, "dns-server"],
      [PROXY_TYPE, "proxy"],
      [HOST_TYPE, "host"],
    ] as const) {
      const members = [...world.under(site.id, type)].sort((a, b) => (idKey(a.id) < idKey(b.id) ? -1 : 1));
      for (const r of members) {
        const address = r.properties.address;
        if (typeof address === "string") add(place, address, { kind, id: r.id });
      }
    }
  }
  for (const ep of allInboundEndpoints(world)) {
    const place: Place = { kind: "virtual-network", virtualNetworkId: ep.virtualNetworkId };
    for (const a of ep.addresses)
      add(place, a.address, { kind: "resolver-inbound", id: ep.id, virtualNetworkId: ep.virtualNetworkId });
  }
  for (const pe of allPrivateEndpoints(world)) {
    const vnetId = pe.subnetId ? readSubnet(world, pe.subnetId)?.virtualNetworkId : undefined;
    if (!vnetId) continue;
    for (const a of pe.addresses)
      add({ kind: "virtual-network", virtualNetworkId: vnetId }, a, { kind: "private-endpoint", id: pe.id });
  }
  for (const vnet of allVirtualNetworks(world)) {
    add({ kind: "azure-platform", virtualNetworkId: vnet.id }, AZURE_DNS_ADDRESS, {
      kind: "azure-dns",
      virtualNetworkId: vnet.id,
    });
  }
  const internet: Place = { kind: "internet" };
  for (const a of [PUBLIC_ROOT_DNS_ADDRESS, ...PUBLIC_RESOLVER_ADDRESSES])
    add(internet, a, { kind: "public-dns", address: a });
  const { serviceTags } = catalogOf(world);
  for (const ep of PUBLIC_ENDPOINTS) {
    const name = ep.name.startsWith("*.") ? `x${ep.name.slice(1)}` : ep.name;
    const address = publicAddressOf(name, serviceTags);
    if (address && !byKey.has(`internet|${address}`)) add(internet, address, { kind: "public-address", address });
  }
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
}
