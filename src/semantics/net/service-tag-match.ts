import { SERVICE_TAGS, type ServiceTagsFile } from "../../world/catalog/service-tags.js";
import { inAnyPrefix } from "./cidr.js";

/**
 * True when `address` lies in the named service tag of the catalog (names compare
 * case-insensitively; a regional name such as `Storage.WestEurope` matches only that
 * entry). Unknown tags contain nothing.
 */
export function inServiceTag(tag: string, address: string, file: ServiceTagsFile = SERVICE_TAGS): boolean {
  const wanted = tag.toLowerCase();
  const entry = file.values.find((v) => v.name.toLowerCase() === wanted);
  return entry !== undefined && inAnyPrefix(address, entry.properties.addressPrefixes);
}

export function isKnownServiceTag(tag: string, file: ServiceTagsFile = SERVICE_TAGS): boolean {
  const wanted = tag.toLowerCase();
  return file.values.some((v) => v.name.toLowerCase() === wanted);
}
