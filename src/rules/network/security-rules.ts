import { isAddressOrCidr } from "../../semantics/net/cidr.js";
import { catalogOf } from "../../world/catalog/catalog.js";
import { findServiceTag } from "../../world/catalog/service-tags.js";
import type { Resource, World } from "../../world/index.js";
import { ArmError } from "../errors.js";
import type { Rule } from "../rule.js";
import { parentOf, SECURITY_RULE_TYPE } from "./read.js";

/** Tags NSGs understand that are not in the service tags file [Azure NSG docs]. */
export const DEFAULT_TAGS = ["*", "VirtualNetwork", "Internet", "AzureLoadBalancer"] as const;

/** True for `*`, a default tag, a service tag of the world's catalog (incl. `<Tag>.<Region>`), an address or a CIDR. */
export function validSinglePrefix(world: World, value: string): boolean {
  return (
    DEFAULT_TAGS.some((t) => t.toLowerCase() === value.toLowerCase()) ||
    findServiceTag(value, catalogOf(world).serviceTags) !== undefined ||
    isAddressOrCidr(value)
  );
}

/** Priorities 100–4096 [JS-NET SecurityRule, facts §4.4]. */
export const securityRulePriority: Rule = {
  name: "security-rule-priority",
  source: "JS-NET",
  types: [SECURITY_RULE_TYPE],
  checkPut(_after, rule) {
    const priority = rule.properties.priority;
    if (typeof priority === "number" && priority >= 100 && priority <= 4096) return undefined;
    return new ArmError(
      "SecurityRuleInvalidPriority",
      `Security rule '${rule.name}' has invalid Priority. Value provided: ${String(priority)}. Allowed range 100-4096.`,
      "properties.priority",
    );
  },
};

/** No two rules of an NSG share priority and direction [Azure SecurityRuleConflict]. */
export const securityRuleConflict: Rule = {
  name: "security-rule-conflict",
  source: "JS-NET",
  types: [SECURITY_RULE_TYPE],
  checkPut(after, rule) {
    const nsgId = parentOf(rule.id);
    if (!nsgId) return undefined;
    const other = after
      .under(nsgId, SECURITY_RULE_TYPE)
      .find(
        (r: Resource) =>
          r.id.toLowerCase() !== rule.id.toLowerCase() &&
          r.properties.priority === rule.properties.priority &&
          r.properties.direction === rule.properties.direction,
      );
    if (!other) return undefined;
    return new ArmError(
      "SecurityRuleConflict",
      `Security rule ${rule.name} conflicts with rule ${other.name}. Rules cannot have the same Priority and Direction (${String(rule.properties.priority)}, ${String(rule.properties.direction)}).`,
      "properties.priority",
    );
  },
};

/**
 * Source and destination are each given, as one prefix, service tag or default tag,
 * or as a list of addresses and CIDRs (tags are not allowed in the lists); an unknown
 * tag is refused [Azure SecurityRuleInvalidAddressPrefix, SecurityRuleParameterContainsUnsupportedValue].
 */
export const securityRuleAddresses: Rule = {
  name: "security-rule-addresses",
  source: "JS-NET",
  types: [SECURITY_RULE_TYPE],
  checkPut(after, rule) {
    for (const side of ["source", "destination"] as const) {
      const single = rule.properties[`${side}AddressPrefix`] as string | undefined;
      const many = (rule.properties[`${side}AddressPrefixes`] as string[] | undefined) ?? [];
      if (single === undefined && many.length === 0) {
        return new ArmError(
          "SecurityRuleInvalidAddressPrefix",
          `Security rule ${rule.id} has no ${side} address: set '${side}AddressPrefix' or '${side}AddressPrefixes'.`,
          `properties.${side}AddressPrefix`,
        );
      }
      if (single !== undefined && !validSinglePrefix(after, single)) {
        return new ArmError(
          "SecurityRuleInvalidAddressPrefix",
          `Security rule ${rule.id} has invalid Address prefix. Value provided: ${single}. Use an address, a CIDR, '*', VirtualNetwork, Internet, AzureLoadBalancer or a service tag of the catalog (GET .../providers/Microsoft.Network/locations/{location}/serviceTags).`,
          `properties.${side}AddressPrefix`,
        );
      }
      const bad = many.find((p) => !isAddressOrCidr(p));
      if (bad !== undefined) {
        return validSinglePrefix(after, bad)
          ? new ArmError(
              "SecurityRuleParameterContainsUnsupportedValue",
              `Security rule parameter ${side}AddressPrefixes for rule with Id ${rule.id} cannot specify existing VIRTUALNETWORK, INTERNET, AZURELOADBALANCER, '*' or system tags. Unsupported value used: ${bad}.`,
              `properties.${side}AddressPrefixes`,
            )
          : new ArmError(
              "SecurityRuleInvalidAddressPrefix",
              `Security rule ${rule.id} has invalid Address prefix. Value provided: ${bad}.`,
              `properties.${side}AddressPrefixes`,
            );
      }
    }
    return undefined;
  },
};
