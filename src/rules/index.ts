import { DNS_RESOLVER_RULES } from "./dns-resolver/index.js";
import { machineScopeReference, machineScopeRegion } from "./hybrid-compute/index.js";
import { NETWORK_RULES } from "./network/index.js";
import { ON_PREMISES_RULES } from "./on-premises/index.js";
import { PRIVATE_DNS_RULES } from "./private-dns/index.js";
import type { Rule } from "./rule.js";

/** Every write-time rule, in the order they are checked (STYLE.md §5). */
export const RULES: readonly Rule[] = [
  // Microsoft.HybridCompute: a machine names one existing scope, in its own region [DOC-PL].
  machineScopeReference,
  machineScopeRegion,
  // Microsoft.Network: addresses, NSG rules, private endpoints to Arc scopes, in-use deletes [JS-NET, DOC-PL].
  ...NETWORK_RULES,
  // Microsoft.Network/privateDnsZones: links, limits, CNAME and SOA [SPEC-PDNS, DOC-PDNS].
  ...PRIVATE_DNS_RULES,
  // Microsoft.Network/dnsResolvers and forwarding rulesets: networks, subnets, addresses [JS-DNSR].
  ...DNS_RESOLVER_RULES,
  // Arclink.OnPremises: connections, no overlap with connected vnets, member addresses (docs/premises.md).
  ...ON_PREMISES_RULES,
];

export { checkChanges } from "./check.js";
export * from "./errors.js";
export * from "./naming.js";
export * from "./read-only.js";
export type { Rule } from "./rule.js";
