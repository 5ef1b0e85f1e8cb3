import { catalogOf } from "../../world/catalog/catalog.js";
import type { World } from "../../world/world.js";
import { inAnyPrefix } from "./cidr.js";

/**
 * True when `address` lies in the named service tag of the world's catalog (`catalogOf`) (names compare
 * case-insensitively; a regional name such as `Storage.WestEurope` matches only that
 * entry). Unknown tags contain nothing.
 */
export function inServiceTag(world: Pick<World, "catalog">, tag: string, address: string): boolean {
  const wanted = tag.toLowerCase();
  const entry = catalogOf(world).serviceTags.values.find((v) => v.name.toLowerCase() === wanted);
  return entry !== undefined && inAnyPrefix(address, entry.properties.addressPrefixes);
}

export function isKnownServiceTag(world: Pick<World, "catalog">, tag: string): boolean {
  const wanted = tag.toLowerCase();
  return catalogOf(world).serviceTags.values.some((v) => v.name.toLowerCase() === wanted);
}
