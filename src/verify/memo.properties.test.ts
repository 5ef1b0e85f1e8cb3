// Sharing answers between hosts must never change a verdict: on generated worlds — hosts
// that differ in address, DNS servers, hosts file, agent, proxy and machine, behind
// firewalls that name some source prefixes — every row of a memoized verify run equals
// the connection composed over the plain (unshared) semantic calls. This is the proof
// that the memo keys (memo.ts, readHosts) cover everything the semantics read.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { connectWith, plainCalls } from "../semantics/connect/index.js";
import {
  ARC_IDS,
  ARC_IPS,
  arcPrivateLinkResources,
  host,
  machine,
  privateLinkScope,
  worldOf,
} from "../semantics/testing/index.js";
import type { Resource } from "../world/resource.js";
import { verifyWorld } from "./verify-world.js";

const NOW = new Date("2026-01-01T01:00:00Z");

const arbHost = fc.record({
  address: fc.constantFrom("192.168.0.20", "192.168.0.21", "192.168.0.130", "192.168.0.200"),
  dnsServers: fc.constantFrom([ARC_IPS.dnsServer], ["192.168.0.99", ARC_IPS.dnsServer], ["1.1.1.1"], []),
  hostsFile: fc.constantFrom(undefined, `${ARC_IPS.gbl} gbl.his.arc.azure.com\n`, "10.10.1.99 weu.his.arc.azure.com\n"),
  os: fc.constantFrom("linux", "windows"),
  agent: fc.constantFrom(
    undefined,
    { version: "1.45", config: {}, environment: {} },
    { version: "1.3", config: {}, environment: {} },
    { version: "1.45", config: { "proxy.url": `http://${ARC_IPS.proxy}:3128` }, environment: {} },
    {
      version: "1.45",
      config: { "proxy.url": `http://${ARC_IPS.proxy}:3128`, "proxy.bypass": ["Arc"] },
      environment: {},
    },
  ),
  machine: fc.constantFrom("none", "scope", "other-scope", "unassociated", "recent"),
});

const arbFirewall = fc.constantFrom(
  { defaultAction: "Allow", rules: [] },
  {
    defaultAction: "Allow",
    rules: [
      {
        name: "block-some",
        action: "Deny",
        protocol: "Any",
        sourceAddressPrefixes: ["192.168.0.128/25"],
        destinationAddressPrefixes: ["0.0.0.0/0"],
        destinationPorts: ["443"],
      },
    ],
  },
  {
    defaultAction: "Deny",
    rules: [
      {
        name: "dns",
        action: "Allow",
        protocol: "Udp",
        destinationAddressPrefixes: ["0.0.0.0/0"],
        destinationPorts: ["53"],
      },
      {
        name: "aad",
        action: "Allow",
        protocol: "Tcp",
        sourceAddressPrefixes: ["192.168.0.0/26"],
        destinationServiceTags: ["AzureActiveDirectory"],
        destinationPorts: ["443"],
      },
    ],
  },
);

type GenHost = typeof arbHost extends fc.Arbitrary<infer T> ? T : never;

function worldWith(hosts: GenHost[], egressFirewall: unknown, vpn: boolean): Resource[] {
  const other = privateLinkScope("other-scope", "Enabled");
  const out: Resource[] = [
    ...arcPrivateLinkResources({ vpn, egressFirewall: egressFirewall as Record<string, unknown> }),
    other,
  ];
  hosts.forEach((h, i) => {
    const name = `gen${i}`;
    let machineId: string | undefined;
    if (h.machine !== "none") {
      const m = machine(name, {
        scopeId: h.machine === "unassociated" ? undefined : h.machine === "other-scope" ? other.id : ARC_IDS.scope,
        associatedAt: h.machine === "recent" ? "2026-01-01T00:55:00Z" : "2026-01-01T00:00:00Z",
      });
      out.push(m);
      machineId = m.id;
    }
    out.push(
      host(ARC_IDS.site, name, {
        address: h.address,
        dnsServers: h.dnsServers,
        os: h.os,
        ...(h.hostsFile ? { hostsFile: h.hostsFile } : {}),
        ...(h.agent ? { agent: h.agent } : {}),
        ...(machineId ? { machineId } : {}),
      }),
    );
  });
  return out;
}

const columns = (r: {
  hostId: string;
  endpoint: string;
  verdict: string;
  route: string;
  address?: string;
  privateEndpointId?: string;
  scopeId?: string;
  refusal?: string;
}) => [r.hostId, r.endpoint, r.verdict, r.route, r.address, r.privateEndpointId, r.scopeId, r.refusal].join(" | ");

test("memoized verification equals unmemoized connections on generated worlds", () => {
  fc.assert(
    fc.property(fc.array(arbHost, { minLength: 2, maxLength: 6 }), arbFirewall, fc.boolean(), (hosts, fw, vpn) => {
      const world = worldOf(worldWith(hosts, fw, vpn));
      const report = verifyWorld(world, { now: NOW });
      const plain = plainCalls(world, NOW);
      assert.ok(report.verdicts.length > 0);
      for (const row of report.verdicts) {
        const c = connectWith(plain, { kind: "host", hostId: row.hostId }, row.endpoint);
        assert.equal(columns(row), columns({ ...c, hostId: row.hostId, verdict: c.outcome }));
      }
    }),
    { numRuns: 60 },
  );
});
