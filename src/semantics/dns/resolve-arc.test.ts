import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  ARC_IDS,
  ARC_IPS,
  ARC_ZONE_IDS,
  type ArcWorldOptions,
  arcPrivateLinkResources,
  worldOf,
  zoneLink,
} from "../testing/index.js";
import type { Rcode, RecordType, Vantage } from "./dns-types.js";
import { publicAddressOf } from "./public-names.js";
import { finalAddresses, resolve } from "./resolve.js";

const now = new Date("2026-02-01T00:00:00Z");
const host: Vantage = { kind: "host", hostId: ARC_IDS.host };
const pub = (name: string) => publicAddressOf({}, name)!;

interface Case {
  title: string;
  options?: ArcWorldOptions;
  vantage?: Vantage;
  name: string;
  type?: RecordType;
  rcode: Rcode;
  addresses?: string[];
  step?: string;
}

const cases: Case[] = [
  {
    title: "documented setup: gbl resolves to the PE",
    name: "gbl.his.arc.azure.com",
    rcode: "NOERROR",
    addresses: [ARC_IPS.gbl],
  },
  { title: "regional HIS name", name: "weu.his.arc.azure.com", rcode: "NOERROR", addresses: [ARC_IPS.his] },
  {
    title: "guest configuration regional name",
    name: "westeurope-gas.guestconfiguration.azure.com",
    rcode: "NOERROR",
    addresses: [ARC_IPS.gas],
  },
  {
    title: "names are case-insensitive, trailing dot allowed",
    name: "AgentServiceApi.GuestConfiguration.Azure.com.",
    rcode: "NOERROR",
    addresses: [ARC_IPS.agentserviceapi],
  },
  {
    title: "Entra ID stays public",
    name: "login.microsoftonline.com",
    rcode: "NOERROR",
    addresses: [pub("login.microsoftonline.com")],
  },
  { title: "an unknown Arc name is NXDOMAIN", name: "nope.his.arc.azure.com", rcode: "NXDOMAIN", addresses: [] },
  {
    title: "AAAA for an A-only name is NOERROR with no data",
    name: "gbl.his.arc.azure.com",
    type: "AAAA",
    rcode: "NOERROR",
    addresses: [],
  },
  {
    title: "hosts file wins over DNS",
    options: { hostsFile: "10.99.0.1 gbl.his.arc.azure.com\n" },
    name: "gbl.his.arc.azure.com",
    rcode: "NOERROR",
    addresses: ["10.99.0.1"],
    step: "hosts-file",
  },
  {
    title: "no VPN: the forwarder target is unreachable → SERVFAIL",
    options: { vpn: false },
    name: "gbl.his.arc.azure.com",
    rcode: "SERVFAIL",
    step: "server-unreachable",
  },
  {
    title: "forwarder on the privatelink zone with CNAME chasing still lands on the PE",
    options: { forwarderDomains: ["privatelink.his.arc.azure.com"] },
    name: "gbl.his.arc.azure.com",
    rcode: "NOERROR",
    addresses: [ARC_IPS.gbl],
  },
  {
    title: "forwarder on the privatelink zone without CNAME chasing gets the public address",
    options: { forwarderDomains: ["privatelink.his.arc.azure.com"], cnameChasing: false },
    name: "gbl.his.arc.azure.com",
    rcode: "NOERROR",
    addresses: [pub("gbl.his.arc.azure.com")],
  },
  {
    title: "no conditional forwarders: public answer",
    options: { forwarderDomains: [] },
    name: "gbl.his.arc.azure.com",
    rcode: "NOERROR",
    addresses: [pub("gbl.his.arc.azure.com")],
  },
  {
    title: "zones not linked to the vnet: public answer",
    options: { linkZones: false },
    name: "gbl.his.arc.azure.com",
    rcode: "NOERROR",
    addresses: [pub("gbl.his.arc.azure.com")],
  },
  {
    title: "a linked zone lacking the name gives NXDOMAIN",
    name: "eus.his.arc.azure.com",
    rcode: "NXDOMAIN",
    step: "private-zone",
  },
  {
    title: "no internet: public names fail at the on-prem server",
    options: { internetAccess: false },
    name: "login.microsoftonline.com",
    rcode: "SERVFAIL",
    step: "recursion",
  },
  {
    title: "firewall denying everything blocks recursion",
    options: { egressFirewall: { defaultAction: "Deny", rules: [] } },
    name: "management.azure.com",
    rcode: "SERVFAIL",
  },
  {
    title: "firewall allowing UDP 53 lets recursion through",
    options: {
      egressFirewall: {
        defaultAction: "Deny",
        rules: [{ name: "dns", action: "Allow", protocol: "Udp", destinationPorts: ["53"] }],
      },
    },
    name: "management.azure.com",
    rcode: "NOERROR",
    addresses: [pub("management.azure.com")],
  },
  {
    title: "Azure DNS of the hub answers privately",
    vantage: { kind: "azure-dns", virtualNetworkId: ARC_IDS.hub },
    name: "gbl.his.arc.azure.com",
    rcode: "NOERROR",
    addresses: [ARC_IPS.gbl],
  },
  {
    title: "the inbound endpoint answers as the hub",
    vantage: { kind: "resolver-inbound", inboundEndpointId: ARC_IDS.inbound },
    name: "weu.his.arc.azure.com",
    rcode: "NOERROR",
    addresses: [ARC_IPS.his],
  },
  {
    title: "a VM in the hub uses Azure DNS",
    vantage: { kind: "virtual-network", virtualNetworkId: ARC_IDS.hub },
    name: "gbl.his.arc.azure.com",
    rcode: "NOERROR",
    addresses: [ARC_IPS.gbl],
  },
  {
    title: "the public internet gives the public address",
    vantage: { kind: "public" },
    name: "gbl.his.arc.azure.com",
    rcode: "NOERROR",
    addresses: [pub("gbl.his.arc.azure.com")],
  },
  {
    title: "the on-prem server itself",
    vantage: { kind: "dns-server", dnsServerId: ARC_IDS.dnsServer },
    name: "gbl.his.arc.azure.com",
    rcode: "NOERROR",
    addresses: [ARC_IPS.gbl],
  },
  {
    title: "the proxy resolves with its DNS servers",
    vantage: { kind: "proxy", proxyId: ARC_IDS.proxy },
    name: "gbl.his.arc.azure.com",
    rcode: "NOERROR",
    addresses: [ARC_IPS.gbl],
  },
  {
    title: "an unknown vantage is SERVFAIL",
    vantage: { kind: "host", hostId: `${ARC_IDS.site}/hosts/ghost` },
    name: "gbl.his.arc.azure.com",
    rcode: "SERVFAIL",
    step: "unknown-vantage",
  },
];

