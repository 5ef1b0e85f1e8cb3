import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import type { Resource } from "../world/resource.js";
import { decide } from "./access/decide.js";
import { finalAddresses, resolve } from "./dns/resolve.js";
import { inPrefix } from "./net/cidr.js";
import { reach } from "./net/reach.js";
import {
  ARC_IDS,
  type ArcWorldOptions,
  arcPrivateLinkResources,
  machine,
  privateEndpoint,
  privateLinkScope,
  scopeConnection,
  withProperties,
  worldOf,
} from "./testing/index.js";

const now = new Date("2026-02-01T00:00:00Z");
const ARC_NAMES = [
  "gbl.his.arc.azure.com",
  "weu.his.arc.azure.com",
  "eus.his.arc.azure.com",
  "agentserviceapi.guestconfiguration.azure.com",
  "westeurope-gas.guestconfiguration.azure.com",
  "login.microsoftonline.com",
  "management.azure.com",
];

const arbOptions: fc.Arbitrary<ArcWorldOptions> = fc.record({
  vpn: fc.boolean(),
  internetAccess: fc.boolean(),
  linkZones: fc.boolean(),
  cnameChasing: fc.boolean(),
  forwarderDomains: fc.subarray([
    "his.arc.azure.com",
    "guestconfiguration.azure.com",
    "privatelink.his.arc.azure.com",
    "azure.com",
  ]),
  connectionStatus: fc.constantFrom("Approved", "Pending", "Rejected"),
  publicNetworkAccess: fc.constantFrom("Enabled", "Disabled"),
  egressFirewall: fc.constantFrom(
    { defaultAction: "Allow", rules: [] },
    { defaultAction: "Deny", rules: [] },
    { defaultAction: "Deny", rules: [{ name: "dns", action: "Allow", protocol: "Udp", destinationPorts: ["53"] }] },
  ),
});

/** Everything the semantics say about one world, to compare across resource orders. */
function verdicts(resources: Resource[]) {
  const world = worldOf(resources);
  const host = { kind: "host", hostId: ARC_IDS.host } as const;
  return {
    dns: ARC_NAMES.map((n) => {
      const a = resolve(world, host, n, "A", now);
      return [a.rcode, a.answers];
    }),
    net: ["10.10.1.4", "20.190.128.1", "192.168.0.10"].map(
      (to) => reach(world, { kind: "premises", id: ARC_IDS.host }, to, 443, "Tcp", now).disposition,
    ),
    access: [decide(world, ARC_IDS.machine, { kind: "private-endpoint", privateEndpointId: ARC_IDS.pe }, now).decision],
  };
}

describe("semantics properties", () => {
  it("verdicts do not depend on resource order", () => {
    fc.assert(
      fc.property(arbOptions, fc.infiniteStream(fc.nat()), (options, seeds) => {
        const resources = arcPrivateLinkResources(options);
        const shuffled = resources
          .map((r) => ({ r, k: seeds.next().value as number }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.r);
        assert.deepEqual(verdicts(shuffled), verdicts(resources));
      }),
      { numRuns: 40 },
    );
  });

  it("a host with no route to the vnet never gets a private answer through DNS", () => {
    fc.assert(
      fc.property(arbOptions, fc.constantFrom(...ARC_NAMES), (options, name) => {
        const world = worldOf(arcPrivateLinkResources({ ...options, vpn: false }));
        const host = { kind: "host", hostId: ARC_IDS.host } as const;
        for (const address of finalAddresses(resolve(world, host, name, "A", now))) {
          assert.ok(!inPrefix(address, "10.10.0.0/16"), `${name} → ${address}`);
          const from = { kind: "premises", id: ARC_IDS.host } as const;
          assert.notEqual(reach(world, from, address, 443, "Tcp", now).disposition, "NO_ROUTE");
        }
      }),
      { numRuns: 60 },
    );
  });

  it("adding a hosts-file line changes only that name's resolution", () => {
    const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((p) => p.join("."));
    fc.assert(
      fc.property(arbOptions, fc.constantFrom(...ARC_NAMES), ipv4, fc.boolean(), (options, name, address, crlf) => {
        const before = arcPrivateLinkResources(options);
        const hostsFile = `127.0.0.1 localhost${crlf ? "\r\n" : "\n"}${address}\t${name.toUpperCase()} # added${crlf ? "\r\n" : "\n"}`;
        const after = withProperties(before, ARC_IDS.host, { hostsFile });
        const host = { kind: "host", hostId: ARC_IDS.host } as const;
        for (const n of ARC_NAMES) {
          const b = resolve(worldOf(before), host, n, "A", now);
          const a = resolve(worldOf(after), host, n, "A", now);
          if (n === name) assert.deepEqual(finalAddresses(a), [address]);
          else assert.deepEqual([a.rcode, a.answers], [b.rcode, b.answers]);
        }
      }),
      { numRuns: 40 },
    );
  });

  it("every allowed private arrival is through an endpoint of the machine's own scope", () => {
    const scopes = [privateLinkScope("pls-a", "Disabled"), privateLinkScope("pls-b", "Enabled")];
    const peId = (i: number) => ARC_IDS.pe.replace(/arc-pe$/, `pe-${i}`);
    const arbMachine = fc.record({
      scope: fc.constantFrom(-1, 0, 1),
      minutesAgo: fc.integer({ min: -5, max: 40 }),
      recorded: fc.boolean(),
    });
    const arbPe = fc.record({
      scope: fc.constantFrom(0, 1),
      status: fc.constantFrom("Approved", "Pending", "Rejected"),
    });
    fc.assert(
      fc.property(
        fc.array(arbMachine, { minLength: 1, maxLength: 4 }),
        fc.array(arbPe, { minLength: 1, maxLength: 3 }),
        (machines, pes) => {
          const resources: Resource[] = [...scopes];
          pes.forEach((p, i) => {
            const scopeId = scopes[p.scope].id;
            const pe = privateEndpoint(`pe-${i}`, {
              subnetId: ARC_IDS.peSubnet,
              scopeId,
              status: p.status,
              records: [],
            });
            resources.push(pe, scopeConnection(scopeId, pe.id, p.status));
          });
          const machineIds = machines.map((m, i) => {
            const r = machine(`m${i}`, {
              scopeId: m.scope >= 0 ? scopes[m.scope].id : undefined,
              associatedAt: m.recorded ? new Date(now.getTime() - m.minutesAgo * 60_000).toISOString() : undefined,
            });
            resources.push(r);
            return { id: r.id, scope: m.scope };
          });
          const world = worldOf(resources);
          for (const m of machineIds) {
            pes.forEach((p, i) => {
              const d = decide(world, m.id, { kind: "private-endpoint", privateEndpointId: peId(i) }, now);
              if (d.decision === "ALLOW") {
                assert.equal(m.scope, p.scope);
                assert.equal(p.status, "Approved");
              }
            });
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
