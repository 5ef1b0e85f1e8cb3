import { ARC_GROUP_ID, arcPrivateLinkNames } from "../../../world/catalog/arc-private-link.js";

export { ARC_GROUP_ID };

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

/** The names of `arcPrivateLinkNames` (src/world/catalog), as members of the private link resource. */
export function arcMembers(scopeLocation: string): ArcMember[] {
  return arcPrivateLinkNames(scopeLocation).map((n) => ({
    memberName: n.member,
    fqdn: n.fqdn,
    privateZone: n.zone.privateZone,
    recordName: n.recordName,
  }));
}

/** The members whose records belong in a zone (compared case-insensitively, trailing dot ignored). */
export function membersInZone<T extends ArcMember>(members: readonly T[], zoneName: string): T[] {
  const zone = zoneName.toLowerCase().replace(/\.$/, "");
  return members.filter((m) => m.privateZone === zone);
}
