import { TYPES } from "./default-world.js";
import type { Lab } from "./lab-types.js";
import type { LabWorld } from "./lab-world.js";

type FirewallRule = { name: string; destinationServiceTags?: string[] };

/** Removes the site firewall's rules that `drop` picks (`what` names them in the error when none does). */
function dropRules(w: LabWorld, drop: (r: FirewallRule) => boolean, what: string, note: string): void {
  const site = w.find(TYPES.site);
  const firewall = w.properties(site).egressFirewall as { rules?: FirewallRule[] } | undefined;
  const rules = (firewall?.rules ?? []).filter((r) => !drop(r));
  if (rules.length === (firewall?.rules ?? []).length) throw new Error(`The base firewall has no ${what}.`);
  w.set(site, ["egressFirewall", "rules"], rules, note);
}

/** Removes the site firewall's rules that allow a service tag. */
function blockTag(w: LabWorld, tag: string, note: string): void {
  dropRules(w, (r) => (r.destinationServiceTags ?? []).includes(tag), `rule allowing ${tag}`, note);
}

/** Mistakes on the path: the VPN, the egress firewall, the endpoint's NSG [DOC-PL, DOC-NET, facts §4.4, §9]. */
export const NETWORK_LABS: Lab[] = [
  {
    name: "notifications-blocked",
    title: "The egress firewall blocks the notification service",
    description:
      "The site's egress firewall no longer allows guestnotificationservice.azure.com and *.servicebus.windows.net.",
    mistake:
      "The notification service is not private-link capable and needs outbound 443 [DOC-NET, facts §9]. " +
      "Agents 1.13 and later fall back to checking for extension operations every 5 minutes when it is " +
      "inaccessible [DOC-RN 1.13]: slower extension operations, not a failure — a warning.",
    fix: "Allow TCP 443 to guestnotificationservice.azure.com, *.guestnotificationservice.azure.com and *.servicebus.windows.net.",
    expectedFindings: ["ARC-NOTIFY-BLOCKED"],
    expectedVerdicts: [
      { host: "web01", endpoint: "guestnotificationservice.azure.com", verdict: "BLOCKED_BY_FIREWALL" },
      { host: "web01", endpoint: "gbl.his.arc.azure.com", verdict: "PRIVATE" },
    ],
    patch(w) {
      const name = "allow-notifications";
      dropRules(w, (r) => r.name === name, `${name} rule`, "no rule allows the notification service");
    },
  },
  {
    name: "no-vpn",
    title: "The site has no connection to the hub",
    description: "The site's VPN connection to the hub virtual network is missing.",
    mistake:
      "The resolver's inbound endpoint and the private endpoint have private addresses in the hub; without a " +
      "VPN or ExpressRoute connection, on-premises traffic has no route there [DOC-PL].",
    fix: "Connect the site to the hub (site-to-site VPN or ExpressRoute), or to a virtual network peered with it.",
    expectedFindings: ["ARC-DNS-FAILED", "ARC-NET-NO-ROUTE"],
    expectedVerdicts: [
      { host: "web01", endpoint: "gbl.his.arc.azure.com", verdict: "SERVFAIL" },
      { host: "kiosk01", endpoint: "gbl.his.arc.azure.com", verdict: "NO_ROUTE" },
    ],
    patch(w) {
      w.set(w.find(TYPES.site), ["connections"], [], "no VPN or ExpressRoute connection to the hub");
    },
  },
  {
    name: "firewall-blocks-entra-id",
    title: "The egress firewall blocks Entra ID",
    description: "The site's egress firewall allows ARM but no longer AzureActiveDirectory.",
    mistake:
      "Entra ID does not go through the private link scope: agents still need login.microsoftonline.com and " +
      "the other Entra ID names over the internet (or a proxy) [DOC-PL, DOC-NET, facts §3.4, §9].",
    fix: "Allow outbound TCP 443 to the AzureActiveDirectory service tag.",
    expectedFindings: ["ARC-FW-ENTRA-BLOCKED"],
    expectedVerdicts: [
      { host: "web01", endpoint: "login.microsoftonline.com", verdict: "BLOCKED_BY_FIREWALL" },
      { host: "web01", endpoint: "management.azure.com", verdict: "PUBLIC" },
    ],
    patch(w) {
      blockTag(w, "AzureActiveDirectory", "no rule allows AzureActiveDirectory");
    },
  },
  {
    name: "firewall-blocks-arm",
    title: "The egress firewall blocks ARM",
    description: "The site's egress firewall allows Entra ID but no longer AzureResourceManager.",
    mistake:
      "ARM (management.azure.com) stays public with private link; azcmagent connect and disconnect need it " +
      "[DOC-PL, DOC-NET, facts §3.4, §9].",
    fix: "Allow outbound TCP 443 to the AzureResourceManager service tag (or set up ARM private link).",
    expectedFindings: ["ARC-FW-ARM-BLOCKED"],
    expectedVerdicts: [
      { host: "web01", endpoint: "management.azure.com", verdict: "BLOCKED_BY_FIREWALL" },
      { host: "web01", endpoint: "login.microsoftonline.com", verdict: "PUBLIC" },
    ],
    patch(w) {
      blockTag(w, "AzureResourceManager", "no rule allows AzureResourceManager");
    },
  },
  {
    name: "nsg-blocks-private-endpoint",
    title: "The endpoint subnet's NSG denies the site",
    description:
      "Network policies for private endpoints are enabled on the endpoint subnet, and its NSG denies inbound " +
      "traffic from the on-premises address space.",
    mistake:
      "With privateEndpointNetworkPolicies Enabled, NSG rules apply to private endpoints: a deny from the " +
      "site's prefixes blocks the agents' HTTPS to the endpoint [facts §3.13, §4.1, §4.4].",
    fix: "Allow TCP 443 from the site's prefixes to the endpoint subnet, or set privateEndpointNetworkPolicies Disabled.",
    expectedFindings: ["ARC-NET-NSG"],
    expectedVerdicts: [{ host: "web01", endpoint: "gbl.his.arc.azure.com", verdict: "BLOCKED_BY_NSG" }],
    patch(w) {
      const nsg = w.find(TYPES.nsg);
      const site = w.find(TYPES.site);
      const prefixes = (
        (w.properties(site).addressSpace as { addressPrefixes: string[] }).addressPrefixes ?? []
      ).slice();
      const rules = (w.properties(nsg).securityRules as unknown[]).slice();
      rules.push({
        name: "DenyOnPremisesInbound",
        properties: {
          priority: 200,
          direction: "Inbound",
          access: "Deny",
          protocol: "*",
          sourceAddressPrefixes: prefixes,
          sourcePortRange: "*",
          destinationAddressPrefix: "*",
          destinationPortRange: "*",
        },
      });
      w.set(nsg, ["securityRules"], rules, "denies inbound traffic from the site");
      const vnet = w.find(TYPES.vnet);
      const subnets = w.properties(vnet).subnets as { properties: Record<string, unknown> }[];
      const nsgId = nsg.id.toLowerCase();
      const guarded = subnets.find(
        (s) => (s.properties.networkSecurityGroup as { id?: string } | undefined)?.id?.toLowerCase() === nsgId,
      );
      if (!guarded) throw new Error("No subnet of the base world uses the NSG.");
      guarded.properties.privateEndpointNetworkPolicies = "Enabled";
      w.set(vnet, ["subnets"], subnets, "network policies for private endpoints enabled on the endpoint subnet");
    },
  },
];
