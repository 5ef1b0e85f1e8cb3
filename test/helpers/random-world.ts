// Small random but valid worlds for the live-equals-predicted property test: the documented
// Arc private link hub (facts §3–§6) with every piece optional or varied — the scope's public
// access, the private endpoint and its connection, the zones, their records and links, the
// resolver, the NSG, a spoke and its peering, the site's VPN, internet and firewall, its DNS
// servers, forwarders and proxy, and one or two hosts with their DNS servers, hosts files,
// agent versions, proxy settings and machines (associated long ago, just now, elsewhere or not).
import fc from "fast-check";
import { DEFAULT_SUBSCRIPTION_ID } from "../../src/system/index.js";
import type { WorldEntry } from "../../src/world-file/index.js";

export const RG = `/subscriptions/${DEFAULT_SUBSCRIPTION_ID}/resourceGroups/arc-pl`;
const NET = `${RG}/providers/Microsoft.Network`;
const HC = `${RG}/providers/Microsoft.HybridCompute`;
// A site name of its own: a site proxy listens on its realized address at the world's port,
// shared loopback for every process on the machine, and the labs' proxy stands at hq's 192.168.0.5.
const SITE = `${RG}/providers/Arclink.OnPremises/sites/random-hq`;
export const SCOPE = `${HC}/privateLinkScopes/arc-pls`;
export const OTHER_SCOPE = `${HC}/privateLinkScopes/other-pls`;
const HUB = `${NET}/virtualNetworks/hub`;
const SPOKE = `${NET}/virtualNetworks/spoke`;
const PE_SUBNET = `${HUB}/subnets/private-endpoints`;
const NSG = `${NET}/networkSecurityGroups/arc-pe-nsg`;
const INBOUND = "10.10.2.4";

const ZONES = {
  his: "privatelink.his.arc.azure.com",
  gc: "privatelink.guestconfiguration.azure.com",
} as const;
type ZoneKey = keyof typeof ZONES;

/** A private zone: absent, or present with or without the endpoint's records and a link to the hub. */
type ZoneSpec = { present: false } | { present: true; records: boolean; linked: boolean };

const FIREWALL_RULES = ["dns", "entra", "arm", "arc-public", "proxy-out"] as const;
type FirewallRule = (typeof FIREWALL_RULES)[number];

export type MachineSpec = "none" | "plain" | "scope-old" | "scope-new" | "other-scope";

export interface HostSpec {
  os: "linux" | "windows";
  /** Indices into the DNS server addresses (dc01, dc02, an address where no DNS server is). */
  dns: readonly number[];
  hostsFile: "none" | "private" | "stale";
  version: string;
  proxyUrl: boolean;
  bypassArc: boolean;
  machine: MachineSpec;
}

export interface WorldSpec {
  publicAccess: "Enabled" | "Disabled";
  pe: "none" | "approved" | "pending";
  zones: Record<ZoneKey, ZoneSpec>;
  resolver: boolean;
  /** Network policies on the endpoint subnet, and an NSG rule denying the site's HTTPS. */
  nsg: { policies: "Enabled" | "Disabled"; denySite: boolean };
  /** How the site reaches Azure: a VPN to the hub, to a spoke peered with the hub, to an unpeered spoke, or none. */
  link: "hub" | "spoke-peered" | "spoke-unpeered" | "none";
  internet: boolean;
  firewall: { defaultAction: "Allow" | "Deny"; rules: readonly FirewallRule[] };
  forwarders: { domains: readonly string[]; target: "inbound" | "azure-dns"; recursion: boolean };
  proxy: boolean;
  hosts: HostSpec[];
  /** Which host connects, with or without the scope flag and the network check. */
  connect: { host: number; withScope: boolean; ignoreNetworkCheck: boolean };
}

const DNS_ADDRESSES = ["192.168.0.10", "192.168.0.11", "192.168.0.99"];
const PE_ADDRESSES = {
  "gbl.his.arc.azure.com": "10.10.1.4",
  "weu.his.arc.azure.com": "10.10.1.5",
  "agentserviceapi.guestconfiguration.azure.com": "10.10.1.6",
  "westeurope-gas.guestconfiguration.azure.com": "10.10.1.7",
};

