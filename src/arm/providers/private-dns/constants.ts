/**
 * Types, record types, api-versions and limits of `Microsoft.Network/privateDnsZones`
 * [SPEC-PDNS, DOC-PDNS, facts §1 and §5].
 */
export {
  LIMITS,
  LINK_TYPE,
  RECORD_TYPES,
  type RecordType,
  recordSetType,
  recordTypeOf,
  VNET_TYPE,
  ZONE_TYPE,
} from "../../../rules/private-dns/types.js";

/** JS SDK 4.0.0 sends 2024-06-01; Azure CLI 2.45 sends 2020-06-01 [facts §1]. */
export const PRIVATE_DNS_API_VERSIONS = ["2018-09-01", "2020-01-01", "2020-06-01", "2024-06-01"] as const;

/** `resolutionPolicy` on links exists from 2024-06-01 [SPEC-PDNS]. */
export function hasResolutionPolicy(apiVersion: string): boolean {
  return apiVersion >= "2024-06-01";
}

/** The SOA record Azure creates with every private zone. */
export const DEFAULT_SOA = {
  host: "azureprivatedns.net",
  email: "azureprivatedns-host.microsoft.com",
  serialNumber: 1,
  refreshTime: 3600,
  retryTime: 300,
  expireTime: 2419200,
  minimumTtl: 10,
} as const;
