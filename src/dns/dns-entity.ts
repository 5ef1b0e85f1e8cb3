import type { AddressEntity, RealizationTable, RealizedAddress } from "../fabric/addresses/index.js";
import { isDnsEntity } from "../fabric/addresses/index.js";
import type { Vantage } from "../semantics/dns/dns-types.js";
import { readDnsServer } from "../semantics/model/premises.js";
import type { World } from "../world/world.js";

/** A DNS entity of the world at its realized address: what answers, and how it behaves. */
export interface DnsEntity {
  /** `dns-server`, `azure-dns`, `resolver-inbound` or `public-dns`. */
  kind: AddressEntity["kind"];
  /** Resource id, vnet id (Azure DNS) or public address. */
  id: string;
  address: RealizedAddress;
  /** How `resolve` sees this entity answering. */
  vantage: Vantage;
  /** RA: the entity offers recursion (forwarders or its own recursion; Azure and public resolvers do). */
  recursionAvailable: boolean;
}

function vantageOf(entity: AddressEntity): Vantage | undefined {
  switch (entity.kind) {
    case "dns-server":
      return { kind: "dns-server", dnsServerId: entity.id };
    case "azure-dns":
      return { kind: "azure-dns", virtualNetworkId: entity.virtualNetworkId };
    case "resolver-inbound":
      return { kind: "resolver-inbound", inboundEndpointId: entity.id };
    case "public-dns":
      return { kind: "public" };
    default:
      return undefined;
  }
}

/**
 * Every DNS entity of a world at its realized address; where two share an address in one
 * place the first (occupantsAt order) answers, as `askAddress` does.
 *
 * @example
 * dnsEntities(world, table).map((e) => `${e.address.realized} ${e.kind}`);
 */
export function dnsEntities(world: World, table: RealizationTable): DnsEntity[] {
  return table.entries.flatMap((address) => {
    const entity = address.entities.find(isDnsEntity);
    const vantage = entity && vantageOf(entity);
    if (!entity || !vantage) return [];
    const server = entity.kind === "dns-server" ? readDnsServer(world, entity.id) : undefined;
    return [
      {
        kind: entity.kind,
        id: "id" in entity ? entity.id : "virtualNetworkId" in entity ? entity.virtualNetworkId : entity.address,
        address,
        vantage,
        recursionAvailable: server
          ? server.recursion || server.forwarders.length > 0 || server.conditionalForwarders.length > 0
          : true,
      },
    ];
  });
}
