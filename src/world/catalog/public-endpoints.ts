import ipaddr from "ipaddr.js";
import { ARC_GLOBAL_NAMES, arcPrivateLinkNames } from "./arc-private-link.js";
import { REGIONS } from "./regions.js";
import { SERVICE_TAGS, type ServiceTagsFile } from "./service-tags.js";

/**
 * The public internet as arclink knows it: the public DNS records of the Arc, Entra ID,
 * ARM and companion host names, each ending at a public address inside the ranges of
 * its service tag. Arc names are public CNAMEs into their `privatelink.` names, which
 * publicly end at an A record — the standard private-link DNS model [DOC-PEDNS]; a
 * private zone linked to a vnet overrides the `privatelink.` name there.
 * Addresses are the k-th host of the tag's prefixes, k counted per tag in table order,
 * so they are deterministic for a given service tags file.
 *
 * @example
 * lookupPublicName("gbl.his.arc.azure.com").records
 * // → [{ name: "gbl.his.arc.azure.com", type: "CNAME", ttl: 300, data: "gbl.privatelink.his.arc.azure.com" }]
 */
export interface PublicRecord {
  name: string;
  type: "A" | "CNAME";
  ttl: number;
  data: string;
}

export interface PublicNameLookup {
  /** False when the name does not exist publicly (NXDOMAIN). */
  exists: boolean;
  records: PublicRecord[];
  /** The service tag of the address the name ends at, for A records. */
  serviceTag?: string;
}

/** One public name (exact, or a `*.` wildcard) and the tag its address comes from. */
export interface PublicEndpoint {
  name: string;
  serviceTag: string;
  /** Set for Arc names: the `privatelink.` name the public name is a CNAME to. */
  privateLinkName?: string;
}

export const PUBLIC_TTL = 300;
/** Where a resolver doing its own recursion sends its queries (a.root-servers.net). */
export const PUBLIC_ROOT_DNS_ADDRESS = "198.41.0.4";
/** Public recursive resolvers a DNS server may forward to; other public addresses run no DNS. */
export const PUBLIC_RESOLVER_ADDRESSES: readonly string[] = ["1.1.1.1", "1.0.0.1", "8.8.8.8", "8.8.4.4", "9.9.9.9"];

const ARC = "AzureArcInfrastructure";

/** Arc host names that can move behind a private endpoint, for every catalog region [DOC-PL §8]. */
function arcEndpoints(): PublicEndpoint[] {
  // Global names first, then each region's own: the order fixes every name's public address.
  const out = new Map<string, PublicEndpoint>();
  const names = [
    ...ARC_GLOBAL_NAMES,
    ...REGIONS.flatMap((r) => arcPrivateLinkNames(r.name).filter((n) => n.reach === "regional")),
  ];
  for (const n of names) out.set(n.fqdn, { name: n.fqdn, serviceTag: ARC, privateLinkName: n.privateLinkFqdn });
  return [...out.values()];
}

/** Names that stay public even with private link [DOC-NET §9, DOC-PROXY §10]. */
const OTHER_ENDPOINTS: readonly PublicEndpoint[] = [
  { name: "login.microsoftonline.com", serviceTag: "AzureActiveDirectory" },
  { name: "login.windows.net", serviceTag: "AzureActiveDirectory" },
  { name: "pas.windows.net", serviceTag: "AzureActiveDirectory" },
  { name: "*.login.microsoft.com", serviceTag: "AzureActiveDirectory" },
  { name: "management.azure.com", serviceTag: "AzureResourceManager" },
  { name: "guestnotificationservice.azure.com", serviceTag: ARC },
  { name: "*.guestnotificationservice.azure.com", serviceTag: ARC },
  { name: "*.servicebus.windows.net", serviceTag: "ServiceBus" },
  { name: "*.blob.core.windows.net", serviceTag: "Storage" },
  { name: "*.vault.azure.net", serviceTag: "AzureKeyVault" },
  { name: "*.ods.opinsights.azure.com", serviceTag: "AzureMonitor" },
  { name: "*.oms.opinsights.azure.com", serviceTag: "AzureMonitor" },
  { name: "global.handler.control.monitor.azure.com", serviceTag: "AzureMonitor" },
  { name: "*.handler.control.monitor.azure.com", serviceTag: "AzureMonitor" },
  { name: "dc.services.visualstudio.com", serviceTag: "AzureMonitor" },
  { name: "*.arcdataservices.com", serviceTag: ARC },
  { name: "*.waconazure.com", serviceTag: "WindowsAdminCenter" },
  { name: "download.microsoft.com", serviceTag: "AzureFrontDoor.Frontend" },
  { name: "packages.microsoft.com", serviceTag: "AzureFrontDoor.Frontend" },
  { name: "www.microsoft.com", serviceTag: "AzureFrontDoor.Frontend" },
  { name: "dls.microsoft.com", serviceTag: "AzureFrontDoor.Frontend" },
];

export const PUBLIC_ENDPOINTS: readonly PublicEndpoint[] = [...arcEndpoints(), ...OTHER_ENDPOINTS];

interface PublicZone {
  exact: Map<string, PublicRecord[]>;
  wildcards: { suffix: string; address: string; tag: string }[];
  tagOf: Map<string, string>;
}

/** The k-th usable IPv4 host address across a tag's prefixes (skips network addresses). */
function hostInTag(file: ServiceTagsFile, tag: string, k: number): string {
  const entry = file.values.find((v) => v.name.toLowerCase() === tag.toLowerCase());
  if (!entry) throw new Error(`Service tag "${tag}" is not in the service tags file; cannot place public names.`);
  let left = k;
  for (const prefix of entry.properties.addressPrefixes) {
    const [net, bits] = ipaddr.parseCIDR(prefix);
    if (net.kind() !== "ipv4" || bits > 30) continue;
    const usable = 2 ** (32 - bits) - 2;
    if (left < usable) {
      const base = ipaddr.IPv4.networkAddressFromCIDR(prefix).toByteArray();
      const n = ((base[0] << 24) | (base[1] << 16) | (base[2] << 8) | base[3]) + 1 + left;
      return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");
    }
    left -= usable;
  }
  throw new Error(`Service tag "${tag}" has too few IPv4 addresses for ${k + 1} public names.`);
}

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

/** Cached per `values` array: `installServiceTags` swaps that array in place of the old one. */
const zones = new WeakMap<ServiceTagsFile["values"], PublicZone>();

function zoneFor(file: ServiceTagsFile): PublicZone {
  let zone = zones.get(file.values);
  if (!zone) {
    zone = buildZone(file);
    zones.set(file.values, zone);
  }
  return zone;
}

/**
 * The public records at exactly `name` (one authoritative step: a CNAME is returned,
 * not followed). Exact names win over wildcards; a name above known names exists
 * with no records (an empty non-terminal); anything else does not exist.
 */
export function lookupPublicName(name: string, file: ServiceTagsFile = SERVICE_TAGS): PublicNameLookup {
  const key = name.toLowerCase().replace(/\.$/, "");
  const zone = zoneFor(file);
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

/** The public address a name finally resolves to on the public internet, or undefined. */
export function publicAddressOf(name: string, file: ServiceTagsFile = SERVICE_TAGS): string | undefined {
  let current = name;
  for (let hops = 0; hops < 8; hops++) {
    const record = lookupPublicName(current, file).records[0];
    if (!record) return undefined;
    if (record.type === "A") return record.data;
    current = record.data;
  }
  return undefined;
}
