import { ARC_ZONES } from "../world/catalog/arc-private-link.js";
import { inboundAddress, siteDnsServer, TYPES } from "./default-world.js";
import type { Lab } from "./lab-types.js";
import type { LabWorld } from "./lab-world.js";

type Forwarder = { domain: string; targets: string[] };

/** Replaces a private zone (and its links) by one with another name, and points the zone group at it. */
function renameZone(w: LabWorld, oldName: string, newName: string): void {
  const zone = w.find(TYPES.zone, oldName);
  const links = w.all(TYPES.zoneLink).filter((e) => e.id.toLowerCase().startsWith(`${zone.id.toLowerCase()}/`));
  const before = w.entries[w.entries.indexOf(zone) - 1];
  w.remove(zone, `replaced by the misnamed zone ${newName}`);
  const note = `misnamed zone for ${oldName}`;
  const added = w.add(w.idBeside(zone, TYPES.zone, newName), { location: "global" }, note, before);
  let after = added;
  for (const link of links) {
    after = w.add(
      `${added.id}/virtualNetworkLinks/${link.id.split("/").at(-1)}`,
      { location: "global", properties: structuredClone(link.raw.properties) },
      "the misnamed zone's link",
      after,
    );
  }
  const group = w.find(TYPES.zoneGroup);
  const configs = w.properties(group).privateDnsZoneConfigs as { properties: { privateDnsZoneId: string } }[];
  for (const c of configs) {
    if (c.properties.privateDnsZoneId.toLowerCase() === zone.id.toLowerCase()) c.properties.privateDnsZoneId = added.id;
  }
  w.set(group, ["privateDnsZoneConfigs"], configs, `records for ${oldName} go to ${newName}`);
}

