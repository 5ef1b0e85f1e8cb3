import { idKey, sameId } from "../../world/arm-id.js";
import { PUBLIC_RESOLVER_ADDRESSES, PUBLIC_ROOT_DNS_ADDRESS } from "../../world/catalog/public-endpoints.js";
import type { World } from "../../world/world.js";
import { allPrivateEndpoints, readSubnet } from "../model/network.js";
import { DNS_SERVER_TYPE, HOST_TYPE, PROXY_TYPE } from "../model/premises.js";
import { allInboundEndpoints } from "../model/private-dns.js";
import { str } from "../model/read-json.js";
import type { Place } from "./reach-types.js";

/** What listens at an address in a place. A closed union. */
export type Occupant =
  | { kind: "dns-server"; id: string }
  | { kind: "proxy"; id: string }
  | { kind: "host"; id: string }
  | { kind: "resolver-inbound"; id: string; virtualNetworkId: string }
  | { kind: "private-endpoint"; id: string }
  | { kind: "azure-dns"; virtualNetworkId: string }
  | { kind: "public-dns"; address: string }
  | { kind: "public-address"; address: string };

/**
 * Everything at `address` in the place a packet was delivered to, in a fixed order
 * (DNS servers, proxies, hosts; resolver endpoints, private endpoints; each by id).
 * Public recursive resolvers and the root are the only DNS on the internet.
 */
export function occupantsAt(world: World, place: Place, address: string): Occupant[] {
  switch (place.kind) {
    case "site": {
      // Filters on the raw address before sorting: a site may hold thousands of hosts.
      const at = (type: string) =>
        world
          .under(place.siteId, type)
          .filter((r) => (str(r.properties.address) ?? "") === address)
          .map((r) => r.id)
          .sort((a, b) => (idKey(a) < idKey(b) ? -1 : 1));
      return [
        ...at(DNS_SERVER_TYPE).map((id) => ({ kind: "dns-server", id }) as const),
        ...at(PROXY_TYPE).map((id) => ({ kind: "proxy", id }) as const),
        ...at(HOST_TYPE).map((id) => ({ kind: "host", id }) as const),
      ];
    }
    case "virtual-network": {
      const inbound = allInboundEndpoints(world)
        .filter(
          (ep) =>
            sameId(ep.virtualNetworkId, place.virtualNetworkId) && ep.addresses.some((a) => a.address === address),
        )
        .map((ep) => ({ kind: "resolver-inbound", id: ep.id, virtualNetworkId: ep.virtualNetworkId }) as const);
      const pes = allPrivateEndpoints(world)
        .filter((pe) => pe.addresses.includes(address))
        .filter((pe) => pe.subnetId && sameId(readSubnet(world, pe.subnetId)?.virtualNetworkId, place.virtualNetworkId))
        .map((pe) => ({ kind: "private-endpoint", id: pe.id }) as const);
      return [...inbound, ...pes];
    }
    case "azure-platform":
      return [{ kind: "azure-dns", virtualNetworkId: place.virtualNetworkId }];
    case "internet":
      return address === PUBLIC_ROOT_DNS_ADDRESS || PUBLIC_RESOLVER_ADDRESSES.includes(address)
        ? [{ kind: "public-dns", address }]
        : [{ kind: "public-address", address }];
  }
}
