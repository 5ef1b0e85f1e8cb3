import type { World } from "../../world/world.js";
import type { FirewallRule, Site } from "../model/premises.js";
import { canonicalName } from "../model/read-json.js";
import { inAnyPrefix, portMatches } from "./cidr.js";
import type { NetStep, Protocol } from "./reach-types.js";
import { inServiceTag } from "./service-tag-match.js";

export interface EgressFlow {
  sourceAddress: string;
  destinationAddress: string;
  port: number;
  protocol: Protocol;
  /** The host name the client asked for (TLS SNI / CONNECT host), for FQDN rules. */
  requestedName?: string;
}

/** `exact.name` or `*.suffix` (subdomains only), case-insensitive; `*` alone matches any name. */
export function fqdnMatches(pattern: string, name: string): boolean {
  const p = canonicalName(pattern);
  const n = canonicalName(name);
  if (p === "*") return true;
  return p.startsWith("*.") ? n.endsWith(p.slice(1)) : n === p;
}

function destinationMatches(world: Pick<World, "catalog">, rule: FirewallRule, flow: EgressFlow): boolean {
  const kinds = [rule.destinationAddressPrefixes, rule.destinationServiceTags, rule.destinationFqdns];
  if (kinds.every((k) => k === undefined)) return true;
  // A rule with several destination kinds matches when any of them matches (premises.md).
  if (rule.destinationAddressPrefixes && inAnyPrefix(flow.destinationAddress, rule.destinationAddressPrefixes))
    return true;
  if (rule.destinationServiceTags?.some((t) => inServiceTag(world, t, flow.destinationAddress))) return true;
  const name = flow.requestedName;
  return name !== undefined && (rule.destinationFqdns?.some((f) => fqdnMatches(f, name)) ?? false);
}

function ruleMatches(world: Pick<World, "catalog">, rule: FirewallRule, flow: EgressFlow): boolean {
  if (rule.protocol !== "Any" && rule.protocol !== flow.protocol) return false;
  if (rule.sourceAddressPrefixes && !inAnyPrefix(flow.sourceAddress, rule.sourceAddressPrefixes)) return false;
  return portMatches(rule.destinationPorts, flow.port) && destinationMatches(world, rule, flow);
}

/** The site's egress firewall: ordered rules, first match wins, else the default action (premises.md). */
export function evaluateEgressFirewall(
  world: Pick<World, "catalog">,
  site: Site,
  flow: EgressFlow,
): { allowed: boolean; step: NetStep } {
  const what = `${flow.protocol} ${flow.sourceAddress} → ${flow.destinationAddress}:${flow.port}${
    flow.requestedName ? ` (${flow.requestedName})` : ""
  }`;
  const hit = site.rules.find((r) => ruleMatches(world, r, flow));
  if (hit) {
    return {
      allowed: hit.action === "Allow",
      step: {
        kind: "firewall-rule",
        detail: `firewall rule "${hit.name}" of "${site.id}" ${hit.action.toLowerCase()}s ${what}`,
      },
    };
  }
  return {
    allowed: site.defaultAction === "Allow",
    step: {
      kind: "firewall-default",
      detail: `no firewall rule of "${site.id}" matches ${what}; default ${site.defaultAction}`,
    },
  };
}