/** Mostly true: the worlds lean towards the documented setup, so every stage gets reached. */
const mostly = (weight: number) =>
  fc.oneof({ weight, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) });

const zoneSpec: fc.Arbitrary<ZoneSpec> = fc.oneof(
  { weight: 1, arbitrary: fc.constant({ present: false as const }) },
  { weight: 6, arbitrary: fc.record({ present: fc.constant(true as const), records: mostly(5), linked: mostly(5) }) },
);

const hostSpec: fc.Arbitrary<HostSpec> = fc.record({
  os: fc.constantFrom("linux", "windows"),
  dns: fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom([0], [0], [1], [0, 1], [1, 0]) },
    { weight: 1, arbitrary: fc.constantFrom([2, 0], [], [2]) },
  ),
  hostsFile: fc.constantFrom("none", "none", "none", "none", "none", "none", "private", "stale"),
  version: fc.constantFrom("1.3", "1.10", "1.14", "1.41", "1.45", "1.45", "1.45", "1.45", "1.45", "1.45"),
  proxyUrl: mostly(3).map((b) => !b),
  bypassArc: fc.boolean(),
  machine: fc.constantFrom("none", "plain", "scope-old", "scope-old", "scope-old", "scope-new", "other-scope"),
});

/**
 * A random world's knobs; `worldEntries` turns them into a world file's entries.
 *
 * @example
 * fc.assert(fc.asyncProperty(worldSpec, async (spec) => { system.apply(worldEntries(spec)); … }))
 */
export const worldSpec: fc.Arbitrary<WorldSpec> = fc.record({
  publicAccess: fc.constantFrom("Enabled", "Disabled"),
  pe: fc.constantFrom("none", "approved", "approved", "approved", "approved", "pending"),
  zones: fc.record({ his: zoneSpec, gc: zoneSpec }),
  resolver: mostly(8),
  nsg: fc.record({ policies: fc.constantFrom("Enabled", "Disabled"), denySite: mostly(3).map((b) => !b) }),
  link: fc.constantFrom("hub", "hub", "hub", "hub", "hub", "hub", "spoke-peered", "spoke-unpeered", "none"),
  internet: mostly(8),
  firewall: fc.record({
    defaultAction: fc.constantFrom("Allow", "Deny", "Deny"),
    rules: fc.oneof(
      { weight: 5, arbitrary: fc.constant([...FIREWALL_RULES]) },
      { weight: 1, arbitrary: fc.subarray([...FIREWALL_RULES]) },
    ),
  }),
  forwarders: fc.record({
    domains: fc.oneof(
      { weight: 5, arbitrary: fc.constant(["his.arc.azure.com", "guestconfiguration.azure.com"]) },
      {
        weight: 1,
        arbitrary: fc.subarray([
          "his.arc.azure.com",
          "guestconfiguration.azure.com",
          "privatelink.his.arc.azure.com",
          "azure.com",
        ]),
      },
    ),
    target: fc.constantFrom("inbound", "inbound", "inbound", "inbound", "inbound", "azure-dns"),
    recursion: mostly(8),
  }),
  proxy: mostly(2).map((b) => !b),
  hosts: fc.array(hostSpec, { minLength: 1, maxLength: 2 }),
  connect: fc.record({ host: fc.nat(1), withScope: fc.boolean(), ignoreNetworkCheck: fc.boolean() }),
});

export const hostId = (i: number) => `${SITE}/hosts/h${i}`;
export const machineId = (i: number) => `${HC}/machines/h${i}`;

const entry = (id: string, body: Record<string, unknown>): WorldEntry => ({ id, body, line: 0 });

function firewallRule(rule: FirewallRule) {
  const tcp443 = { action: "Allow", protocol: "Tcp", destinationPorts: ["443"] };
  switch (rule) {
    case "dns":
      return {
        name: rule,
        action: "Allow",
        protocol: "Any",
        sourceAddressPrefixes: ["192.168.0.10/32", "192.168.0.11/32", "192.168.1.0/24"],
        destinationAddressPrefixes: ["0.0.0.0/0"],
        destinationPorts: ["53"],
      };
    case "entra":
      return { name: rule, ...tcp443, destinationServiceTags: ["AzureActiveDirectory"] };
    case "arm":
      return { name: rule, ...tcp443, destinationServiceTags: ["AzureResourceManager"] };
    case "arc-public":
      return { name: rule, ...tcp443, destinationServiceTags: ["AzureArcInfrastructure"] };
    case "proxy-out":
      return {
        name: rule,
        ...tcp443,
        sourceAddressPrefixes: ["192.168.0.5/32"],
        destinationAddressPrefixes: ["0.0.0.0/0"],
      };
  }
}

