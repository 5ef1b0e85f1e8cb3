import type { Rule } from "../rule.js";
import { endpointSubnet, inboundAddress, resolverVirtualNetwork } from "./resolver-rules.js";
import { forwardingRuleDomainUnique, rulesetLinkTarget, rulesetOutboundEndpoints } from "./ruleset-rules.js";

/** The DNS Private Resolver rules, in the order they are checked. */
export const DNS_RESOLVER_RULES: readonly Rule[] = [
  resolverVirtualNetwork,
  endpointSubnet,
  inboundAddress,
  rulesetOutboundEndpoints,
  rulesetLinkTarget,
  forwardingRuleDomainUnique,
];
