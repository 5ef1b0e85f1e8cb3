import { findRegion } from "./regions.js";

/**
 * The Arc host names a private endpoint of a `hybridcompute` private link scope takes over,
 * and the DNS zones they live in [facts §8; DOC-PL, DOC-PEDNS, POL-DNS, ISS-99004, ISS-97610].
 * The public zone is what an on-premises server conditionally forwards; the `privatelink.`
 * zone holds the private endpoint's A records; each public name is a CNAME into its
 * `privatelink.` name. The Kubernetes configuration zone is optional for servers [DOC-PL].
 * Every plane that needs these names takes them from here.
 */
export interface ArcZone {
  key: "his" | "guestconfiguration" | "kubernetesconfiguration";
  /** The public zone, e.g. `his.arc.azure.com`. */
  publicZone: string;
  /** The private DNS zone, e.g. `privatelink.his.arc.azure.com`. */
  privateZone: string;
  optional: boolean;
}

/** The group id of an Azure Arc private link scope's one private link resource [SPEC-PLS, DOC-PL]. */
export const ARC_GROUP_ID = "hybridcompute";

export const ARC_ZONES: readonly ArcZone[] = [
  { key: "his", publicZone: "his.arc.azure.com", privateZone: "privatelink.his.arc.azure.com", optional: false },
  {
    key: "guestconfiguration",
    publicZone: "guestconfiguration.azure.com",
    privateZone: "privatelink.guestconfiguration.azure.com",
    optional: false,
  },
  {
    key: "kubernetesconfiguration",
    publicZone: "dp.kubernetesconfiguration.azure.com",
    privateZone: "privatelink.dp.kubernetesconfiguration.azure.com",
    optional: true,
  },
];

const ZONE = Object.fromEntries(ARC_ZONES.map((z) => [z.key, z])) as Record<ArcZone["key"], ArcZone>;

export interface ArcPrivateLinkName {
  /** The public name the agent asks for, e.g. `gbl.his.arc.azure.com`. */
  fqdn: string;
  zone: ArcZone;
  /** The record's name in the `privatelink.` zone, e.g. `gbl`. */
  recordName: string;
  /** The `privatelink.` name the public name is a CNAME to. */
  privateLinkFqdn: string;
  /** arclink's name for the private link resource member (Azure's are undocumented, facts §12). */
  member: string;
  /** Global names serve every region; regional ones name the region (or its HIS short code). */
  reach: "global" | "regional";
}

function nameEntry(
  recordName: string,
  key: ArcZone["key"],
  member: string,
  reach: "global" | "regional",
): ArcPrivateLinkName {
  const zone = ZONE[key];
  return {
    fqdn: `${recordName}.${zone.publicZone}`,
    zone,
    recordName,
    privateLinkFqdn: `${recordName}.${zone.privateZone}`,
    member,
    reach,
  };
}

/** The global names, the same for every region. */
export const ARC_GLOBAL_NAMES: readonly ArcPrivateLinkName[] = [
  nameEntry("gbl", "his", "HisGlobal", "global"),
  nameEntry("agentserviceapi", "guestconfiguration", "GuestConfigurationGlobal", "global"),
];

/**
 * The names for a region, in the order a private endpoint allocates its addresses: global and
 * regional HIS (short code; a region without a known code has none), global and regional
 * guest configuration (`<region>-gas`), regional Kubernetes configuration.
 *
 * @example
 * arcPrivateLinkNames("westeurope").map((n) => n.fqdn)
 * // → ["gbl.his.arc.azure.com", "weu.his.arc.azure.com", "agentserviceapi.guestconfiguration.azure.com",
 * //    "westeurope-gas.guestconfiguration.azure.com", "westeurope.dp.kubernetesconfiguration.azure.com"]
 */
export function arcPrivateLinkNames(location: string): ArcPrivateLinkName[] {
  const region = findRegion(location);
  const name = region?.name ?? location.toLowerCase().replace(/\s+/g, "");
  return [
    ARC_GLOBAL_NAMES[0],
    ...(region?.hisCode ? [nameEntry(region.hisCode, "his", "HisRegional", "regional")] : []),
    ARC_GLOBAL_NAMES[1],
    nameEntry(`${name}-gas`, "guestconfiguration", "GuestConfigurationRegional", "regional"),
    nameEntry(name, "kubernetesconfiguration", "KubernetesConfigurationRegional", "regional"),
  ];
}
