/** DNS Private Resolver types [JS-DNSR, DNSR-README, facts §6]. */
export const RESOLVER_TYPE = "Microsoft.Network/dnsResolvers";
export const INBOUND_TYPE = "Microsoft.Network/dnsResolvers/inboundEndpoints";
export const OUTBOUND_TYPE = "Microsoft.Network/dnsResolvers/outboundEndpoints";
export const RULESET_TYPE = "Microsoft.Network/dnsForwardingRulesets";
export const RULE_TYPE = "Microsoft.Network/dnsForwardingRulesets/forwardingRules";
export const RULESET_LINK_TYPE = "Microsoft.Network/dnsForwardingRulesets/virtualNetworkLinks";
export const VNET_TYPE = "Microsoft.Network/virtualNetworks";
export const SUBNET_TYPE = "Microsoft.Network/virtualNetworks/subnets";
export const NIC_TYPE = "Microsoft.Network/networkInterfaces";
export const PRIVATE_ENDPOINT_TYPE = "Microsoft.Network/privateEndpoints";

/** The `{id}` inside a sub-resource reference. */
export function refId(value: unknown): string | undefined {
  const id = (value as { id?: unknown } | undefined)?.id;
  return typeof id === "string" ? id : undefined;
}

/** The parent id of a child resource id. */
export function parentOf(id: string): string {
  return id.split("/").slice(0, -2).join("/");
}

export function nameOf(id: string): string {
  return id.split("/").pop() ?? id;
}
