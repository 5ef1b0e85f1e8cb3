import { RULE_TYPE, RULESET_LINK_TYPE, RULESET_TYPE } from "../../../rules/dns-resolver/index.js";
import {
  arrayAt,
  badRequest,
  enumAt,
  intAt,
  ipv4At,
  type Json,
  knownObject,
  refAt,
  requiredString,
  stringMapAt,
} from "../private-dns/body.js";
import { checkDomainName } from "../private-dns/record-data.js";
import { resolverType } from "./resolver-handler.js";

/** Azure allows up to 6 target DNS servers per forwarding rule. */
const MAX_TARGETS = 6;

/** `Microsoft.Network/dnsForwardingRulesets` [JS-DNSR]: rules applied through outbound endpoints. */
export const dnsForwardingRulesets = resolverType({
  type: RULESET_TYPE,
  kind: "tracked",
  model: "DnsForwardingRuleset",
  readOnly: ["provisioningState", "resourceGuid"],
  asyncPut: true,
  build(_ctx, props) {
    knownObject(props, ["dnsResolverOutboundEndpoints"], "DnsForwardingRulesetProperties", "properties");
    const refs = arrayAt(props.dnsResolverOutboundEndpoints, "properties.dnsResolverOutboundEndpoints") ?? [];
    if (refs.length === 0) {
      throw badRequest(
        "A DNS forwarding ruleset needs at least one outbound endpoint in 'dnsResolverOutboundEndpoints'.",
        "properties.dnsResolverOutboundEndpoints",
      );
    }
    return {
      dnsResolverOutboundEndpoints: refs.map((r, i) => ({
        id: refAt(r, `properties.dnsResolverOutboundEndpoints[${i}]`, true),
      })),
    };
  },
});

/**
 * `dnsForwardingRulesets/forwardingRules` [JS-DNSR, facts §6]: `domainName` is a fully
 * qualified name ending with a dot; targets `{ipAddress, port = 53}`. PUT and PATCH are
 * synchronous; DELETE answers 200/204.
 */
export const forwardingRules = resolverType({
  type: RULE_TYPE,
  kind: "proxy",
  model: "ForwardingRule",
  readOnly: ["provisioningState"],
  asyncPut: false,
  syncDelete: true,
  build(_ctx, props) {
    knownObject(
      props,
      ["domainName", "targetDnsServers", "metadata", "forwardingRuleState"],
      "ForwardingRuleProperties",
      "properties",
    );
    const domainName = requiredString(props.domainName, "properties.domainName");
    if (!domainName.endsWith(".")) {
      throw badRequest(
        `The domain name '${domainName}' must be fully qualified and end with a dot, e.g. '${domainName}.'.`,
        "properties.domainName",
      );
    }
    checkDomainName(domainName, "properties.domainName");
    const targets = arrayAt(props.targetDnsServers, "properties.targetDnsServers") ?? [];
    if (targets.length === 0 || targets.length > MAX_TARGETS) {
      throw badRequest(
        `A forwarding rule needs 1 to ${MAX_TARGETS} target DNS servers; ${targets.length} were given.`,
        "properties.targetDnsServers",
      );
    }
    const targetDnsServers = targets.map((t, i) => {
      const at = `properties.targetDnsServers[${i}]`;
      const o = knownObject(t, ["ipAddress", "port"], "TargetDnsServer", at) ?? {};
      return {
        ipAddress: ipv4At(o.ipAddress, `${at}.ipAddress`, true),
        port: intAt(o.port, `${at}.port`, 1, 65535) ?? 53,
      };
    });
    const metadata = stringMapAt(props.metadata, "properties.metadata");
    const state =
      enumAt(props.forwardingRuleState, "properties.forwardingRuleState", ["Enabled", "Disabled"] as const) ??
      "Enabled";
    return { domainName, targetDnsServers, ...(metadata ? { metadata } : {}), forwardingRuleState: state };
  },
});

/** `dnsForwardingRulesets/virtualNetworkLinks` [JS-DNSR]: where a ruleset applies. */
export const rulesetVirtualNetworkLinks = resolverType({
  type: RULESET_LINK_TYPE,
  kind: "proxy",
  model: "VirtualNetworkLink",
  readOnly: ["provisioningState"],
  asyncPut: true,
  build(_ctx, props: Json) {
    knownObject(props, ["virtualNetwork", "metadata"], "VirtualNetworkLinkProperties", "properties");
    const metadata = stringMapAt(props.metadata, "properties.metadata");
    return {
      virtualNetwork: { id: refAt(props.virtualNetwork, "properties.virtualNetwork", true) },
      ...(metadata ? { metadata } : {}),
    };
  },
});
