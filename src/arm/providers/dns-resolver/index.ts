export { dnsResolverTypes } from "./dns-resolver-types.js";
export { DNS_RESOLVER_API_VERSIONS, resolverType } from "./resolver-handler.js";
export { dnsResolvers, inboundEndpoints, outboundEndpoints } from "./resolvers.js";
export { dnsForwardingRulesets, forwardingRules, rulesetVirtualNetworkLinks } from "./rulesets.js";
