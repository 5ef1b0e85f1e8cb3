import assert from "node:assert/strict";
import { test } from "node:test";
import { ARC_IDS, arcPrivateLinkResources, withProperties, worldOf } from "../../semantics/testing/index.js";
import { forwarderCheck } from "./forwarder-checks.js";

const now = new Date("2026-01-01T01:00:00Z");
const run = (world: ReturnType<typeof worldOf>) => forwarderCheck.run({ world, now, hosts: [] });

test("the documented forwarders (public zones, to the resolver inbound endpoint) raise nothing", () => {
  assert.deepEqual(run(worldOf(arcPrivateLinkResources())), []);
});

test("a privatelink. domain and 168.63.129.16 as target are reported, each once", () => {
  const world = worldOf(
    withProperties(arcPrivateLinkResources(), ARC_IDS.dnsServer, {
      conditionalForwarders: [{ domain: "privatelink.his.arc.azure.com", targets: ["168.63.129.16", "168.63.129.16"] }],
      forwarders: ["168.63.129.16"],
    }),
  );
  const found = run(world);
  assert.deepEqual(
    found.map((f) => f.code),
    ["ARC-FWD-PRIVATELINK", "ARC-FWD-AZURE-DNS", "ARC-FWD-AZURE-DNS"],
  );
  assert.match(found[0].message, /forward "his\.arc\.azure\.com" instead/);
  assert.match(found[1].message, /does not answer outside Azure/);
});