/** Mistakes in how on-premises DNS reaches the private zones [DOC-PL, DOC-PEDNS, facts §5, §6, §8]. */
export const DNS_LABS: Lab[] = [
  {
    name: "no-conditional-forwarders",
    title: "The site's DNS server has no conditional forwarders for the Arc zones",
    description:
      "dc01 lost its conditional forwarders: it resolves his.arc.azure.com and guestconfiguration.azure.com " +
      "names on the internet, like any other name.",
    mistake:
      "On-premises machines must resolve the private endpoint records [DOC-PL, facts §3.5, §6]: without the " +
      "forwarders web01 gets the public Arc addresses — the root cause, ARC-DNS-PUBLIC — and the egress firewall " +
      "then blocks them. Allowing TCP 443 to AzureArcInfrastructure would not help: the scope has public network " +
      "access Disabled and would refuse web01 there.",
    fix: "Conditionally forward his.arc.azure.com, guestconfiguration.azure.com and dp.kubernetesconfiguration.azure.com to the resolver's inbound endpoint (10.10.2.4).",
    expectedFindings: ["ARC-DNS-PUBLIC", "ARC-NET-FIREWALL"],
    expectedVerdicts: [
      { host: "web01", endpoint: "gbl.his.arc.azure.com", verdict: "BLOCKED_BY_FIREWALL" },
      { host: "kiosk01", endpoint: "gbl.his.arc.azure.com", verdict: "PRIVATE" },
    ],
    patch(w) {
      const server = siteDnsServer(w);
      w.set(server, ["conditionalForwarders"], [], "no conditional forwarders: Arc names resolve publicly");
    },
  },
  {
    name: "forwarder-to-privatelink-zone",
    title: "Conditional forwarders name the privatelink. zones",
    description:
      "The site's DNS server forwards privatelink.his.arc.azure.com, privatelink.guestconfiguration.azure.com " +
      "and privatelink.dp.kubernetesconfiguration.azure.com to the resolver instead of the public zone names.",
    mistake:
      "Agents ask for gbl.his.arc.azure.com, not its privatelink. alias, so no forwarder matches: the server " +
      "must first resolve the public name itself on the internet before the CNAME can meet the forwarder. Here " +
      "it works only because dc01 recurses out through the firewall and chases CNAMEs; without either, every " +
      "Arc name fails. The docs say forward the public zones [DOC-PL, facts §6].",
    fix: "Forward his.arc.azure.com, guestconfiguration.azure.com and dp.kubernetesconfiguration.azure.com.",
    expectedFindings: ["ARC-FWD-PRIVATELINK"],
    expectedVerdicts: [{ host: "web01", endpoint: "gbl.his.arc.azure.com", verdict: "PRIVATE" }],
    patch(w) {
      const server = siteDnsServer(w);
      const forwarders = w.properties(server).conditionalForwarders as Forwarder[];
      const renamed = forwarders.map((f) => ({
        ...f,
        domain: ARC_ZONES.find((z) => z.publicZone === f.domain)?.privateZone ?? f.domain,
      }));
      w.set(server, ["conditionalForwarders"], renamed, "conditional forwarders name the privatelink. zones");
    },
  },
  {
    name: "forwarder-to-azure-dns",
    title: "On-premises DNS forwards to 168.63.129.16",
    description: "The site's DNS server forwards the Arc zones straight to Azure DNS, 168.63.129.16.",
    mistake:
      "168.63.129.16 answers only inside a virtual network; from on premises, even over the VPN, nothing " +
      "answers there, so the Arc names fail to resolve [DOC-PDNS, DOC-PEDNS, facts §5].",
    fix: "Forward to a DNS Private Resolver inbound endpoint (or a DNS forwarder VM) in the hub virtual network.",
    expectedFindings: ["ARC-DNS-FAILED", "ARC-FWD-AZURE-DNS"],
    expectedVerdicts: [{ host: "web01", endpoint: "gbl.his.arc.azure.com", verdict: "SERVFAIL" }],
    patch(w) {
      const server = siteDnsServer(w);
      const inbound = inboundAddress(w);
      const forwarders = (w.properties(server).conditionalForwarders as Forwarder[]).map((f) => ({
        ...f,
        targets: f.targets.map((t) => (t === inbound ? "168.63.129.16" : t)),
      }));
      w.set(server, ["conditionalForwarders"], forwarders, "the forwarders target 168.63.129.16");
    },
  },
  {
    name: "zone-not-linked",
    title: "privatelink.his.arc.azure.com is not linked to the resolver's virtual network",
    description:
      "The zone exists and the zone group wrote its records, but it has no virtual network link to the hub, " +
      "where the resolver's inbound endpoint asks Azure DNS.",
    mistake:
      "Azure DNS consults only the private zones linked to the asking virtual network; unlinked, the HIS names " +
      "resolve to their public addresses — the root cause, ARC-DNS-PUBLIC — which the site's egress firewall " +
      "then blocks (and the scope would refuse with public access disabled): opening the firewall is not the " +
      "fix [DOC-PDNS, DOC-PL, facts §5].",
    fix: "Link privatelink.his.arc.azure.com to the hub virtual network (the one holding the resolver).",
    expectedFindings: ["ARC-DNS-PUBLIC", "ARC-NET-FIREWALL", "ARC-ZONE-NOT-LINKED"],
    expectedVerdicts: [
      { host: "web01", endpoint: "gbl.his.arc.azure.com", verdict: "BLOCKED_BY_FIREWALL" },
      { host: "web01", endpoint: "agentserviceapi.guestconfiguration.azure.com", verdict: "PRIVATE" },
    ],
    patch(w) {
      const link = w
        .all(TYPES.zoneLink)
        .find((e) => e.id.toLowerCase().includes("/privatednszones/privatelink.his.arc.azure.com/"));
      if (!link) throw new Error("The base world has no link for privatelink.his.arc.azure.com.");
      w.remove(link, "the his zone's link to the hub is missing");
    },
  },
  {
    name: "zone-name-wrong",
    title: "The HIS zone has the US Government cloud's name",
    description:
      "The private DNS zone for HIS was created as privatelink.his.arc.azure.us (copied from a US Government " +
      "cloud guide), and the zone group writes the endpoint's records there.",
    mistake:
      "In the public cloud gbl.his.arc.azure.com is a CNAME to gbl.privatelink.his.arc.azure.com, which no " +
      "private zone holds, so the HIS names resolve to their public addresses (ARC-DNS-PUBLIC, the root cause) " +
      "[DOC-PEDNS, facts §8]; here the egress firewall then blocks those. (The hyphenated config name " +
      "privatelink-his-arc-azure-com is refused as a zone name at write time: a zone needs two labels.)",
    fix: "Name the zone exactly privatelink.his.arc.azure.com and point the zone group at it.",
    expectedFindings: ["ARC-DNS-PUBLIC", "ARC-NET-FIREWALL", "ARC-ZONE-NAME-WRONG"],
    expectedVerdicts: [
      { host: "web01", endpoint: "weu.his.arc.azure.com", verdict: "BLOCKED_BY_FIREWALL" },
      { host: "web01", endpoint: "westeurope-gas.guestconfiguration.azure.com", verdict: "PRIVATE" },
    ],
    patch(w) {
      renameZone(w, "privatelink.his.arc.azure.com", "privatelink.his.arc.azure.us");
    },
  },
  {
    name: "dp-zone-name-wrong",
    title: "The Kubernetes configuration zone is missing dp.",
    description:
      "The third zone was created as privatelink.kubernetesconfiguration.azure.com instead of " +
      "privatelink.dp.kubernetesconfiguration.azure.com.",
    mistake:
      "The zone names are fixed [DOC-PEDNS, POL-DNS]; servers do not use the Kubernetes configuration " +
      "endpoints, so only Arc-enabled Kubernetes and some extensions would resolve them publicly.",
    fix: "Name the zone privatelink.dp.kubernetesconfiguration.azure.com (or delete it if no cluster uses it).",
    expectedFindings: ["ARC-ZONE-NAME-WRONG-OPTIONAL"],
    expectedVerdicts: [{ host: "web01", endpoint: "gbl.his.arc.azure.com", verdict: "PRIVATE" }],
    patch(w) {
      renameZone(
        w,
        "privatelink.dp.kubernetesconfiguration.azure.com",
        "privatelink.kubernetesconfiguration.azure.com",
      );
    },
  },
];