describe("resolve: the documented Arc private link setup", () => {
  for (const c of cases) {
    it(c.title, () => {
      const answer = resolve(
        worldOf(arcPrivateLinkResources(c.options)),
        c.vantage ?? host,
        c.name,
        c.type ?? "A",
        now,
      );
      assert.equal(answer.rcode, c.rcode, JSON.stringify(answer.trace, null, 1));
      if (c.addresses) assert.deepEqual(finalAddresses(answer), c.addresses);
      if (c.step)
        assert.ok(
          answer.trace.some((s) => s.kind === c.step),
          `expected a "${c.step}" step`,
        );
    });
  }

  it("NxDomainRedirect on the link falls back to public resolution", () => {
    const resources = arcPrivateLinkResources().map((r) =>
      r.id === `${ARC_ZONE_IDS.his}/virtualNetworkLinks/hub-link`
        ? zoneLink(ARC_ZONE_IDS.his, "hub-link", ARC_IDS.hub, "NxDomainRedirect")
        : r,
    );
    const answer = resolve(worldOf(resources), host, "eus.his.arc.azure.com", "A", now);
    assert.equal(answer.rcode, "NOERROR");
    assert.deepEqual(finalAddresses(answer), [pub("eus.his.arc.azure.com")]);
    assert.ok(answer.trace.some((s) => s.kind === "nxdomain-redirect"));
  });

  it("a private answer chain is CNAME then A with the zone TTL", () => {
    const answer = resolve(worldOf(arcPrivateLinkResources()), host, "gbl.his.arc.azure.com", "A", now);
    assert.deepEqual(answer.answers, [
      { name: "gbl.his.arc.azure.com", type: "CNAME", ttl: 300, data: "gbl.privatelink.his.arc.azure.com" },
      { name: "gbl.privatelink.his.arc.azure.com", type: "A", ttl: 10, data: ARC_IPS.gbl },
    ]);
  });
});
