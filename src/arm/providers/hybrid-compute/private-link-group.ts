/**
 * The one private link group of an Arc private link scope [SPEC-PLS, POL-DNS, DOC-PL].
 * `requiredMembers`: the spec's Get and List examples disagree
 * (`HybridCompute.Server`… vs `HybridCompute.ServerDP`…); arclink uses the List
 * example's names, whose `DP` suffix is consistent across all three. Zone names are the
 * docs' (`privatelink.dp.kubernetesconfiguration.azure.com`,
 * `privatelink.guestconfiguration.azure.com`), not the examples' misspelt ones
 * [facts §8, SOURCES.md quirks].
 */
export const HYBRID_COMPUTE_GROUP_ID = "hybridcompute";

export const HYBRID_COMPUTE_REQUIRED_MEMBERS: readonly string[] = [
  "HybridCompute.ServerDP",
  "HybridCompute.K8sConfigurationDP",
  "HybridCompute.GuestConfigDP",
];

export const HYBRID_COMPUTE_ZONE_NAMES: readonly string[] = [
  "privatelink.his.arc.azure.com",
  "privatelink.guestconfiguration.azure.com",
  "privatelink.dp.kubernetesconfiguration.azure.com",
];

/** `privateLinkServiceConnectionState.status` values [SPEC-PLS examples, ARM private link]. */
export const CONNECTION_STATUSES = ["Approved", "Pending", "Rejected", "Disconnected"] as const;
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];