function hostsFile(kind: HostSpec["hostsFile"]): string | undefined {
  if (kind === "none") return undefined;
  const lines = Object.entries(PE_ADDRESSES).map(
    ([name, address]) => `${kind === "stale" ? address.replace(/\.(\d+)$/, ".4$1") : address} ${name}`,
  );
  return ["127.0.0.1 localhost", ...lines, ""].join("\n");
}

/** The world file's entries for a spec (every body in its REST shape), in any order: apply sorts them. */
export function worldEntries(spec: WorldSpec, { proxyPort = 3128 }: { proxyPort?: number } = {}): WorldEntry[] {
  const out: WorldEntry[] = [entry(RG, { location: "westeurope" })];
  out.push(
    entry(NSG, {
      location: "westeurope",
      properties: {
        securityRules: spec.nsg.denySite
          ? [
              {
                name: "deny-site-https",
                properties: {
                  priority: 100,
                  direction: "Inbound",
                  access: "Deny",
                  protocol: "Tcp",
                  sourceAddressPrefix: "192.168.0.0/16",
                  sourcePortRange: "*",
                  destinationAddressPrefix: "*",
                  destinationPortRange: "443",
                },
              },
            ]
          : [],
      },
    }),
  );
  const spoke = spec.link.startsWith("spoke");
  out.push(
    entry(HUB, {
      location: "westeurope",
      properties: {
        addressSpace: { addressPrefixes: ["10.10.0.0/16"] },
        subnets: [
          {
            name: "private-endpoints",
            properties: {
              addressPrefix: "10.10.1.0/24",
              privateEndpointNetworkPolicies: spec.nsg.policies,
              networkSecurityGroup: { id: NSG },
            },
          },
          { name: "dns-inbound", properties: { addressPrefix: "10.10.2.0/28" } },
          { name: "dns-outbound", properties: { addressPrefix: "10.10.3.0/28" } },
        ],
      },
    }),
  );
  if (spoke)
    out.push(
      entry(SPOKE, {
        location: "westeurope",
        properties: {
          addressSpace: { addressPrefixes: ["10.20.0.0/16"] },
          subnets: [{ name: "default", properties: { addressPrefix: "10.20.0.0/24" } }],
          ...(spec.link === "spoke-peered"
            ? {
                virtualNetworkPeerings: [
                  {
                    name: "spoke-to-hub",
                    properties: { remoteVirtualNetwork: { id: HUB }, allowVirtualNetworkAccess: true },
                  },
                ],
              }
            : {}),
        },
      }),
    );
  out.push(entry(SCOPE, { location: "westeurope", properties: { publicNetworkAccess: spec.publicAccess } }));
  out.push(entry(OTHER_SCOPE, { location: "westeurope", properties: { publicNetworkAccess: "Enabled" } }));
  for (const key of Object.keys(ZONES) as ZoneKey[]) {
    const z = spec.zones[key];
    if (!z.present) continue;
    const zoneId = `${NET}/privateDnsZones/${ZONES[key]}`;
    out.push(entry(zoneId, { location: "global" }));
    if (z.linked)
      out.push(
        entry(`${zoneId}/virtualNetworkLinks/hub`, {
          location: "global",
          properties: { virtualNetwork: { id: HUB }, registrationEnabled: false },
        }),
      );
  }
  if (spec.pe !== "none") {
    const pe = `${NET}/privateEndpoints/arc-pe`;
    const connection = {
      name: "arc-pe-connection",
      properties: {
        privateLinkServiceId: SCOPE,
        groupIds: ["hybridcompute"],
        ...(spec.pe === "pending" ? { requestMessage: "Please approve my connection." } : {}),
      },
    };
    out.push(
      entry(pe, {
        location: "westeurope",
        properties: {
          subnet: { id: PE_SUBNET },
          [spec.pe === "pending" ? "manualPrivateLinkServiceConnections" : "privateLinkServiceConnections"]: [
            connection,
          ],
        },
      }),
    );
    const withRecords = (Object.keys(ZONES) as ZoneKey[]).filter((k) => {
      const z = spec.zones[k];
      return z.present && z.records;
    });
    if (withRecords.length > 0)
      out.push(
        entry(`${pe}/privateDnsZoneGroups/arc-dns-zone-group`, {
          properties: {
            privateDnsZoneConfigs: withRecords.map((k) => ({
              name: ZONES[k].replace(/\./g, "-"),
              properties: { privateDnsZoneId: `${NET}/privateDnsZones/${ZONES[k]}` },
            })),
          },
        }),
      );
  }
  if (spec.resolver) {
    const resolver = `${NET}/dnsResolvers/hub-resolver`;
    out.push(entry(resolver, { location: "westeurope", properties: { virtualNetwork: { id: HUB } } }));
    out.push(
      entry(`${resolver}/inboundEndpoints/inbound`, {
        location: "westeurope",
        properties: {
          ipConfigurations: [
            {
              subnet: { id: `${HUB}/subnets/dns-inbound` },
              privateIpAllocationMethod: "Static",
              privateIpAddress: INBOUND,
            },
          ],
        },
      }),
    );
  }
  const target = spec.link === "none" ? undefined : spec.link === "hub" ? HUB : SPOKE;
  out.push(
    entry(SITE, {
      location: "onpremises",
      properties: {
        addressSpace: { addressPrefixes: ["192.168.0.0/16"] },
        connections: target ? [{ name: "vpn", kind: "SiteToSiteVpn", virtualNetwork: { id: target } }] : [],
        internetAccess: spec.internet,
        egressFirewall: { defaultAction: spec.firewall.defaultAction, rules: spec.firewall.rules.map(firewallRule) },
      },
    }),
  );
  out.push(
    entry(`${SITE}/dnsServers/dc01`, {
      properties: {
        address: DNS_ADDRESSES[0],
        conditionalForwarders: spec.forwarders.domains.map((domain) => ({
          domain,
          targets: [spec.forwarders.target === "inbound" ? INBOUND : "168.63.129.16"],
        })),
        recursion: spec.forwarders.recursion,
        cnameChasing: true,
      },
    }),
  );
  out.push(entry(`${SITE}/dnsServers/dc02`, { properties: { address: DNS_ADDRESSES[1], recursion: true } }));
  if (spec.proxy)
    out.push(
      entry(`${SITE}/proxies/proxy01`, {
        properties: { address: "192.168.0.5", port: proxyPort, dnsServers: [DNS_ADDRESSES[1]] },
      }),
    );
  spec.hosts.forEach((h, i) => {
    const scope =
      h.machine === "scope-old" || h.machine === "scope-new"
        ? SCOPE
        : h.machine === "other-scope"
          ? OTHER_SCOPE
          : undefined;
    if (h.machine !== "none")
      out.push(
        entry(machineId(i), {
          location: "westeurope",
          properties: { osType: h.os, ...(scope ? { privateLinkScopeResourceId: scope } : {}) },
        }),
      );
    const config: Record<string, unknown> = {};
    if (h.proxyUrl) config["proxy.url"] = `http://192.168.0.5:${proxyPort}`;
    if (h.bypassArc) config["proxy.bypass"] = ["Arc"];
    const file = hostsFile(h.hostsFile);
    out.push(
      entry(hostId(i), {
        properties: {
          address: `192.168.1.${10 + i}`,
          os: h.os,
          dnsServers: h.dns.map((d) => DNS_ADDRESSES[d]),
          ...(file ? { hostsFile: file } : {}),
          agent: { version: h.version, config },
          ...(h.machine !== "none" ? { machineId: machineId(i) } : {}),
        },
      }),
    );
  });
  return out;
}

/** The machines whose association is backdated past the delay (associated long ago). */
export function backdatedMachines(spec: WorldSpec): string[] {
  return spec.hosts.flatMap((h, i) => (h.machine === "scope-old" || h.machine === "other-scope" ? [machineId(i)] : []));
}
