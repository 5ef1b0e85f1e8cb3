// Worlds for the verify tests: the documented setup (src/semantics/testing) with one
// mistake each, built straight in REST shapes (not through the API, so worlds that
// today's write rules refuse can still be verified, as an old data directory might hold).
import { publicAddressOf } from "../src/semantics/dns/public-names.js";
import {
  ARC_IDS,
  ARC_IPS,
  ARC_ZONE_IDS,
  type ArcWorldOptions,
  arcPrivateLinkResources,
  host,
  machine,
  networkSecurityGroup,
  privateDnsZone,
  privateEndpoint,
  privateLinkScope,
  recordSet,
  scopeConnection,
  virtualNetwork,
  withProperties,
  worldOf,
} from "../src/semantics/testing/index.js";
import type { Resource } from "../src/world/resource.js";
import type { World } from "../src/world/world.js";

/** One hour after the documented setup's association: every association is effective. */
export const NOW = new Date("2026-01-01T01:00:00Z");

const rg = ARC_IDS.scope.split("/providers/")[0];
const ALL_ARC = [
  `${ARC_IPS.gbl} gbl.his.arc.azure.com`,
  `${ARC_IPS.his} weu.his.arc.azure.com`,
  `${ARC_IPS.agentserviceapi} agentserviceapi.guestconfiguration.azure.com`,
  `${ARC_IPS.gas} westeurope-gas.guestconfiguration.azure.com`,
];

/** A change to the resources of a world. */
export type Change = (r: Resource[]) => Resource[];
const same: Change = (r) => r;

export const world = (o: ArcWorldOptions = {}, change: Change = same): World =>
  worldOf(change(arcPrivateLinkResources(o)));

export const setProps = (id: string, patch: Record<string, unknown>) => (r: Resource[]) => withProperties(r, id, patch);
export const agent = (config: Record<string, unknown>, version = "1.45") => ({ version, config, environment: {} });
export const firewall = (rules: Record<string, unknown>[]) => ({ defaultAction: "Deny", rules });
export const rule = (name: string, extra: Record<string, unknown>) => ({
  name,
  action: "Allow",
  protocol: "Tcp",
  destinationPorts: ["443"],
  ...extra,
});
export const DNS_OUT = { name: "dns", action: "Allow", protocol: "Udp", destinationPorts: ["53"] };
export const ENTRA = rule("entra", { destinationServiceTags: ["AzureActiveDirectory"] });
export const ARM = rule("arm", { destinationServiceTags: ["AzureResourceManager"] });
const ARC = rule("arc", { destinationServiceTags: ["AzureArcInfrastructure", "ServiceBus", "Storage"] });

/** A second scope with a private endpoint in `subnetId` at `ip`. */
function secondScope(subnetId: string, ip: string): Resource[] {
  const other = privateLinkScope("other-pls");
  const pe = privateEndpoint("other-pe", {
    subnetId,
    scopeId: other.id,
    status: "Approved",
    records: [{ fqdn: "eus.his.arc.azure.com", ip }],
  });
  return [other, pe, scopeConnection(other.id, pe.id, "Approved")];
}

/** The fix of `unassociatedNeighbour`: web2's machine associated with the scope. */
const associateNeighbour: Change = (r) =>
  r.map((x) =>
    x.id.endsWith("/machines/web2")
      ? machine("web2", { scopeId: ARC_IDS.scope, associatedAt: "2026-01-01T00:00:00Z" })
      : x,
  );

/** A host `web2` whose machine has no scope, sharing the site's DNS server. */
function unassociatedNeighbour(r: Resource[]): Resource[] {
  const m = machine("web2");
  return [
    ...r,
    m,
    host(ARC_IDS.site, "web2", {
      address: "192.168.0.21",
      os: "linux",
      dnsServers: [ARC_IPS.dnsServer],
      agent: agent({}),
      machineId: m.id,
    }),
  ];
}

/** Replaces the hub vnet: its private endpoint subnet under an NSG that denies the site. */
function nsgOnEndpoints(r: Resource[]): Resource[] {
  const nsg = networkSecurityGroup("pe-nsg", [
    {
      name: "deny-site",
      priority: 100,
      direction: "Inbound",
      access: "Deny",
      protocol: "Tcp",
      source: "192.168.0.0/24",
      destination: "*",
      ports: "443",
    },
  ]);
  const hub = virtualNetwork("hub", {
    addressPrefixes: ["10.10.0.0/16"],
    subnets: [
      {
        name: "pe",
        addressPrefix: "10.10.1.0/24",
        networkSecurityGroupId: nsg.id,
        privateEndpointNetworkPolicies: "Enabled",
      },
      { name: "inbound", addressPrefix: "10.10.2.0/28" },
      { name: "outbound", addressPrefix: "10.10.3.0/28" },
    ],
  });
  return [...r.filter((x) => x.id !== hub.id), hub, nsg];
}

