import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Resource } from "../../world/resource.js";
import {
  ARC_IDS,
  ARC_IPS,
  ARC_ZONE_IDS,
  arcPrivateLinkResources,
  dnsResolver,
  forwardingRuleset,
  networkSecurityGroup,
  recordSet,
  virtualNetwork,
  withProperties,
  worldOf,
} from "../testing/index.js";
import type { Vantage } from "./dns-types.js";
import { publicAddressOf } from "./public-names.js";
import { finalAddresses, resolve } from "./resolve.js";

const now = new Date("2026-02-01T00:00:00Z");
const host: Vantage = { kind: "host", hostId: ARC_IDS.host };
const server: Vantage = { kind: "dns-server", dnsServerId: ARC_IDS.dnsServer };
const corpZone = {
  name: "corp.example",
  records: [
    { name: "app", type: "A", value: "192.168.0.50" },
    { name: "www", type: "CNAME", value: "app.corp.example." },
    { name: "@", type: "TXT", value: "v=corp" },
  ],
};

function withServer(patch: Record<string, unknown>, extra: Resource[] = []): Resource[] {
  return [...withProperties(arcPrivateLinkResources(), ARC_IDS.dnsServer, patch), ...extra];
}

/** The hub with an outbound endpoint and a ruleset linked to it. */
function withRuleset(rules: Parameters<typeof forwardingRuleset>[1]["rules"]): Resource[] {
  const hubWithOutbound = arcPrivateLinkResources().filter(
    (r) => r.id !== ARC_IDS.hub && !r.id.includes("/dnsResolvers/"),
  );
  const outboundId = `${ARC_IDS.hub.replace(/virtualNetworks\/hub$/, "dnsResolvers/dnsr")}/outboundEndpoints/outbound`;
  return [
    ...hubWithOutbound,
    virtualNetwork("hub", {
      addressPrefixes: ["10.10.0.0/16"],
      subnets: [
        { name: "pe", addressPrefix: "10.10.1.0/24" },
        { name: "inbound", addressPrefix: "10.10.2.0/28" },
        { name: "outbound", addressPrefix: "10.10.3.0/28" },
      ],
    }),
    ...dnsResolver("dnsr", {
      virtualNetworkId: ARC_IDS.hub,
      inbound: { subnetId: ARC_IDS.inboundSubnet, ip: ARC_IPS.inbound },
      outboundSubnetId: `${ARC_IDS.hub}/subnets/outbound`,
    }),
    ...forwardingRuleset("rs", { outboundEndpointIds: [outboundId], rules, linkedVirtualNetworkIds: [ARC_IDS.hub] }),
  ];
}

describe("resolve: on-premises DNS servers", () => {
  it("answers from a local zone, chasing an in-zone CNAME", () => {
    const world = worldOf(withServer({ zones: [corpZone] }));
    const a = resolve(world, host, "www.corp.example", "A", now);
    assert.equal(a.rcode, "NOERROR");
    assert.deepEqual(
      a.answers.map((r) => `${r.type} ${r.data}`),
      ["CNAME app.corp.example", "A 192.168.0.50"],
    );
    assert.deepEqual(finalAddresses(resolve(world, host, "corp.example", "TXT", now)), []);
    assert.equal(resolve(world, host, "corp.example", "TXT", now).answers[0]?.data, "v=corp");
    assert.equal(resolve(world, host, "missing.corp.example", "A", now).rcode, "NXDOMAIN");
  });

  it("returns the CNAME alone when CNAME chasing is off", () => {
    const a = resolve(
      worldOf(withServer({ zones: [corpZone], cnameChasing: false })),
      host,
      "www.corp.example",
      "A",
      now,
    );
    assert.deepEqual(
      a.answers.map((r) => r.type),
      ["CNAME"],
    );
    assert.ok(a.trace.some((s) => s.kind === "cname-not-chased"));
  });

  it("uses forwarders before recursion; a public resolver answers", () => {
    const a = resolve(
      worldOf(withServer({ forwarders: ["8.8.8.8"], recursion: false })),
      server,
      "management.azure.com",
      "A",
      now,
    );
    assert.deepEqual(finalAddresses(a), [publicAddressOf({}, "management.azure.com")]);
    assert.ok(a.trace.some((s) => s.kind === "forwarder"));
  });

  it("refuses names it cannot serve when recursion is off", () => {
    const world = worldOf(withServer({ recursion: false }));
    assert.equal(resolve(world, server, "management.azure.com", "A", now).rcode, "REFUSED");
    assert.equal(resolve(world, host, "management.azure.com", "A", now).rcode, "REFUSED");
  });

  it("a conditional forwarder with no reachable target is SERVFAIL", () => {
    const world = worldOf(
      withServer({ conditionalForwarders: [{ domain: "his.arc.azure.com", targets: ["10.20.0.4"] }] }),
    );
    const a = resolve(world, server, "gbl.his.arc.azure.com", "A", now);
    assert.equal(a.rcode, "SERVFAIL");
    assert.ok(a.trace.some((s) => s.kind === "server-unreachable"));
  });

  it("the longest conditional forwarder wins", () => {
    const world = worldOf(
      withServer({
        conditionalForwarders: [
          { domain: "azure.com", targets: ["10.20.0.4"] },
          { domain: "his.arc.azure.com", targets: [ARC_IPS.inbound] },
        ],
      }),
    );
    assert.deepEqual(finalAddresses(resolve(world, server, "gbl.his.arc.azure.com", "A", now)), [ARC_IPS.gbl]);
    assert.equal(resolve(world, server, "management.azure.com", "A", now).rcode, "SERVFAIL");
  });
});

