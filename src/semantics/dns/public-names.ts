import { catalogOf } from "../../world/catalog/catalog.js";
import { PUBLIC_ENDPOINTS, PUBLIC_TTL, type PublicRecord } from "../../world/catalog/public-endpoints.js";
import type { ServiceTagsFile } from "../../world/catalog/service-tags.js";
import type { World } from "../../world/world.js";
import { canonicalName } from "../model/read-json.js";
import { nthHost } from "../net/cidr.js";

export interface PublicNameLookup {
  /** False when the name does not exist publicly (NXDOMAIN). */
  exists: boolean;
  records: PublicRecord[];
  /** The service tag of the address the name ends at, for A records. */
  serviceTag?: string;
}

interface PublicZone {
  exact: Map<string, PublicRecord[]>;
  wildcards: { suffix: string; address: string; tag: string }[];
  tagOf: Map<string, string>;
}

/** The k-th usable IPv4 host address across a tag's prefixes. */
function hostInTag(file: ServiceTagsFile, tag: string, k: number): string {
  const entry = file.values.find((v) => v.name.toLowerCase() === tag.toLowerCase());
  if (!entry) throw new Error(`Service tag "${tag}" is not in the service tags file; cannot place public names.`);
  const address = nthHost(entry.properties.addressPrefixes, k);
  if (!address) throw new Error(`Service tag "${tag}" has too few IPv4 addresses for ${k + 1} public names.`);
  return address;
}

/**
 * The public zone of the catalog's names: each ends at a public address inside the
 * ranges of its service tag — the k-th host of the tag's prefixes, k counted per tag in
 * table order, so addresses are deterministic for a given service tags file. Arc names
 * are public CNAMEs into their `privatelink.` names, which publicly end at an A record
 * (the standard private-link DNS model [DOC-PEDNS]).
 */
function buildZone(file: ServiceTagsFile): PublicZone {
  const zone: PublicZone = { exact: new Map(), wildcards: [], tagOf: new Map() };
  const used = new Map<string, number>();
  for (const ep of PUBLIC_ENDPOINTS) {
    const k = used.get(ep.serviceTag) ?? 0;
    used.set(ep.serviceTag, k + 1);
    const address = hostInTag(file, ep.serviceTag, k);
    if (ep.name.startsWith("*.")) {
      zone.wildcards.push({ suffix: ep.name.slice(1), address, tag: ep.serviceTag });
      continue;
    }
    const end = ep.privateLinkName ?? ep.name;
    if (ep.privateLinkName) {
      zone.exact.set(ep.name, [{ name: ep.name, type: "CNAME", ttl: PUBLIC_TTL, data: ep.privateLinkName }]);
    }
    zone.exact.set(end, [{ name: end, type: "A", ttl: PUBLIC_TTL, data: address }]);
    zone.tagOf.set(end, ep.serviceTag);
  }
  return zone;
}

// One zone per service tags file (catalogs are immutable): a pure cache of a pure function.
const zones = new WeakMap<ServiceTagsFile, PublicZone>();

function zoneFor(file: ServiceTagsFile): PublicZone {
  let zone = zones.get(file);
  if (!zone) {
    zone = buildZone(file);
    zones.set(file, zone);
  }
  return zone;
}

/**
 * The public records at exactly `name` on the public internet of a world (its catalog's
 * service tags place the addresses): one authoritative step — a CNAME is returned, not
 * followed. Exact names win over wildcards; a name above known names exists with no
 * records (an empty non-terminal); anything else does not exist.
 *
 * @example
 * lookupPublicName(world, "gbl.his.arc.azure.com").records
 * // → [{ name: "gbl.his.arc.azure.com", type: "CNAME", ttl: 300, data: "gbl.privatelink.his.arc.azure.com" }]
 */
export function lookupPublicName(world: Pick<World, "catalog">, name: string): PublicNameLookup {
  const key = canonicalName(name);
  const zone = zoneFor(catalogOf(world).serviceTags);
  const exact = zone.exact.get(key);
  if (exact) return { exists: true, records: exact, serviceTag: zone.tagOf.get(key) };
  const wild = zone.wildcards
    .filter((w) => key.endsWith(w.suffix) && key.length > w.suffix.length)
    .sort((a, b) => b.suffix.length - a.suffix.length)[0];
  if (wild) {
    return {
      exists: true,
      records: [{ name: key, type: "A", ttl: PUBLIC_TTL, data: wild.address }],
      serviceTag: wild.tag,
    };
  }
  const below = `.${key}`;
  for (const known of zone.exact.keys()) if (known.endsWith(below)) return { exists: true, records: [] };
  return { exists: false, records: [] };
}

/**
 * The public address a name finally resolves to on a world's public internet, or undefined.
 *
 * @example
 * publicAddressOf(world, "login.microsoftonline.com") // "20.190.128.1" with the built-in catalog
 */
export function publicAddressOf(world: Pick<World, "catalog">, name: string): string | undefined {
  let current = name;
  for (let hops = 0; hops < 8; hops++) {
    const record = lookupPublicName(world, current).records[0];
    if (!record) return undefined;
    if (record.type === "A") return record.data;
    current = record.data;
  }
  return undefined;
}
