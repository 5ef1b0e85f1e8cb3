import type { Rule } from "../rule.js";
import { subnetAddressPrefixes, subnetInUseUpdate, vnetAddressSpace } from "./address-rules.js";
import { nicInUse, nsgInUse, subnetInUse } from "./in-use.js";
import { peeringRemote } from "./peering-rules.js";
import { oneScopePerVirtualNetwork, privateEndpointGroupId, privateEndpointSubnet } from "./private-endpoint-rules.js";
import { securityRuleAddresses, securityRuleConflict, securityRulePriority } from "./security-rules.js";
import { subnetNsgReference } from "./subnet-nsg-reference.js";
import { oneZoneGroupPerEndpoint, zoneGroupZonesExist } from "./zone-group-rules.js";

/** The Microsoft.Network rules, in the order they are checked. */
export const NETWORK_RULES: readonly Rule[] = [
  // Addresses: valid CIDRs, subnets inside the vnet and apart, addresses in use kept.
  vnetAddressSpace,
  subnetAddressPrefixes,
  subnetInUseUpdate,
  subnetNsgReference,
  peeringRemote,
  // NSG rules: priority range and uniqueness, addresses and service tags.
  securityRulePriority,
  securityRuleConflict,
  securityRuleAddresses,
  // Private endpoints to Arc scopes [DOC-PL].
  privateEndpointSubnet,
  privateEndpointGroupId,
  oneScopePerVirtualNetwork,
  oneZoneGroupPerEndpoint,
  zoneGroupZonesExist,
  // Deleting what others use.
  subnetInUse,
  nsgInUse,
  nicInUse,
];

export { allocateAddresses } from "./ip-allocation.js";
export { propertyChangeNotAllowed, referenceInOtherRegion, referenceNotFound } from "./network-errors.js";
export { ARC_GROUP_ID } from "./private-endpoint-rules.js";
export { DEFAULT_TAGS, validSinglePrefix } from "./security-rules.js";
