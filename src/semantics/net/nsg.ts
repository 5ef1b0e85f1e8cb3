import type { World } from "../../world/world.js";
import { readSecurityRules, type SecurityRule } from "../model/network.js";
import { AZURE_DNS_ADDRESS, inPrefix, isPublicAddress, portMatches } from "./cidr.js";
import type { NetStep, Protocol } from "./reach-types.js";
import { inServiceTag } from "./service-tag-match.js";
import { virtualNetworkTagPrefixes } from "./topology.js";

export interface NsgFlow {
  direction: "Inbound" | "Outbound";
  /** The vnet the NSG's subnet belongs to: it defines the `VirtualNetwork` tag. */
  virtualNetworkId: string;
  sourceAddress: string;
  destinationAddress: string;
  port: number;
  protocol: Protocol;
}

export interface NsgVerdict {
  allowed: boolean;
  step: NetStep;
}

/** The six default rules every NSG carries [EX-NET NSG example, facts §4.4]. */
const DEFAULT_RULES: readonly SecurityRule[] = [
  rule("AllowVnetInBound", "Inbound", 65000, "Allow", "VirtualNetwork", "VirtualNetwork"),
  rule("AllowAzureLoadBalancerInBound", "Inbound", 65001, "Allow", "AzureLoadBalancer", "*"),
  rule("DenyAllInBound", "Inbound", 65500, "Deny", "*", "*"),
  rule("AllowVnetOutBound", "Outbound", 65000, "Allow", "VirtualNetwork", "VirtualNetwork"),
  rule("AllowInternetOutBound", "Outbound", 65001, "Allow", "*", "Internet"),
  rule("DenyAllOutBound", "Outbound", 65500, "Deny", "*", "*"),
];

function rule(
  name: string,
  direction: "Inbound" | "Outbound",
  priority: number,
  access: "Allow" | "Deny",
  source: string,
  destination: string,
): SecurityRule {
  return {
    name,
    direction,
    priority,
    access,
    protocol: "*",
    sourceAddressPrefixes: [source],
    destinationAddressPrefixes: [destination],
    destinationPortRanges: ["*"],
  };
}

/** Address prefix tokens: `*`, CIDR, address, `VirtualNetwork`, `Internet`, `AzureLoadBalancer`, service tags. */
function prefixMatches(world: World, vnetId: string, token: string, address: string): boolean {
  const t = token.trim();
  const lower = t.toLowerCase();
  if (t === "*" || lower === "any") return true;
  if (/^[0-9a-f:.]+(\/\d+)?$/i.test(t)) return inPrefix(address, t);
  if (lower === "virtualnetwork") return virtualNetworkTagPrefixes(world, vnetId).some((p) => inPrefix(address, p));
  if (lower === "internet") {
    return isPublicAddress(address) && !virtualNetworkTagPrefixes(world, vnetId).some((p) => inPrefix(address, p));
  }
  if (lower === "azureloadbalancer") return address === AZURE_DNS_ADDRESS;
  return inServiceTag(world, t, address);
}

function ruleMatches(world: World, r: SecurityRule, flow: NsgFlow): boolean {
  if (r.direction !== flow.direction) return false;
  if (r.protocol !== "*" && r.protocol.toLowerCase() !== flow.protocol.toLowerCase()) return false;
  if (!portMatches(r.destinationPortRanges, flow.port)) return false;
  const any = (tokens: string[], address: string) =>
    tokens.length === 0 || tokens.some((t) => prefixMatches(world, flow.virtualNetworkId, t, address));
  return any(r.sourceAddressPrefixes, flow.sourceAddress) && any(r.destinationAddressPrefixes, flow.destinationAddress);
}

/**
 * Evaluates an NSG for one flow: custom and default rules by priority, lowest first,
 * first match decides [facts §4.4]. A missing NSG resource allows (nothing to apply).
 */
export function evaluateNsg(world: World, nsgId: string, flow: NsgFlow): NsgVerdict {
  const custom = readSecurityRules(world, nsgId);
  if (!custom) return { allowed: true, step: { kind: "nsg-not-applied", detail: `NSG "${nsgId}" does not exist` } };
  const rules = [...custom, ...DEFAULT_RULES].sort((a, b) => a.priority - b.priority || (a.name < b.name ? -1 : 1));
  const hit = rules.find((r) => ruleMatches(world, r, flow))!;
  const what = `${flow.direction.toLowerCase()} ${flow.protocol} ${flow.sourceAddress} → ${flow.destinationAddress}:${flow.port}`;
  return {
    allowed: hit.access === "Allow",
    step: {
      kind: "nsg-rule",
      detail: `NSG "${nsgId}" rule "${hit.name}" (priority ${hit.priority}) ${hit.access.toLowerCase()}s ${what}`,
    },
  };
}
