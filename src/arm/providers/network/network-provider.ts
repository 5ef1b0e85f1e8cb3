import { dnsResolverTypes } from "../dns-resolver/index.js";
import { privateDnsTypes } from "../private-dns/index.js";
import type { Provider } from "../provider.js";
import { defaultSecurityRules } from "./default-security-rules.js";
import { NETWORK_API_VERSIONS } from "./network-api-versions.js";
import { networkInterfaces } from "./network-interfaces.js";
import { networkSecurityGroups } from "./network-security-groups.js";
import { virtualNetworkPeerings } from "./peerings.js";
import { privateDnsZoneGroups } from "./private-dns-zone-groups.js";
import { privateEndpoints } from "./private-endpoints.js";
import { securityRules } from "./security-rules.js";
import { serviceTags } from "./service-tags.js";
import { subnets } from "./subnets.js";
import { virtualNetworks } from "./virtual-networks.js";

/**
 * `Microsoft.Network`: one provider object for the namespace. Its own types (vnets,
 * NSGs, private endpoints, NICs, zone groups, service tags) use the Network RP's
 * api-versions; the private DNS and DNS resolver types, written in their own folders,
 * carry their own api-versions per handler [facts §1].
 */
export const networkProvider: Provider = {
  namespace: "Microsoft.Network",
  apiVersions: NETWORK_API_VERSIONS,
  types: [
    virtualNetworks,
    subnets,
    virtualNetworkPeerings,
    networkSecurityGroups,
    securityRules,
    defaultSecurityRules,
    privateEndpoints,
    privateDnsZoneGroups,
    networkInterfaces,
    serviceTags,
    ...privateDnsTypes,
    ...dnsResolverTypes,
  ],
};
