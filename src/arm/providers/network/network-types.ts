import { RESOURCE_TYPES } from "../../../world/resource-types.js";
/** Resource types of the Microsoft.Network namespace that this provider serves [JS-NET]. */
export const VNET_TYPE = RESOURCE_TYPES.virtualNetwork;
export const SUBNET_TYPE = RESOURCE_TYPES.subnet;
export const PEERING_TYPE = RESOURCE_TYPES.peering;
export const NSG_TYPE = RESOURCE_TYPES.networkSecurityGroup;
export const SECURITY_RULE_TYPE = RESOURCE_TYPES.securityRule;
export const DEFAULT_SECURITY_RULE_TYPE = RESOURCE_TYPES.defaultSecurityRule;
export const PRIVATE_ENDPOINT_TYPE = RESOURCE_TYPES.privateEndpoint;
export const ZONE_GROUP_TYPE = RESOURCE_TYPES.privateDnsZoneGroup;
export const NIC_TYPE = RESOURCE_TYPES.networkInterface;
export const SERVICE_TAGS_TYPE = "Microsoft.Network/locations/serviceTags";
/** Types of other providers this one reads or writes. */
export const PRIVATE_ZONE_TYPE = RESOURCE_TYPES.privateDnsZone;
export const A_RECORD_TYPE = RESOURCE_TYPES.privateDnsARecordSet;
export const SCOPE_TYPE = RESOURCE_TYPES.privateLinkScope;
export const SCOPE_CONNECTION_TYPE = RESOURCE_TYPES.privateEndpointConnection;
export const INBOUND_ENDPOINT_TYPE = RESOURCE_TYPES.inboundEndpoint;
