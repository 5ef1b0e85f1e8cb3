import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { publicAddressOf } from "../dns/public-names.js";
import {
  ARC_IDS,
  ARC_IPS,
  type ArcWorldOptions,
  arcPrivateLinkResources,
  networkSecurityGroup,
  type RuleSpec,
  type SubnetSpec,
  virtualNetwork,
  worldOf,
} from "../testing/index.js";
import { reach } from "./reach.js";
import type { Disposition, Protocol, Source } from "./reach-types.js";

const now = new Date("2026-02-01T00:00:00Z");
const fromHost: Source = { kind: "premises", id: ARC_IDS.host };
const aad = publicAddressOf({}, "login.microsoftonline.com")!;
const arm = publicAddressOf({}, "management.azure.com")!;

/** The Arc world with an NSG on the PE subnet (and the subnet's PE network policies). */
function withPeNsg(rules: RuleSpec[], policies: SubnetSpec["privateEndpointNetworkPolicies"], o: ArcWorldOptions = {}) {
  const nsg = networkSecurityGroup("pe-nsg", rules);
  const hub = virtualNetwork("hub", {
    addressPrefixes: ["10.10.0.0/16"],
    subnets: [
      {
        name: "pe",
        addressPrefix: "10.10.1.0/24",
        networkSecurityGroupId: nsg.id,
        privateEndpointNetworkPolicies: policies,
      },
      { name: "inbound", addressPrefix: "10.10.2.0/28", networkSecurityGroupId: nsg.id },
    ],
  });
  return worldOf([...arcPrivateLinkResources(o).map((r) => (r.id === hub.id ? hub : r)), nsg]);
}

const denyAll: RuleSpec = { name: "deny-all-in", priority: 4000, direction: "Inbound", access: "Deny" };
const allowOnPrem: RuleSpec = {
  name: "allow-onprem",
  priority: 100,
  direction: "Inbound",
  access: "Allow",
  source: "192.168.0.0/24",
  protocol: "Tcp",
  ports: "443",
};

interface Case {
  title: string;
  options?: ArcWorldOptions;
  world?: () => ReturnType<typeof worldOf>;
  from?: Source;
  to: string;
  port?: number;
  protocol?: Protocol;
  requestedName?: string;
  expect: Disposition;
}

const firewall = (rules: unknown[], defaultAction = "Deny") => ({ egressFirewall: { defaultAction, rules } });

