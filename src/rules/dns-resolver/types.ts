import { RESOURCE_TYPES } from "../../world/resource-types.js";
/** DNS Private Resolver types [JS-DNSR, DNSR-README, facts §6]. */
export const RESOLVER_TYPE = RESOURCE_TYPES.dnsResolver;
export const INBOUND_TYPE = RESOURCE_TYPES.inboundEndpoint;
export const OUTBOUND_TYPE = RESOURCE_TYPES.outboundEndpoint;
export const RULESET_TYPE = RESOURCE_TYPES.forwardingRuleset;
export const RULE_TYPE = RESOURCE_TYPES.forwardingRule;
export const RULESET_LINK_TYPE = RESOURCE_TYPES.forwardingRulesetLink;
export const VNET_TYPE = RESOURCE_TYPES.virtualNetwork;
export const SUBNET_TYPE = RESOURCE_TYPES.subnet;
export const NIC_TYPE = RESOURCE_TYPES.networkInterface;
export const PRIVATE_ENDPOINT_TYPE = RESOURCE_TYPES.privateEndpoint;

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
