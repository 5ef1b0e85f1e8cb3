import type { AddressEntity, RealizationTable } from "../../fabric/addresses/index.js";

/**
 * The realized address of a world address, as a client on `siteId` would reach it: an
 * entry in the client's own site first, then one where `wanted` entities live (a DNS
 * server, a private endpoint, a public front door), then any. Undefined when nothing of
 * the world is at that address (the connection then has nowhere to go).
 *
 * @example
 * realizeFor(table, "10.10.1.4", siteId, (e) => e.kind === "private-endpoint") // "127.195.3.4"
 */
export function realizeFor(
  table: RealizationTable,
  address: string,
  siteId: string | undefined,
  wanted: (e: AddressEntity) => boolean,
): string | undefined {
  const entries = table.entries.filter((e) => e.address === address);
  const inSite = entries.find(
    (e) => e.place.kind === "site" && siteId && e.place.siteId.toLowerCase() === siteId.toLowerCase(),
  );
  return (inSite ?? entries.find((e) => e.entities.some(wanted)) ?? entries[0])?.realized;
}
