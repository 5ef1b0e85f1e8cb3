/** Resource types of the Microsoft.Network namespace that this provider serves [JS-NET]. */
export const VNET_TYPE = "Microsoft.Network/virtualNetworks";
export const SUBNET_TYPE = "Microsoft.Network/virtualNetworks/subnets";
export const PEERING_TYPE = "Microsoft.Network/virtualNetworks/virtualNetworkPeerings";
export const NSG_TYPE = "Microsoft.Network/networkSecurityGroups";
export const SECURITY_RULE_TYPE = "Microsoft.Network/networkSecurityGroups/securityRules";
export const DEFAULT_SECURITY_RULE_TYPE = "Microsoft.Network/networkSecurityGroups/defaultSecurityRules";
export const PRIVATE_ENDPOINT_TYPE = "Microsoft.Network/privateEndpoints";
export const ZONE_GROUP_TYPE = "Microsoft.Network/privateEndpoints/privateDnsZoneGroups";
export const NIC_TYPE = "Microsoft.Network/networkInterfaces";
export const SERVICE_TAGS_TYPE = "Microsoft.Network/locations/serviceTags";
/** Types of other providers this one reads or writes. */
export const PRIVATE_ZONE_TYPE = "Microsoft.Network/privateDnsZones";
export const A_RECORD_TYPE = "Microsoft.Network/privateDnsZones/A";
export const SCOPE_TYPE = "Microsoft.HybridCompute/privateLinkScopes";
export const SCOPE_CONNECTION_TYPE = "Microsoft.HybridCompute/privateLinkScopes/privateEndpointConnections";
export const INBOUND_ENDPOINT_TYPE = "Microsoft.Network/dnsResolvers/inboundEndpoints";
