/**
 * The catalogue of `arclink verify` findings (STYLE.md §11): every code, its severity,
 * the documented rule it enforces with its source keys (ARC-PRIVATE-LINK-FACTS.md), and
 * the fix. A code is never reused or renamed; docs/verify.md lists the same codes
 * (`findings-catalog.test.ts` checks both ways).
 *
 * @example
 * FINDINGS["ARC-DNS-PUBLIC"].severity // "error"
 */
export type Severity = "error" | "warning" | "info";

export interface FindingSpec {
  severity: Severity;
  /** One line: what is wrong. */
  title: string;
  /** The documented rule, paraphrased. */
  rule: string;
  /** Source keys of the facts file, e.g. `DOC-PL §3.1`. */
  source: string;
  /** What to change. */
  fix: string;
  /** `endpoint`: raised from a host × endpoint verdict; `world`: a world-wide check. */
  scope: "endpoint" | "world";
}

export const FINDINGS = {
  // ── From host × endpoint verdicts (the connection pipeline, src/semantics/connect/) ──
  "ARC-DNS-PUBLIC": {
    severity: "error",
    title: "An Arc endpoint of a machine associated with a private link scope resolves to a public address",
    rule: "With private link, *.his.arc.azure.com and *.guestconfiguration.azure.com must resolve to the private endpoint of the machine's scope; every on-premises machine must resolve the same private endpoint records",
    source: "DOC-PL §3.5, §8; DOC-PEDNS",
    fix: "Conditionally forward his.arc.azure.com and guestconfiguration.azure.com (the public zone names) to a resolver that sees the privatelink zones (a DNS Private Resolver inbound endpoint in the vnet the zones are linked to), or put the private endpoint addresses in the hosts file",
    scope: "endpoint",
  },
  "ARC-DNS-NXDOMAIN": {
    severity: "error",
    title: "An endpoint the agent uses does not exist (NXDOMAIN) from where it is resolved",
    rule: "A private zone linked to a vnet answers NXDOMAIN for a name it lacks unless the link's resolutionPolicy is NxDomainRedirect; the private endpoint's records must be in the zone",
    source: "SPEC-PDNS; DOC-PDNS; DOC-PL §3.5",
    fix: "Add the private endpoint's record to the privatelink zone (a private DNS zone group does it), or fix the local zone / forwarder that answers NXDOMAIN",
    scope: "endpoint",
  },
  "ARC-DNS-FAILED": {
    severity: "error",
    title: "Name resolution fails (SERVFAIL, REFUSED, no answer or no DNS server reachable)",
    rule: "The host asks its DNS servers in order; the first that answers with anything but SERVFAIL wins; unreachable servers time out",
    source: "docs/premises.md; DOC-PL §3.5",
    fix: "Make at least one configured DNS server reachable and able to resolve the name (forwarders reachable over the VPN, recursion or forwarders for public names)",
    scope: "endpoint",
  },
  "ARC-DNS-STALE-RECORD": {
    severity: "error",
    title: "An endpoint resolves to a private address where no private endpoint or service listens",
    rule: "The private endpoint's records must carry its current addresses; don't create placeholder records",
    source: "DOC-PL §3.5; DOC-PEDNS",
    fix: "Point the record at the private endpoint's address (customDnsConfigs), or let a private DNS zone group manage it",
    scope: "endpoint",
  },
  "ARC-NET-NO-ROUTE": {
    severity: "error",
    title: "The resolved address is not routable from the host (or its proxy)",
    rule: "A site reaches a vnet's private addresses only over a VPN or ExpressRoute connection to it or a peer of it",
    source: "docs/premises.md; DOC-PL",
    fix: "Connect the site to the vnet that holds the private endpoint (VPN/ExpressRoute, or peering to a connected vnet)",
    scope: "endpoint",
  },
  "ARC-NET-NSG": {
    severity: "error",
    title: "A network security group blocks the connection",
    rule: "NSG rules apply by priority, first match; they filter traffic to a private endpoint only when the subnet's privateEndpointNetworkPolicies is Enabled or NetworkSecurityGroupEnabled",
    source: "facts §4.1, §4.4; DOC-PL §3.13",
    fix: "Allow TCP 443 from the on-premises prefixes (or VirtualNetwork) to the private endpoint subnet, or set privateEndpointNetworkPolicies to Disabled",
    scope: "endpoint",
  },
  "ARC-NET-NO-INTERNET": {
    severity: "error",
    title: "A public endpoint is needed but the site has no internet access",
    rule: "Entra ID and ARM traffic does not go through the private link scope; it needs a public route, a proxy, or an ARM private link",
    source: "DOC-PL §3.4; DOC-NET §9",
    fix: "Give the site (or its proxy) an internet breakout for the Entra ID and ARM endpoints",
    scope: "endpoint",
  },
  "ARC-NET-FIREWALL": {
    severity: "error",
    title: "The site's egress firewall blocks an endpoint the agent uses",
    rule: "The agent needs outbound HTTPS (TCP 443) to its endpoints; service tags AzureArcInfrastructure, AzureActiveDirectory, AzureResourceManager, Storage, AzureFrontDoor.Frontend",
    source: "DOC-NET §9",
    fix: "Allow TCP 443 to the endpoint's service tag or FQDN in the egress firewall",
    scope: "endpoint",
  },
  "ARC-FW-ENTRA-BLOCKED": {
    severity: "error",
    title: "The egress firewall blocks Microsoft Entra ID",
    rule: "Entra ID stays public with private link; allow outbound 443 to the AzureActiveDirectory service tag",
    source: "DOC-PL §3.4; DOC-NET §9; facts §4.4",
    fix: "Allow TCP 443 to service tag AzureActiveDirectory (or login.microsoftonline.com, login.windows.net, pas.windows.net, *.login.microsoft.com)",
    scope: "endpoint",
  },
  "ARC-FW-ARM-BLOCKED": {
    severity: "error",
    title: "The egress firewall blocks Azure Resource Manager",
    rule: "ARM (management.azure.com) stays public with private link unless an ARM private link is configured; allow outbound 443 to AzureResourceManager",
    source: "DOC-PL §3.4; DOC-NET §9; facts §4.4",
    fix: "Allow TCP 443 to service tag AzureResourceManager (or management.azure.com)",
    scope: "endpoint",
  },
  "ARC-ACCESS-NOT-ASSOCIATED": {
    severity: "error",
    title: "The machine reaches a private endpoint of a scope it is not associated with, and is refused",
    rule: "Each machine that resolves the private endpoint addresses must be associated with that private link scope, or the connection is refused; don't mix private-link and public Arc machines on one resolver or zone",
    source: "DOC-PL §3.6, §3.11",
    fix: "Associate the machine with the scope (privateLinkScopeResourceId / azcmagent connect --private-link-scope), or give machines that must stay public a resolver that does not use the privatelink zones",
    scope: "endpoint",
  },
  "ARC-ACCESS-PUBLIC-DISABLED": {
    severity: "error",
    title: "The machine reaches the public Arc endpoint but its scope has publicNetworkAccess Disabled",
    rule: "With publicNetworkAccess Disabled agents must use private link; Enabled allows both",
    source: "SPEC-PLS; DOC-PL §3.12",
    fix: "Make the Arc names resolve to the private endpoint from this host (see ARC-DNS-PUBLIC), or set publicNetworkAccess to Enabled",
    scope: "endpoint",
  },
  "ARC-ACCESS-PENDING": {
    severity: "warning",
    title: "The machine's association with its scope is not effective yet",
    rule: "After associating a machine with a private link scope it can take up to 15 minutes before the scope accepts it",
    source: "DOC-PL §3.10",
    fix: "Wait until 15 minutes after the association (verify --at a later time to check)",
    scope: "endpoint",
  },
  "ARC-PE-NOT-APPROVED": {
    severity: "error",
    title: "The machine reaches a private endpoint whose connection to the scope is not Approved",
    rule: "A private endpoint connection carries traffic only when its privateLinkServiceConnectionState.status is Approved",
    source: "SPEC-PLS; EX-HC",
    fix: "Approve the private endpoint connection on the scope (PUT privateEndpointConnections/{name} with status Approved)",
    scope: "endpoint",
  },
  "ARC-ACCESS-REFUSED": {
    severity: "error",
    title:
      "The Arc service refuses the machine for another reason (scope missing, endpoint not to an Arc scope, unknown machine)",
    rule: "The Arc service accepts a machine through a private endpoint of an existing Arc scope it is associated with",
    source: "SPEC-PLS; DOC-PL §3.11",
    fix: "Fix the machine's privateLinkScopeResourceId, or the record that points the Arc name at a non-Arc private endpoint",
    scope: "endpoint",
  },
  "ARC-AGENT-VERSION": {
    severity: "error",
    title: "The installed agent is too old for a feature it is configured to use",
    rule: "Private link needs agent 1.4+, proxy.url 1.13+, proxy.bypass 1.15+, the ArcData bypass value 1.36+",
    source: "DOC-PL §3.9; DOC-PROXY",
    fix: "Upgrade the Connected Machine agent",
    scope: "endpoint",
  },
  "ARC-AGENT-CONFIG": {
    severity: "error",
    title: "The agent's proxy configuration is invalid",
    rule: "proxy.url is an http(s) URL; proxy.bypass takes the service names AAD, ARM, Arc, ArcData, AMA",
    source: "DOC-PROXY; facts §10",
    fix: "azcmagent config set proxy.url http://proxy:port / proxy.bypass with valid service names",
    scope: "endpoint",
  },
  "ARC-AGENT-GATEWAY": {
    severity: "info",
    title: "The agent uses the Arc gateway (connection.type gateway), which arclink does not model",
    rule: "The Arc gateway is a different feature from private link",
    source: "DOC-GW",
    fix: "Nothing to fix; verify does not predict gateway traffic",
    scope: "endpoint",
  },
  "ARC-PROXY-UNKNOWN": {
    severity: "error",
    title: "The agent's proxy is not a proxy of the host's site",
    rule: "An HTTP CONNECT proxy resolves and connects on the agent's behalf; it must exist and be reachable",
    source: "DOC-PROXY; docs/premises.md",
    fix: "Point proxy.url / HTTPS_PROXY at a proxy of the site (address and port)",
    scope: "endpoint",
  },
  "ARC-PROXY-NO-ARC-BYPASS": {
    severity: "warning",
    title: "A private-link machine sends Arc traffic through its proxy (no Arc bypass)",
    rule: "With a proxy and private link, set proxy.bypass Arc so Arc traffic goes direct to the private endpoint while Entra ID and ARM use the proxy",
    source: "DOC-PROXY; DOC-PL; facts §10",
    fix: 'azcmagent config set proxy.bypass "Arc"',
    scope: "endpoint",
  },
  "ARC-EXT-PUBLIC-PATH": {
    severity: "warning",
    title: "An extension dependency (Blob Storage, Key Vault, Log Analytics) has no private path",
    rule: "Other services the extensions use (Azure Monitor, Key Vault, Storage, Automation) need their own private endpoints; the Arc scope does not cover them",
    source: "DOC-PL §3.7",
    fix: "Create private endpoints (and privatelink zones) for the storage account, key vault or Log Analytics workspace, or accept the public dependency",
    scope: "endpoint",
  },
  // ── World-wide checks (src/verify/checks/) ──
  "ARC-SCOPE-VNET-MULTIPLE": {
    severity: "error",
    title: "Private endpoints of more than one Arc private link scope are in one virtual network",
    rule: "At most one Arc private link scope per virtual network",
    source: "DOC-PL §3.1",
    fix: "Use one scope per vnet: move the other scope's private endpoint to another vnet, or associate all machines with one scope",
    scope: "world",
  },
  "ARC-ZONE-SHARED-SCOPES": {
    severity: "error",
    title: "Private endpoints of two scopes write the same DNS zone",
    rule: "All machines must resolve the same private endpoint records; the last endpoint to write a name wins, so one scope's machines get the other's endpoint",
    source: "DOC-PL §3.5, §3.6; DOC-PEDNS",
    fix: "Use one scope (and one set of privatelink zones) per DNS namespace, or separate zones linked to separate vnets/resolvers",
    scope: "world",
  },
  "ARC-DNS-SHARED-RESOLVER": {
    severity: "warning",
    title: "Private-link and public Arc machines share a DNS resolver or zone",
    rule: "Don't use the same vnet/DNS zone for private-link and non-private-link Arc resources; non-private-link machines must resolve the public endpoints",
    source: "DOC-PL §3.6",
    fix: "Give machines that are not associated with a scope a resolver that does not forward the Arc zones to the private resolver, or associate them",
    scope: "world",
  },
  "ARC-ZONE-NAME-WRONG": {
    severity: "error",
    title: "A private DNS zone for Arc has a wrong name (hyphenated, missing privatelink. or dp.)",
    rule: "The zones are privatelink.his.arc.azure.com, privatelink.guestconfiguration.azure.com and privatelink.dp.kubernetesconfiguration.azure.com",
    source: "DOC-PEDNS; DOC-PL §8; POL-DNS",
    fix: "Create the zone with the documented name, link it, and move the records",
    scope: "world",
  },
  "ARC-ZONE-NAME-WRONG-OPTIONAL": {
    severity: "warning",
    title: "The optional Kubernetes configuration zone has a wrong name (servers do not use it)",
    rule: "privatelink.dp.kubernetesconfiguration.azure.com is needed only for Kubernetes/extension scenarios; servers don't use it",
    source: "DOC-PL §8; POL-DNS",
    fix: "Rename it to privatelink.dp.kubernetesconfiguration.azure.com, or delete it if no cluster uses it",
    scope: "world",
  },
  "ARC-ZONE-NOT-LINKED": {
    severity: "error",
    title: "An Arc privatelink zone is not linked to the vnet of a resolver that answers Arc names",
    rule: "Azure DNS consults only the private zones linked to the vnet it answers for; a DNS Private Resolver inbound endpoint answers as its vnet",
    source: "DOC-PDNS; DOC-PEDNS; facts §5–6",
    fix: "Add a virtualNetworkLink from the zone to the resolver's vnet",
    scope: "world",
  },
  "ARC-FWD-PRIVATELINK": {
    severity: "warning",
    title: "A conditional forwarder targets a privatelink. name instead of the public zone name",
    rule: "Conditional forwarders must target the public zone names (his.arc.azure.com, guestconfiguration.azure.com, dp.kubernetesconfiguration.azure.com), not the privatelink. names",
    source: "DOC-PL; DOC-PEDNS; facts §6",
    fix: "Forward the public zone name (e.g. his.arc.azure.com) instead of privatelink.his.arc.azure.com",
    scope: "world",
  },
  "ARC-FWD-AZURE-DNS": {
    severity: "error",
    title: "An on-premises DNS server forwards to 168.63.129.16, which answers only inside Azure",
    rule: "168.63.129.16 is reachable only from inside a vnet; on-premises servers must forward to a DNS Private Resolver inbound endpoint or a DNS forwarder VM",
    source: "DOC-PEDNS; DOC-PDNS; facts §6",
    fix: "Forward to the DNS Private Resolver inbound endpoint's address",
    scope: "world",
  },
  "ARC-HOSTS-PRIVATELINK": {
    severity: "error",
    title: "A hosts file maps a privatelink. name, which the agent never asks for",
    rule: "The agent connects to the public names; the hosts-file alternative puts the private endpoint address against each public FQDN",
    source: "DOC-PL §8",
    fix: "Use the public name (e.g. gbl.his.arc.azure.com) on the hosts-file line",
    scope: "world",
  },
  "ARC-HOSTS-MISSING": {
    severity: "warning",
    title: "A hosts file maps some Arc names but not every Arc name the agent uses",
    rule: "With the hosts-file alternative every private endpoint FQDN the agent uses needs a line",
    source: "DOC-PL §8",
    fix: "Add a line for each missing name with its private endpoint address (arclink generate hosts)",
    scope: "world",
  },
  "ARC-HOSTS-REVERSED": {
    severity: "error",
    title: "A hosts file line has its columns reversed (name before address) and is ignored",
    rule: "A hosts file line is an IP address followed by names; lines whose first field is not an address are ignored",
    source: "DOC-PL §8; docs/premises.md",
    fix: "Write the address first: `10.10.1.4 gbl.his.arc.azure.com`",
    scope: "world",
  },
  "ARC-HOSTS-STALE": {
    severity: "error",
    title: "A hosts file maps an Arc name to an address that is not the private endpoint's address for it",
    rule: "The hosts-file alternative needs the current private endpoint address of each FQDN",
    source: "DOC-PL §8; facts §4.2",
    fix: "Use the address from the private endpoint's customDnsConfigs",
    scope: "world",
  },
  "ARC-REGION-MISMATCH": {
    severity: "error",
    title: "A machine is associated with a scope in another region",
    rule: "Machine and private link scope must be in the same Azure region (the private endpoint may be in another region)",
    source: "DOC-PL §3.3",
    fix: "Associate the machine with a scope in its own region",
    scope: "world",
  },
  "ARC-PE-PENDING": {
    severity: "warning",
    title: "A private endpoint connection to an Arc scope is not Approved",
    rule: "A private endpoint connection carries traffic only when Approved",
    source: "SPEC-PLS; EX-HC",
    fix: "Approve (or delete) the pending private endpoint connection",
    scope: "world",
  },
} as const satisfies Record<string, FindingSpec>;

export type FindingCode = keyof typeof FINDINGS;

export const FINDING_CODES = Object.keys(FINDINGS) as FindingCode[];
