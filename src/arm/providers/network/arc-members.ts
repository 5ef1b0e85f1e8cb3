import { findRegion } from "../../../world/index.js";

/**
 * The members of an Azure Arc private link scope's `hybridcompute` private link
 * resource, one per FQDN a private endpoint serves, for the **scope's** region
 * [facts §8, DOC-PL, ISS-99004, ISS-97610]. Azure allocates one address per member of
 * a multi-member resource; arclink does the same, in this order. Member names are
 * arclink's own (Azure's are not documented: the spec examples contradict each other,
 * facts §12). A region without a known HIS short code has no regional HIS member.
 *
 * @example
 * arcMembers("westeurope").map((m) => m.fqdn)
 * // → ["gbl.his.arc.azure.com", "weu.his.arc.azure.com", "agentserviceapi.guestconfiguration.azure.com",
 * //    "westeurope-gas.guestconfiguration.azure.com", "westeurope.dp.kubernetesconfiguration.azure.com"]
 */
export interface ArcMember {
  memberName: string;
  fqdn: string;
  /** The private DNS zone that holds the member's record, e.g. `privatelink.his.arc.azure.com`. */
  privateZone: string;
  /** The record's name relative to that zone, e.g. `gbl`. */
  recordName: string;
}

export const ARC_GROUP_ID = "hybridcompute";

export const ARC_ZONES = {
  his: "privatelink.his.arc.azure.com",
  guestConfiguration: "privatelink.guestconfiguration.azure.com",
  kubernetesConfiguration: "privatelink.dp.kubernetesconfiguration.azure.com",
} as const;

function member(memberName: string, recordName: string, privateZone: string): ArcMember {
  const publicZone = privateZone.replace(/^privatelink\./, "");
  return { memberName, fqdn: `${recordName}.${publicZone}`, privateZone, recordName };
}

export function arcMembers(scopeLocation: string): ArcMember[] {
  const region = findRegion(scopeLocation);
  const name = region?.name ?? scopeLocation.toLowerCase();
  return [
    member("HisGlobal", "gbl", ARC_ZONES.his),
    ...(region?.hisCode ? [member("HisRegional", region.hisCode, ARC_ZONES.his)] : []),
    member("GuestConfigurationGlobal", "agentserviceapi", ARC_ZONES.guestConfiguration),
    member("GuestConfigurationRegional", `${name}-gas`, ARC_ZONES.guestConfiguration),
    member("KubernetesConfigurationRegional", name, ARC_ZONES.kubernetesConfiguration),
  ];
}

/** The members whose records belong in a zone (compared case-insensitively, trailing dot ignored). */
export function membersInZone<T extends ArcMember>(members: readonly T[], zoneName: string): T[] {
  const zone = zoneName.toLowerCase().replace(/\.$/, "");
  return members.filter((m) => m.privateZone === zone);
}