const cases: Case[] = [
  { title: "same site is delivered", to: ARC_IPS.dnsServer, protocol: "Udp", port: 53, expect: "DELIVERED" },
  { title: "PE over the VPN is delivered", to: ARC_IPS.gbl, expect: "DELIVERED" },
  { title: "PE without a VPN has no route", options: { vpn: false }, to: ARC_IPS.gbl, expect: "NO_ROUTE" },
  { title: "an unknown private address has no route", to: "172.16.5.5", expect: "NO_ROUTE" },
  { title: "a vnet address outside every subnet has no route", to: "10.10.200.1", expect: "NO_ROUTE" },
  { title: "public address with default Allow", to: aad, expect: "DELIVERED" },
  { title: "no internet access", options: { internetAccess: false }, to: aad, expect: "NO_INTERNET" },
  { title: "firewall default Deny", options: firewall([]), to: aad, expect: "BLOCKED_BY_FIREWALL" },
  {
    title: "service tag rule allows Entra ID",
    options: firewall([
      { name: "aad", action: "Allow", destinationServiceTags: ["AzureActiveDirectory"], destinationPorts: ["443"] },
    ]),
    to: aad,
    expect: "DELIVERED",
  },
  {
    title: "service tag rule does not allow ARM",
    options: firewall([
      { name: "aad", action: "Allow", destinationServiceTags: ["AzureActiveDirectory"], destinationPorts: ["443"] },
    ]),
    to: arm,
    expect: "BLOCKED_BY_FIREWALL",
  },
  {
    title: "service tag rule on the wrong port",
    options: firewall([
      { name: "aad", action: "Allow", destinationServiceTags: ["AzureActiveDirectory"], destinationPorts: ["80-90"] },
    ]),
    to: aad,
    expect: "BLOCKED_BY_FIREWALL",
  },
  {
    title: "FQDN rule matches the requested name",
    options: firewall([
      { name: "arm", action: "Allow", destinationFqdns: ["management.azure.com"], destinationPorts: ["443"] },
    ]),
    to: arm,
    requestedName: "Management.Azure.com",
    expect: "DELIVERED",
  },
  {
    title: "FQDN wildcard matches subdomains only",
    options: firewall([{ name: "ms", action: "Allow", destinationFqdns: ["*.azure.com"], destinationPorts: ["*"] }]),
    to: arm,
    requestedName: "azure.com",
    expect: "BLOCKED_BY_FIREWALL",
  },
  {
    title: "FQDN rule without a requested name does not match",
    options: firewall([
      { name: "arm", action: "Allow", destinationFqdns: ["management.azure.com"], destinationPorts: ["443"] },
    ]),
    to: arm,
    expect: "BLOCKED_BY_FIREWALL",
  },
  {
    title: "first matching rule wins: Deny before Allow",
    options: firewall(
      [
        { name: "deny-aad", action: "Deny", destinationAddressPrefixes: [`${aad}/32`], destinationPorts: ["*"] },
        { name: "allow-all", action: "Allow", destinationPorts: ["*"] },
      ],
      "Allow",
    ),
    to: aad,
    expect: "BLOCKED_BY_FIREWALL",
  },
  {
    title: "a TCP rule does not match UDP",
    options: firewall([{ name: "tcp", action: "Allow", destinationPorts: ["53"] }]),
    to: "8.8.8.8",
    port: 53,
    protocol: "Udp",
    expect: "BLOCKED_BY_FIREWALL",
  },
  {
    title: "a source prefix limits a rule",
    options: firewall([
      { name: "dns-only", action: "Allow", sourceAddressPrefixes: ["192.168.0.10/32"], destinationPorts: ["*"] },
    ]),
    to: aad,
    expect: "BLOCKED_BY_FIREWALL",
  },
  {
    title: "the firewall does not apply over the VPN",
    options: firewall([]),
    to: ARC_IPS.gbl,
    expect: "DELIVERED",
  },
  {
    title: "NSG with policies Disabled does not filter the PE",
    world: () => withPeNsg([denyAll], "Disabled"),
    to: ARC_IPS.gbl,
    expect: "DELIVERED",
  },
  {
    title: "NSG with policies Enabled filters the PE",
    world: () => withPeNsg([denyAll], "Enabled"),
    to: ARC_IPS.gbl,
    expect: "BLOCKED_BY_NSG",
  },
  {
    title: "higher-priority allow wins over deny",
    world: () => withPeNsg([denyAll, allowOnPrem], "Enabled"),
    to: ARC_IPS.gbl,
    expect: "DELIVERED",
  },
  {
    title: "default AllowVnetInBound covers connected on-prem prefixes",
    world: () => withPeNsg([], "NetworkSecurityGroupEnabled"),
    to: ARC_IPS.gbl,
    expect: "DELIVERED",
  },
  {
    title: "NSG on a non-PE subnet applies regardless of policies",
    world: () => withPeNsg([denyAll], "Disabled"),
    to: ARC_IPS.inbound,
    port: 53,
    protocol: "Udp",
    expect: "BLOCKED_BY_NSG",
  },
  {
    title: "from the inbound endpoint back to on-prem over the VPN",
    from: { kind: "subnet", subnetId: ARC_IDS.inboundSubnet, address: ARC_IPS.inbound },
    to: ARC_IPS.dnsServer,
    port: 53,
    protocol: "Udp",
    expect: "DELIVERED",
  },
  {
    title: "outbound NSG of the source subnet",
    world: () =>
      withPeNsg(
        [{ name: "no-out", priority: 100, direction: "Outbound", access: "Deny", destination: "VirtualNetwork" }],
        "Disabled",
      ),
    from: { kind: "subnet", subnetId: ARC_IDS.inboundSubnet, address: ARC_IPS.inbound },
    to: ARC_IPS.dnsServer,
    port: 53,
    protocol: "Udp",
    expect: "BLOCKED_BY_NSG",
  },
  {
    title: "from a vnet to 168.63.129.16 is the platform",
    from: { kind: "virtual-network", virtualNetworkId: ARC_IDS.hub },
    to: "168.63.129.16",
    port: 53,
    protocol: "Udp",
    expect: "DELIVERED",
  },
  {
    title: "a source not in the world has no route",
    from: { kind: "premises", id: "/subscriptions/x/resourceGroups/y/providers/Arclink.OnPremises/sites/s/hosts/h" },
    to: aad,
    expect: "NO_ROUTE",
  },
  { title: "a destination that is not an address has no route", to: "not-an-ip", expect: "NO_ROUTE" },
];

describe("reach", () => {
  for (const c of cases) {
    it(c.title, () => {
      const world = c.world ? c.world() : worldOf(arcPrivateLinkResources(c.options));
      const result = reach(world, c.from ?? fromHost, c.to, c.port ?? 443, c.protocol ?? "Tcp", now, {
        requestedName: c.requestedName,
      });
      assert.equal(result.disposition, c.expect, JSON.stringify(result.trace, null, 1));
      assert.equal(result.place !== undefined, c.expect === "DELIVERED");
    });
  }

  it("reaches a vnet peered with the connected one", () => {
    const spoke = virtualNetwork("spoke", {
      addressPrefixes: ["10.20.0.0/16"],
      subnets: [{ name: "s", addressPrefix: "10.20.0.0/24" }],
      peerWith: [ARC_IDS.hub],
    });
    const world = worldOf([...arcPrivateLinkResources(), spoke]);
    const result = reach(world, fromHost, "10.20.0.9", 443, "Tcp", now);
    assert.equal(result.disposition, "DELIVERED");
    assert.deepEqual(result.place, {
      kind: "virtual-network",
      virtualNetworkId: spoke.id,
      subnetId: `${spoke.id}/subnets/s`,
    });
  });
});