describe("resolve: hosts", () => {
  it("tries the next DNS server when the first does not answer", () => {
    const resources = withProperties(arcPrivateLinkResources(), ARC_IDS.host, {
      dnsServers: ["192.168.0.99", ARC_IPS.dnsServer],
    });
    const a = resolve(worldOf(resources), host, "gbl.his.arc.azure.com", "A", now);
    assert.deepEqual(finalAddresses(a), [ARC_IPS.gbl]);
    assert.ok(a.trace.some((s) => s.kind === "no-dns-listener"));
  });

  it("168.63.129.16 does not answer from outside Azure", () => {
    const resources = withProperties(arcPrivateLinkResources(), ARC_IDS.host, { dnsServers: ["168.63.129.16"] });
    const a = resolve(worldOf(resources), host, "gbl.his.arc.azure.com", "A", now);
    assert.equal(a.rcode, "SERVFAIL");
    assert.ok(a.trace.some((s) => s.kind === "no-dns-listener"));
  });

  it("an NSG denying DNS into the inbound subnet breaks resolution", () => {
    const nsg = networkSecurityGroup("deny-dns", [
      { name: "deny-53", priority: 100, direction: "Inbound", access: "Deny", protocol: "Udp", ports: "53" },
    ]);
    const resources = arcPrivateLinkResources().map((r) =>
      r.id === ARC_IDS.hub
        ? virtualNetwork("hub", {
            addressPrefixes: ["10.10.0.0/16"],
            subnets: [
              { name: "pe", addressPrefix: "10.10.1.0/24" },
              { name: "inbound", addressPrefix: "10.10.2.0/28", networkSecurityGroupId: nsg.id },
            ],
          })
        : r,
    );
    const a = resolve(worldOf([...resources, nsg]), host, "gbl.his.arc.azure.com", "A", now);
    assert.equal(a.rcode, "SERVFAIL");
    assert.ok(a.trace.some((s) => s.detail.includes("BLOCKED_BY_NSG")));
  });
});

describe("resolve: Azure DNS and the private resolver", () => {
  it("a vnet with custom DNS servers uses them instead of Azure DNS", () => {
    const resources = arcPrivateLinkResources().map((r) =>
      r.id === ARC_IDS.hub
        ? virtualNetwork("hub", {
            addressPrefixes: ["10.10.0.0/16"],
            subnets: [
              { name: "pe", addressPrefix: "10.10.1.0/24" },
              { name: "inbound", addressPrefix: "10.10.2.0/28" },
            ],
            dnsServers: ["192.168.0.10"],
          })
        : r,
    );
    const a = resolve(
      worldOf(resources),
      { kind: "virtual-network", virtualNetworkId: ARC_IDS.hub },
      "gbl.his.arc.azure.com",
      "A",
      now,
    );
    assert.deepEqual(finalAddresses(a), [ARC_IPS.gbl]);
    assert.ok(a.trace[0]?.detail.includes("192.168.0.10"));
  });

  it("a forwarding rule sends a domain to the on-prem server over the VPN", () => {
    const resources = withRuleset([{ name: "corp", domainName: "corp.example.", targets: [ARC_IPS.dnsServer] }]).map(
      (r) => (r.id === ARC_IDS.dnsServer ? { ...r, properties: { ...r.properties, zones: [corpZone] } } : r),
    );
    const a = resolve(
      worldOf(resources),
      { kind: "resolver-inbound", inboundEndpointId: ARC_IDS.inbound },
      "app.corp.example",
      "A",
      now,
    );
    assert.deepEqual(finalAddresses(a), ["192.168.0.50"]);
    assert.ok(a.trace.some((s) => s.kind === "forwarding-rule"));
  });

  it("a disabled forwarding rule is ignored", () => {
    const resources = withRuleset([
      { name: "corp", domainName: "corp.example.", targets: [ARC_IPS.dnsServer], state: "Disabled" },
    ]);
    const a = resolve(
      worldOf(resources),
      { kind: "azure-dns", virtualNetworkId: ARC_IDS.hub },
      "app.corp.example",
      "A",
      now,
    );
    assert.equal(a.rcode, "NXDOMAIN");
  });

  it("a forwarding loop ends in SERVFAIL with a depth step", () => {
    const resources = withRuleset([{ name: "arc", domainName: "his.arc.azure.com.", targets: [ARC_IPS.dnsServer] }]);
    const a = resolve(worldOf(resources), host, "gbl.his.arc.azure.com", "A", now);
    assert.equal(a.rcode, "SERVFAIL");
    assert.ok(a.trace.some((s) => s.kind === "depth-exceeded"));
  });

  it("a CNAME loop inside a private zone ends in SERVFAIL", () => {
    const resources = [
      ...arcPrivateLinkResources().filter((r) => !r.id.endsWith("/A/gbl")),
      recordSet(ARC_ZONE_IDS.his, "gbl", { cname: "gbl2.privatelink.his.arc.azure.com" }),
      recordSet(ARC_ZONE_IDS.his, "gbl2", { cname: "gbl.privatelink.his.arc.azure.com" }),
    ];
    const a = resolve(
      worldOf(resources),
      { kind: "azure-dns", virtualNetworkId: ARC_IDS.hub },
      "gbl.his.arc.azure.com",
      "A",
      now,
    );
    assert.equal(a.rcode, "SERVFAIL");
    assert.ok(a.trace.some((s) => s.kind === "depth-exceeded"));
  });
});
