import type { TypeHandler } from "../provider.js";
import { dnsResolvers, inboundEndpoints, outboundEndpoints } from "./resolvers.js";
import { dnsForwardingRulesets, forwardingRules, rulesetVirtualNetworkLinks } from "./rulesets.js";

/**
 * The DNS Private Resolver types of `Microsoft.Network`, each with its own
 * api-versions; the network provider includes them in its `types`.
 */
export const dnsResolverTypes: TypeHandler[] = [
  dnsResolvers,
  inboundEndpoints,
  outboundEndpoints,
  dnsForwardingRulesets,
  forwardingRules,
  rulesetVirtualNetworkLinks,
];