/** The documented setup's own resources with these ids, in place of the world's (restores them). */
const restore =
  (...ids: string[]): Change =>
  (r) => {
    const documented = new Map(arcPrivateLinkResources().map((x) => [x.id, x]));
    return r.map((x) => (ids.includes(x.id) ? (documented.get(x.id) ?? x) : x));
  };
const without =
  (...ids: string[]): Change =>
  (r) =>
    r.filter((x) => !ids.includes(x.id));
const FORWARDERS = ["his.arc.azure.com", "guestconfiguration.azure.com", "dp.kubernetesconfiguration.azure.com"].map(
  (domain) => ({ domain, targets: [ARC_IPS.inbound] }),
);
export const NOTIFICATIONS = rule("notifications", {
  destinationFqdns: [
    "guestnotificationservice.azure.com",
    "*.guestnotificationservice.azure.com",
    "*.servicebus.windows.net",
  ],
});
export const PROXY = "http://192.168.0.5:3128";
const KEY_VAULT = `${rg}/providers/Microsoft.KeyVault/vaults/vault`;

/** A private endpoint (group id `vault`) for the key vault at 10.10.1.50. */
function keyVaultEndpoint(): Resource {
  const pe = privateEndpoint("kv-pe", {
    subnetId: ARC_IDS.peSubnet,
    scopeId: KEY_VAULT,
    status: "Approved",
    records: [{ fqdn: "vault.vault.azure.net", ip: "10.10.1.50" }],
  });
  const [c] = pe.properties.privateLinkServiceConnections as { properties: Record<string, unknown> }[];
  c.properties.groupIds = ["vault"];
  return pe;
}

/**
 * A world (and time) that raises a code; `fix` applies the catalogue's fix to that world
 * (or `fixAt` verifies later), after which the code must be gone. `noFix` says why a
 * code has no mechanical fix.
 */
export interface Case {
  world: (then?: Change) => World;
  now?: Date;
  fix?: Change;
  fixAt?: Date;
  noFix?: string;
}

const mk =
  (o: ArcWorldOptions, change: Change = same) =>
  (then: Change = same) =>
    world(o, (r) => then(change(r)));

