/**
 * Every resource type arclink serves or reads, spelled once in canonical case (types
 * compare case-insensitively: use `typeKey` to compare).
 */
export const RESOURCE_TYPES = {
  resourceGroup: "Microsoft.Resources/resourceGroups",
  subscription: "Microsoft.Resources/subscriptions",
  privateLinkScope: "Microsoft.HybridCompute/privateLinkScopes",
  privateEndpointConnection: "Microsoft.HybridCompute/privateLinkScopes/privateEndpointConnections",
  privateLinkResource: "Microsoft.HybridCompute/privateLinkScopes/privateLinkResources",
  machine: "Microsoft.HybridCompute/machines",
  virtualNetwork: "Microsoft.Network/virtualNetworks",
  subnet: "Microsoft.Network/virtualNetworks/subnets",
  peering: "Microsoft.Network/virtualNetworks/virtualNetworkPeerings",
  networkSecurityGroup: "Microsoft.Network/networkSecurityGroups",
  securityRule: "Microsoft.Network/networkSecurityGroups/securityRules",
  defaultSecurityRule: "Microsoft.Network/networkSecurityGroups/defaultSecurityRules",
  networkInterface: "Microsoft.Network/networkInterfaces",
  privateEndpoint: "Microsoft.Network/privateEndpoints",
  privateDnsZoneGroup: "Microsoft.Network/privateEndpoints/privateDnsZoneGroups",
  privateDnsZone: "Microsoft.Network/privateDnsZones",
  privateDnsZoneLink: "Microsoft.Network/privateDnsZones/virtualNetworkLinks",
  privateDnsARecordSet: "Microsoft.Network/privateDnsZones/A",
  dnsResolver: "Microsoft.Network/dnsResolvers",
  inboundEndpoint: "Microsoft.Network/dnsResolvers/inboundEndpoints",
  outboundEndpoint: "Microsoft.Network/dnsResolvers/outboundEndpoints",
  forwardingRuleset: "Microsoft.Network/dnsForwardingRulesets",
  forwardingRule: "Microsoft.Network/dnsForwardingRulesets/forwardingRules",
  forwardingRulesetLink: "Microsoft.Network/dnsForwardingRulesets/virtualNetworkLinks",
  site: "Arclink.OnPremises/sites",
  siteDnsServer: "Arclink.OnPremises/sites/dnsServers",
  siteProxy: "Arclink.OnPremises/sites/proxies",
  siteHost: "Arclink.OnPremises/sites/hosts",
} as const;
