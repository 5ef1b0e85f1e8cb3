import { idKey, parentId, type Resource, type World } from "../../../world/index.js";
import type { TypeHandler } from "../provider.js";
import { bodyEtag, type Json } from "./body.js";
import { NETWORK_API_VERSIONS } from "./network-api-versions.js";
import { DEFAULT_SECURITY_RULE_TYPE, NSG_TYPE } from "./network-types.js";

/** The six rules every NSG has, read-only [EX-NET NetworkSecurityGroupCreateWithRule, facts §4.4]. */
export const DEFAULT_SECURITY_RULES = [
  [
    "AllowVnetInBound",
    "Allow inbound traffic from all VMs in VNET",
    "Allow",
    65000,
    "Inbound",
    "VirtualNetwork",
    "VirtualNetwork",
  ],
  [
    "AllowAzureLoadBalancerInBound",
    "Allow inbound traffic from azure load balancer",
    "Allow",
    65001,
    "Inbound",
    "AzureLoadBalancer",
    "*",
  ],
  ["DenyAllInBound", "Deny all inbound traffic", "Deny", 65500, "Inbound", "*", "*"],
  [
    "AllowVnetOutBound",
    "Allow outbound traffic from all VMs to all VMs in VNET",
    "Allow",
    65000,
    "Outbound",
    "VirtualNetwork",
    "VirtualNetwork",
  ],
  [
    "AllowInternetOutBound",
    "Allow outbound traffic from all VMs to Internet",
    "Allow",
    65001,
    "Outbound",
    "*",
    "Internet",
  ],
  ["DenyAllOutBound", "Deny all outbound traffic", "Deny", 65500, "Outbound", "*", "*"],
] as const;

/** The properties of one default rule, as Azure reports them. */
export function defaultRuleProperties(index: number): Json {
  const [, description, access, priority, direction, source, destination] = DEFAULT_SECURITY_RULES[index];
  return {
    description,
    protocol: "*",
    sourcePortRange: "*",
    destinationPortRange: "*",
    sourceAddressPrefix: source,
    destinationAddressPrefix: destination,
    access,
    priority,
    direction,
    sourcePortRanges: [],
    destinationPortRanges: [],
    sourceAddressPrefixes: [],
    destinationAddressPrefixes: [],
    provisioningState: "Succeeded",
  };
}

export function defaultRulesView(nsg: Resource): Json[] {
  return DEFAULT_SECURITY_RULES.map(([name], i) => ({
    id: `${nsg.id}/defaultSecurityRules/${name}`,
    name,
    etag: bodyEtag(nsg),
    type: DEFAULT_SECURITY_RULE_TYPE,
    properties: defaultRuleProperties(i),
  }));
}

function nsgOf(world: World, id: string): Resource | undefined {
  const r = world.get(id);
  return r && idKey(r.type) === idKey(NSG_TYPE) ? r : undefined;
}

/** `.../networkSecurityGroups/{nsg}/defaultSecurityRules[/{name}]`: computed, GET only. */
export const defaultSecurityRules: TypeHandler = {
  type: DEFAULT_SECURITY_RULE_TYPE,
  kind: "virtual",
  apiVersions: NETWORK_API_VERSIONS,
  get(ctx, id) {
    const nsg = nsgOf(ctx.world, parentId(id)!);
    return nsg ? defaultRulesView(nsg).find((r) => String(r.name).toLowerCase() === id.name.toLowerCase()) : undefined;
  },
  list(ctx, parent) {
    const nsg = nsgOf(ctx.world, parent);
    return nsg ? defaultRulesView(nsg) : [];
  },
};