/** For each finding code: a world (and time) that raises it, and its fix. */
export const CASES: Record<string, Case> = {
  "ARC-DNS-PUBLIC": {
    world: mk({ forwarderDomains: [] }),
    fix: setProps(ARC_IDS.dnsServer, { conditionalForwarders: FORWARDERS }),
  },
  "ARC-DNS-NXDOMAIN": {
    world: mk({}, without(`${ARC_ZONE_IDS.his}/A/weu`)),
    fix: (r) => [...r, recordSet(ARC_ZONE_IDS.his, "weu", { a: [ARC_IPS.his] })],
  },
  "ARC-DNS-FAILED": {
    world: mk({}, setProps(ARC_IDS.host, { dnsServers: ["192.168.0.99"] })),
    fix: setProps(ARC_IDS.host, { dnsServers: [ARC_IPS.dnsServer] }),
  },
  "ARC-DNS-STALE-RECORD": {
    world: mk({}, (r) => [
      ...r.filter((x) => x.id !== `${ARC_ZONE_IDS.his}/A/gbl`),
      recordSet(ARC_ZONE_IDS.his, "gbl", { a: ["10.10.1.99"] }),
    ]),
    fix: (r) => [
      ...r.filter((x) => x.id !== `${ARC_ZONE_IDS.his}/A/gbl`),
      recordSet(ARC_ZONE_IDS.his, "gbl", { a: [ARC_IPS.gbl] }),
    ],
  },
  "ARC-NET-NO-ROUTE": { world: mk({ vpn: false, hostsFile: ALL_ARC.join("\n") }), fix: restore(ARC_IDS.site) },
  "ARC-NET-NSG": { world: mk({}, nsgOnEndpoints), fix: restore(ARC_IDS.hub) },
  "ARC-NET-NO-INTERNET": {
    world: mk({
      internetAccess: false,
      hostsFile: `${publicAddressOf({}, "login.microsoftonline.com")} login.microsoftonline.com\n`,
    }),
    fix: setProps(ARC_IDS.site, { internetAccess: true }),
  },
  // Agents before 1.13 have no polling fallback: blocked notifications are an error [DOC-RN 1.13].
  "ARC-NET-FIREWALL": {
    world: mk({ egressFirewall: firewall([DNS_OUT, ENTRA, ARM]), agent: agent({}, "1.12") }),
    fix: setProps(ARC_IDS.site, { egressFirewall: firewall([DNS_OUT, ENTRA, ARM, NOTIFICATIONS]) }),
  },
  "ARC-FW-ENTRA-BLOCKED": {
    world: mk({ egressFirewall: firewall([DNS_OUT, ARM, ARC]) }),
    fix: setProps(ARC_IDS.site, { egressFirewall: firewall([DNS_OUT, ARM, ARC, ENTRA]) }),
  },
  "ARC-FW-ARM-BLOCKED": {
    world: mk({ egressFirewall: firewall([DNS_OUT, ENTRA, ARC]) }),
    fix: setProps(ARC_IDS.site, { egressFirewall: firewall([DNS_OUT, ENTRA, ARC, ARM]) }),
  },
  "ARC-ACCESS-NOT-ASSOCIATED": { world: mk({}, unassociatedNeighbour), fix: associateNeighbour },
  "ARC-ACCESS-PUBLIC-DISABLED": {
    world: mk({ forwarderDomains: [] }),
    fix: setProps(ARC_IDS.dnsServer, { conditionalForwarders: FORWARDERS }),
  },
  "ARC-ACCESS-PUBLIC-PATH": {
    world: mk({ publicNetworkAccess: "Enabled", forwarderDomains: [] }),
    fix: setProps(ARC_IDS.dnsServer, { conditionalForwarders: FORWARDERS }),
  },
  "ARC-ACCESS-PENDING": {
    world: mk({}),
    now: new Date("2026-01-01T00:05:00Z"),
    fixAt: new Date("2026-01-01T00:15:00Z"),
  },
  "ARC-PE-NOT-APPROVED": {
    world: mk({ connectionStatus: "Pending" }),
    fix: restore(ARC_IDS.pe, `${ARC_IDS.scope}/privateEndpointConnections/arc-pe.conn`),
  },
  "ARC-ACCESS-REFUSED": {
    world: mk({}, setProps(ARC_IDS.host, { machineId: `${rg}/providers/Microsoft.HybridCompute/machines/ghost` })),
    fix: setProps(ARC_IDS.host, { machineId: ARC_IDS.machine }),
  },
  "ARC-AGENT-VERSION": { world: mk({ agent: agent({}, "1.3") }), fix: setProps(ARC_IDS.host, { agent: agent({}) }) },
  "ARC-AGENT-CONFIG": {
    world: mk({ agent: agent({ "proxy.url": PROXY, "proxy.bypass": ["Everything"] }) }),
    fix: setProps(ARC_IDS.host, { agent: agent({ "proxy.url": PROXY, "proxy.bypass": ["Arc"] }) }),
  },
  "ARC-AGENT-GATEWAY": {
    world: mk({ agent: agent({ "connection.type": "gateway" }) }),
    noFix: "info: nothing to fix; verify does not predict Arc gateway traffic",
  },
  "ARC-PROXY-UNKNOWN": {
    world: mk({ agent: agent({ "proxy.url": "http://192.168.0.77:3128" }) }),
    fix: setProps(ARC_IDS.host, { agent: agent({ "proxy.url": PROXY, "proxy.bypass": ["Arc"] }) }),
  },
  "ARC-PROXY-NO-ARC-BYPASS": {
    world: mk({ agent: agent({ "proxy.url": PROXY }) }),
    fix: setProps(ARC_IDS.host, { agent: agent({ "proxy.url": PROXY, "proxy.bypass": ["Arc"] }) }),
  },
  "ARC-EXT-PUBLIC-PATH": {
    world: mk({}, setProps(ARC_IDS.machine, { extensions: [{ name: "kv", type: "KeyVaultForLinux" }] })),
    // A private endpoint for the key vault, and its name resolving to it (here: the hosts file).
    fix: (r) => [...setProps(ARC_IDS.host, { hostsFile: "10.10.1.50 vault.vault.azure.net\n" })(r), keyVaultEndpoint()],
  },
  "ARC-NOTIFY-BLOCKED": {
    world: mk({ egressFirewall: firewall([DNS_OUT, ENTRA, ARM]) }),
    fix: setProps(ARC_IDS.site, { egressFirewall: firewall([DNS_OUT, ENTRA, ARM, NOTIFICATIONS]) }),
  },
  "ARC-AGENT-ISSUE-BYPASS-ENTRA": {
    world: mk({ agent: agent({ "proxy.url": PROXY, "proxy.bypass": ["Arc"] }, "1.15") }),
    fix: setProps(ARC_IDS.host, { agent: agent({ "proxy.url": PROXY, "proxy.bypass": ["Arc"] }, "1.16") }),
  },
  "ARC-AGENT-ISSUE-PUBLIC-DOWNLOAD": {
    world: mk({ agent: agent({}, "1.19") }),
    fix: setProps(ARC_IDS.host, { agent: agent({}, "1.20") }),
  },
  "ARC-AGENT-ISSUE-PE-EXTENSIONS": {
    world: mk({ agent: agent({}, "1.41") }),
    fix: setProps(ARC_IDS.host, { agent: agent({}, "1.42") }),
  },
  "ARC-SCOPE-VNET-MULTIPLE": {
    world: mk({}, (r) => [...r, ...secondScope(ARC_IDS.peSubnet, "10.10.1.40")]),
    fix: without(`${rg}/providers/Microsoft.Network/privateEndpoints/other-pe`),
  },
  "ARC-ZONE-SHARED-SCOPES": {
    world: mk({}, (r) => [
      ...r,
      virtualNetwork("spoke", {
        addressPrefixes: ["10.20.0.0/16"],
        subnets: [{ name: "pe", addressPrefix: "10.20.1.0/24" }],
        peerWith: [ARC_IDS.hub],
      }),
      ...secondScope(`${rg}/providers/Microsoft.Network/virtualNetworks/spoke/subnets/pe`, "10.20.1.4"),
      recordSet(ARC_ZONE_IDS.his, "eus", { a: ["10.20.1.4"] }),
    ]),
    // One scope per DNS namespace: the second scope's records leave the shared zone.
    fix: without(`${ARC_ZONE_IDS.his}/A/eus`),
  },
  "ARC-DNS-SHARED-RESOLVER": { world: mk({}, unassociatedNeighbour), fix: associateNeighbour },
  "ARC-ZONE-NAME-WRONG": {
    world: mk({}, (r) => [...r, privateDnsZone("privatelink-his-arc-azure-com")]),
    fix: without(`${rg}/providers/Microsoft.Network/privateDnsZones/privatelink-his-arc-azure-com`),
  },
  "ARC-ZONE-NAME-WRONG-OPTIONAL": {
    world: mk({}, (r) => [...r, privateDnsZone("privatelink.kubernetesconfiguration.azure.com")]),
    fix: without(`${rg}/providers/Microsoft.Network/privateDnsZones/privatelink.kubernetesconfiguration.azure.com`),
  },
  "ARC-ZONE-NOT-LINKED": {
    world: mk({ linkZones: false }),
    fix: (r) => [
      ...r,
      ...arcPrivateLinkResources().filter((x) => x.type.toLowerCase().endsWith("/virtualnetworklinks")),
    ],
  },
  "ARC-FWD-PRIVATELINK": {
    world: mk({ forwarderDomains: ["privatelink.his.arc.azure.com", "privatelink.guestconfiguration.azure.com"] }),
    fix: setProps(ARC_IDS.dnsServer, { conditionalForwarders: FORWARDERS }),
  },
  "ARC-FWD-AZURE-DNS": {
    world: mk(
      {},
      setProps(ARC_IDS.dnsServer, {
        conditionalForwarders: [{ domain: "his.arc.azure.com", targets: ["168.63.129.16"] }],
      }),
    ),
    fix: setProps(ARC_IDS.dnsServer, { conditionalForwarders: FORWARDERS }),
  },
  "ARC-HOSTS-PRIVATELINK": {
    world: mk({ hostsFile: `${ARC_IPS.gbl} gbl.privatelink.his.arc.azure.com\n` }),
    fix: setProps(ARC_IDS.host, { hostsFile: ALL_ARC.join("\n") }),
  },
  "ARC-HOSTS-MISSING": {
    world: mk({ hostsFile: `${ALL_ARC[0]}\n` }),
    fix: setProps(ARC_IDS.host, { hostsFile: ALL_ARC.join("\n") }),
  },
  "ARC-HOSTS-REVERSED": {
    world: mk({ hostsFile: "gbl.his.arc.azure.com 10.10.1.4\n" }),
    fix: setProps(ARC_IDS.host, { hostsFile: "10.10.1.4 gbl.his.arc.azure.com\n" }),
  },
  "ARC-HOSTS-STALE": {
    world: mk({ hostsFile: ["10.10.1.9 gbl.his.arc.azure.com", ...ALL_ARC.slice(1)].join("\n") }),
    fix: setProps(ARC_IDS.host, { hostsFile: ALL_ARC.join("\n") }),
  },
  "ARC-REGION-MISMATCH": {
    world: mk({}, (r) => r.map((x) => (x.id === ARC_IDS.machine ? { ...x, location: "eastus" } : x))),
    fix: restore(ARC_IDS.machine),
  },
  "ARC-PE-PENDING": {
    world: mk({ connectionStatus: "Pending" }),
    fix: restore(ARC_IDS.pe, `${ARC_IDS.scope}/privateEndpointConnections/arc-pe.conn`),
  },
};
