import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ARC_IDS, ARC_IPS, arcPrivateLinkWorld, dnsServer, host, site, worldOf } from "../testing/index.js";
import { readMachine, readScope, scopeConnectionStatus } from "./hybrid-compute.js";
import { readPrivateEndpoint, readVirtualNetwork } from "./network.js";
import { readClient, readDnsServer, readSite } from "./premises.js";

describe("model readers", () => {
  it("apply the documented premises defaults", () => {
    const s = site("bare", {});
    const world = worldOf([
      s,
      dnsServer(s.id, "d", { address: "192.168.9.9" }),
      host(s.id, "h", { address: "192.168.9.10" }),
    ]);
    assert.deepEqual(readSite(world, s.id), {
      id: s.id,
      addressPrefixes: [],
      connections: [],
      internetAccess: true,
      defaultAction: "Allow",
      rules: [],
    });
    const d = readDnsServer(world, `${s.id}/dnsServers/d`);
    assert.equal(d?.recursion, true);
    assert.equal(d?.cnameChasing, true);
    assert.equal(readClient(world, `${s.id}/hosts/h`)?.agent, undefined);
  });

  it("reads the Arc world in REST shapes", () => {
    const world = arcPrivateLinkWorld();
    assert.deepEqual(readPrivateEndpoint(world, ARC_IDS.pe)?.privateLinkServiceIds, [ARC_IDS.scope]);
    assert.ok(readPrivateEndpoint(world, ARC_IDS.pe)?.addresses.includes(ARC_IPS.gbl));
    assert.equal(readVirtualNetwork(world, ARC_IDS.hub)?.subnets.length, 3);
    assert.equal(scopeConnectionStatus(world, ARC_IDS.scope, ARC_IDS.pe), "Approved");
    assert.equal(readScope(world, ARC_IDS.scope)?.publicNetworkAccess, "Disabled");
    assert.equal(readMachine(world, ARC_IDS.machine)?.associatedAt?.toISOString(), "2026-01-01T00:00:00.000Z");
    assert.equal(readClient(world, ARC_IDS.proxy)?.port, 3128);
    assert.equal(readClient(world, ARC_IDS.host.toUpperCase())?.kind, "host");
  });
});
