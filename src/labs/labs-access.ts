import { hostProperties, LAB_HOST, machineOf, siteDnsServer, TYPES } from "./default-world.js";
import type { Lab } from "./lab-types.js";

/** Mistakes the Arc service itself refuses: association, its delay, approval [DOC-PL §3.10–3.12]. */
export const ACCESS_LABS: Lab[] = [
  {
    name: "machine-not-associated",
    title: "web01's machine is not associated with the scope",
    description: `The machine resource of ${LAB_HOST} has no privateLinkScopeResourceId, yet its host resolves the Arc names to the private endpoint.`,
    mistake:
      "Each machine must be associated with the Arc private link scope, or its connection through the private " +
      "endpoint is refused [DOC-PL, facts §3.11].",
    fix: "Associate the machine: azcmagent connect --private-link-scope <scope id>, or set privateLinkScopeResourceId (PATCH).",
    // Not associated, the machine is outside private link: it also needs public endpoints the firewall blocks.
    expectedFindings: ["ARC-ACCESS-NOT-ASSOCIATED", "ARC-NET-FIREWALL"],
    expectedVerdicts: [{ host: "web01", endpoint: "gbl.his.arc.azure.com", verdict: "REFUSED_NOT_ASSOCIATED" }],
    patch(w) {
      const machine = machineOf(w);
      const props = w.properties(machine);
      delete props.privateLinkScopeResourceId;
      machine.note = "no privateLinkScopeResourceId: not associated with the scope";
    },
  },
  {
    name: "association-pending",
    title: "Verified 5 minutes after the association",
    description:
      "The default world, verified 5 minutes after it was applied: web01's machine was associated with the " +
      "scope only 5 minutes ago.",
    mistake:
      "After a machine is associated it can take up to 15 minutes before the scope accepts it; arclink takes " +
      "the worst case, so until then the private endpoint refuses it [DOC-PL, facts §3.10].",
    fix: "Wait 15 minutes after associating the machine (arclink: advance the virtual clock), then connect.",
    expectedFindings: ["ARC-ACCESS-PENDING"],
    expectedVerdicts: [{ host: "web01", endpoint: "gbl.his.arc.azure.com", verdict: "PENDING_ASSOCIATION" }],
    verifyAfterMinutes: 5,
    patch(w) {
      machineOf(w).note = "associated when the world is applied; the lab is verified 5 minutes later";
    },
  },
  {
    name: "connection-pending",
    title: "The private endpoint connection awaits approval",
    description:
      "The private endpoint asks for the scope through a manual connection, which stays Pending until the " +
      "scope's owner approves it.",
    mistake:
      "A manual private endpoint connection is Pending until approved; the scope accepts nothing through an " +
      "endpoint whose connection is not Approved [SPEC-PLS, facts §2.2, §4.2].",
    fix: "Approve the connection on the scope (privateEndpointConnections PUT with status Approved).",
    expectedFindings: ["ARC-PE-NOT-APPROVED", "ARC-PE-PENDING"],
    expectedVerdicts: [{ host: "web01", endpoint: "gbl.his.arc.azure.com", verdict: "PE_NOT_APPROVED" }],
    patch(w) {
      const pe = w.find(TYPES.privateEndpoint);
      const props = w.properties(pe);
      const connections = props.privateLinkServiceConnections as { properties: Record<string, unknown> }[];
      delete props.privateLinkServiceConnections;
      const manual = connections.map((c) => ({
        ...c,
        properties: { ...c.properties, requestMessage: "Please approve my connection." },
      }));
      w.set(pe, ["manualPrivateLinkServiceConnections"], manual, "a manual connection: Pending until approved");
    },
  },
  {
    name: "mixed-public-and-private",
    title: "A public-endpoint machine shares the private link DNS",
    description:
      "A second scope-less machine, app01, meant to use the public endpoints, resolves names through the same " +
      "DNS server, which forwards the Arc zones to the private endpoint; the scope has public access enabled.",
    mistake:
      "Don't use the same DNS forwarder for private link and non-private link Arc machines: the public machine " +
      "resolves the private endpoint and is refused there as not associated [DOC-PL, facts §3.6, §3.11].",
    fix: "Associate app01 with the scope too, or give it DNS servers that resolve the Arc names publicly.",
    expectedFindings: ["ARC-ACCESS-NOT-ASSOCIATED", "ARC-DNS-SHARED-RESOLVER", "ARC-NET-FIREWALL"],
    expectedVerdicts: [
      { host: "app01", endpoint: "gbl.his.arc.azure.com", verdict: "REFUSED_NOT_ASSOCIATED" },
      { host: "web01", endpoint: "gbl.his.arc.azure.com", verdict: "PRIVATE" },
    ],
    patch(w) {
      const scope = w.find(TYPES.scope);
      w.set(scope, ["publicNetworkAccess"], "Enabled", "public access enabled for app01");
      const web = machineOf(w);
      const { props } = hostProperties(w);
      const machine = w.add(
        w.idBeside(web, TYPES.machine, "app01"),
        { location: web.raw.location, properties: { osType: "linux" } },
        "a machine meant for the public endpoints: no scope",
      );
      const site = w.find(TYPES.site);
      w.add(
        `${site.id}/hosts/app01`,
        {
          properties: {
            address: "192.168.1.40",
            os: "linux",
            dnsServers: [w.properties(siteDnsServer(w)).address],
            agent: structuredClone(props.agent),
            machineId: machine.id,
          },
        },
        "app01 uses the site's DNS server, which forwards the Arc zones to the private endpoint",
        machine,
      );
    },
  },
  {
    name: "two-scopes-one-zone",
    title: "A second scope's private endpoint writes the same DNS zones",
    description:
      "A second Arc private link scope, arc-pls-2, has its private endpoint in a spoke virtual network peered " +
      "with the hub, and its DNS zone group writes into the same three privatelink. zones.",
    mistake:
      "All machines resolve the same private endpoint records: the last endpoint to write a name wins, so " +
      "machines of the first scope reach the second scope's endpoint and are refused as not associated " +
      "[DOC-PL, facts §3.5, §3.6, §3.11]. (A second scope's endpoint in the same virtual network is refused " +
      "at write time: one scope per virtual network.)",
    fix: "Use one scope per DNS namespace: associate every machine with one scope, or give each scope its own zones linked to separate virtual networks and resolvers.",
    expectedFindings: ["ARC-ACCESS-NOT-ASSOCIATED", "ARC-ZONE-SHARED-SCOPES"],
    expectedVerdicts: [
      { host: "web01", endpoint: "gbl.his.arc.azure.com", verdict: "REFUSED_NOT_ASSOCIATED" },
      { host: "kiosk01", endpoint: "gbl.his.arc.azure.com", verdict: "PRIVATE" },
    ],
    patch(w) {
      const hub = w.find(TYPES.vnet);
      const scope = w.find(TYPES.scope);
      const pe = w.find(TYPES.privateEndpoint);
      const group = w.find(TYPES.zoneGroup);
      const spoke = w.add(
        w.idBeside(hub, TYPES.vnet, "spoke"),
        {
          location: hub.raw.location,
          properties: {
            addressSpace: { addressPrefixes: ["10.20.0.0/16"] },
            subnets: [
              {
                name: "private-endpoints",
                properties: { addressPrefix: "10.20.1.0/24", privateEndpointNetworkPolicies: "Disabled" },
              },
            ],
            virtualNetworkPeerings: [
              {
                name: "spoke-to-hub",
                properties: { remoteVirtualNetwork: { id: hub.id }, allowVirtualNetworkAccess: true },
              },
            ],
          },
        },
        "a spoke virtual network, peered with the hub",
        hub,
      );
      const scope2 = w.add(
        w.idBeside(scope, TYPES.scope, "arc-pls-2"),
        { location: scope.raw.location, properties: { publicNetworkAccess: "Disabled" } },
        "a second Arc private link scope",
        scope,
      );
      const pe2 = w.add(
        w.idBeside(pe, TYPES.privateEndpoint, "arc-pe-2"),
        {
          location: pe.raw.location,
          properties: {
            subnet: { id: `${spoke.id}/subnets/private-endpoints` },
            privateLinkServiceConnections: [
              {
                name: "arc-pe-2-connection",
                properties: { privateLinkServiceId: scope2.id, groupIds: ["hybridcompute"] },
              },
            ],
          },
        },
        "the second scope's private endpoint, in the spoke",
        group,
      );
      w.add(
        `${pe2.id}/privateDnsZoneGroups/${group.id.split("/").at(-1)}`,
        { properties: structuredClone(w.properties(group)) },
        "its zone group writes the same three zones",
        pe2,
      );
    },
  },
];
