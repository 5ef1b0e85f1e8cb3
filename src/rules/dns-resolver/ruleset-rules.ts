import { idKey, typeKey } from "../../world/index.js";
import { ArmError } from "../errors.js";
import type { Rule } from "../rule.js";
import {
  nameOf,
  OUTBOUND_TYPE,
  parentOf,
  RULE_TYPE,
  RULESET_LINK_TYPE,
  RULESET_TYPE,
  refId,
  VNET_TYPE,
} from "./types.js";

/** A ruleset's outbound endpoints exist and are in the ruleset's region [JS-DNSR, facts §6]. */
export const rulesetOutboundEndpoints: Rule = {
  name: "dns-ruleset-outbound-endpoints",
  source: "JS-DNSR",
  types: [RULESET_TYPE],
  checkPut(after, ruleset) {
    const refs = Array.isArray(ruleset.properties.dnsResolverOutboundEndpoints)
      ? ruleset.properties.dnsResolverOutboundEndpoints
      : [];
    for (const ref of refs) {
      const id = refId(ref) ?? "";
      const ep = after.get(id);
      if (!ep || typeKey(ep.type) !== typeKey(OUTBOUND_TYPE)) {
        return new ArmError(
          "LinkedResourceNotFound",
          `Cannot create DNS forwarding ruleset '${ruleset.name}': the outbound endpoint '${id}' was not found.`,
          "properties.dnsResolverOutboundEndpoints",
        );
      }
      if (ep.location !== ruleset.location) {
        return new ArmError(
          "BadRequest",
          `The DNS forwarding ruleset '${ruleset.name}' is in '${ruleset.location}' but outbound endpoint '${ep.name}' is in '${ep.location}'; they must be in the same region.`,
          "properties.dnsResolverOutboundEndpoints",
        );
      }
    }
    return undefined;
  },
};

/** A ruleset links to existing virtual networks of its own region [JS-DNSR]. */
export const rulesetLinkTarget: Rule = {
  name: "dns-ruleset-link-target",
  source: "JS-DNSR",
  types: [RULESET_LINK_TYPE],
  checkPut(after, link) {
    const vnetId = refId(link.properties.virtualNetwork) ?? "";
    const vnet = after.get(vnetId);
    const ruleset = after.get(parentOf(link.id));
    if (!vnet || typeKey(vnet.type) !== typeKey(VNET_TYPE)) {
      return new ArmError(
        "LinkedResourceNotFound",
        `Cannot link DNS forwarding ruleset '${nameOf(parentOf(link.id))}': the virtual network '${vnetId}' was not found.`,
        "properties.virtualNetwork.id",
      );
    }
    if (ruleset && ruleset.location !== vnet.location) {
      return new ArmError(
        "BadRequest",
        `The DNS forwarding ruleset '${ruleset.name}' is in '${ruleset.location}' and cannot be linked to virtual network '${vnet.name}' in '${vnet.location}'.`,
        "properties.virtualNetwork.id",
      );
    }
    const twin = after
      .under(parentOf(link.id), RULESET_LINK_TYPE)
      .find((l) => idKey(l.id) !== idKey(link.id) && idKey(refId(l.properties.virtualNetwork) ?? "") === idKey(vnetId));
    if (!twin) return undefined;
    return new ArmError(
      "Conflict",
      `The virtual network '${vnet.name}' is already linked to this ruleset by link '${twin.name}'.`,
    );
  },
};

/** One rule per domain name in a ruleset [JS-DNSR]. */
export const forwardingRuleDomainUnique: Rule = {
  name: "dns-forwarding-rule-domain-unique",
  source: "JS-DNSR",
  types: [RULE_TYPE],
  checkPut(after, rule) {
    const domain = String(rule.properties.domainName ?? "").toLowerCase();
    const twin = after
      .under(parentOf(rule.id), RULE_TYPE)
      .find((r) => idKey(r.id) !== idKey(rule.id) && String(r.properties.domainName ?? "").toLowerCase() === domain);
    if (!twin) return undefined;
    return new ArmError(
      "Conflict",
      `The domain name '${rule.properties.domainName}' already has forwarding rule '${twin.name}' in ruleset '${nameOf(parentOf(rule.id))}'.`,
      "properties.domainName",
    );
  },
};
