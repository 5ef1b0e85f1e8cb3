import { readClient } from "../../semantics/model/index.js";
import type { World } from "../../world/world.js";
import type { AddressEntity, RealizationTable } from "./address-types.js";
import { placeKey } from "./world-addresses.js";

/** The ports services listen on at realized addresses (see `servicePort`). */
export interface ServicePorts {
  dns: number;
  https: number;
}

/** One line of `arclink addresses`: one entity at one realized address. */
export interface AddressRow {
  address: string;
  place: string;
  realized: string;
  /** Where the entity listens; undefined for entities that only send (hosts). */
  port?: number;
  kind: AddressEntity["kind"];
  /** The resource id, vnet id (Azure DNS) or public address. */
  entity: string;
}

const DNS_KINDS = new Set(["dns-server", "resolver-inbound", "azure-dns", "public-dns"]);

/** Whether an entity answers DNS queries. */
export function isDnsEntity(entity: AddressEntity): boolean {
  return DNS_KINDS.has(entity.kind);
}

/** The resource id (or vnet id, or public address) naming an entity. */
export function entityName(entity: AddressEntity): string {
  return "id" in entity ? entity.id : "virtualNetworkId" in entity ? entity.virtualNetworkId : entity.address;
}

/**
 * The table `arclink addresses` prints: one row per entity, with the port it listens on.
 *
 * @example
 * addressRows(world, table, { dns: 53, https: 443 });
 */
export function addressRows(world: World, table: RealizationTable, ports: ServicePorts): AddressRow[] {
  return table.entries.flatMap((e) =>
    e.entities.map((entity) => ({
      address: e.address,
      place: placeKey(e.place),
      realized: e.realized,
      port: isDnsEntity(entity)
        ? ports.dns
        : entity.kind === "private-endpoint" || entity.kind === "public-address"
          ? ports.https
          : entity.kind === "proxy"
            ? readClient(world, entity.id)?.port
            : undefined,
      kind: entity.kind,
      entity: entityName(entity),
    })),
  );
}
