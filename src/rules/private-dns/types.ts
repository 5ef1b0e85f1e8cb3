import { RESOURCE_TYPES } from "../../world/resource-types.js";
/**
 * Resource types and documented limits of Azure Private DNS [SPEC-PDNS, DOC-PDNS,
 * facts §5]. The ARM handlers (src/arm/providers/private-dns/) re-export these.
 */
export const ZONE_TYPE = RESOURCE_TYPES.privateDnsZone;
export const LINK_TYPE = RESOURCE_TYPES.privateDnsZoneLink;
export const VNET_TYPE = RESOURCE_TYPES.virtualNetwork;

/** The recordType enum of the spec (`modelAsString: false`). */
export const RECORD_TYPES = ["A", "AAAA", "CNAME", "MX", "PTR", "SOA", "SRV", "TXT"] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** `Microsoft.Network/privateDnsZones/A` etc. */
export function recordSetType(recordType: RecordType): string {
  return `${ZONE_TYPE}/${recordType}`;
}

export const RECORD_SET_TYPES: readonly string[] = RECORD_TYPES.map(recordSetType);

/** The record type of a record-set resource type, or undefined for other types. */
export function recordTypeOf(type: string): RecordType | undefined {
  const [ns, parent, child, ...rest] = type.split("/");
  if (rest.length || `${ns}/${parent}`.toLowerCase() !== ZONE_TYPE.toLowerCase() || !child) return undefined;
  return RECORD_TYPES.find((t) => t === child.toUpperCase());
}

/** Limits [DOC-PDNS "Limits"]. */
export const LIMITS = {
  zonesPerSubscription: 1000,
  recordSetsPerZone: 25000,
  recordsPerRecordSet: 20,
  linksPerZone: 1000,
  registrationLinksPerZone: 100,
  registrationZonesPerVnet: 1,
  zonesPerVnet: 1000,
} as const;

/** The zone id of a record set or link: its id without the last type/name pair. */
export function zoneIdOf(childId: string): string {
  return childId.split("/").slice(0, -2).join("/");
}

/** The last segment of an id. */
export function nameOf(id: string): string {
  return id.split("/").pop() ?? id;
}

/** The `{id}` reference of a link's virtual network. */
export function linkedVnetId(link: { properties: Record<string, unknown> }): string | undefined {
  const ref = link.properties.virtualNetwork as { id?: unknown } | undefined;
  return typeof ref?.id === "string" ? ref.id : undefined;
}
