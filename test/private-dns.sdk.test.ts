import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { DnsResolverManagementClient } from "@azure/arm-dnsresolver";
import { NetworkManagementClient } from "@azure/arm-network";
import { PrivateDnsManagementClient } from "@azure/arm-privatedns";
import { ResourceManagementClient } from "@azure/arm-resources";
import { startTestSystem, type TestSystem } from "./helpers/system.js";

let system: TestSystem;
let dns: PrivateDnsManagementClient;
let resolver: DnsResolverManagementClient;
let vnetId: string;
const poll = { updateIntervalInMs: 10 };

before(async () => {
  system = await startTestSystem();
  const options = { endpoint: system.armUrl };
  dns = new PrivateDnsManagementClient(system.credential, system.subscriptionId, options);
  resolver = new DnsResolverManagementClient(system.credential, system.subscriptionId, options);
  await new ResourceManagementClient(system.credential, system.subscriptionId, options).resourceGroups.createOrUpdate(
    "rg-dns",
    {
      location: "westeurope",
    },
  );
  const network = new NetworkManagementClient(system.credential, system.subscriptionId, options);
  const vnet = await network.virtualNetworks.beginCreateOrUpdateAndWait(
    "rg-dns",
    "hub",
    {
      location: "westeurope",
      addressSpace: { addressPrefixes: ["10.10.0.0/16"] },
      subnets: [{ name: "dns-in", addressPrefix: "10.10.2.0/24" }],
    },
    poll,
  );
  vnetId = vnet.id ?? "";
});
after(() => system.stop());

test("@azure/arm-privatedns 4.0.0: zone, A and CNAME record sets, vnet link, list, delete", async () => {
  const zoneName = "privatelink.his.arc.azure.com";
  const zone = await dns.privateZones.createOrUpdate("rg-dns", zoneName, { location: "global" }, poll).pollUntilDone();
  assert.equal(zone.name, zoneName);
  assert.equal(zone.location, "global");
  assert.equal(zone.numberOfRecordSets, 1);
  const a = await dns.recordSets.createOrUpdate("rg-dns", zoneName, "A", "gbl", {
    ttl: 10,
    aRecords: [{ ipv4Address: "10.10.1.4" }],
  });
  assert.equal(a.fqdn, "gbl.privatelink.his.arc.azure.com.");
  assert.deepEqual(a.aRecords, [{ ipv4Address: "10.10.1.4" }]);
  const cname = await dns.recordSets.createOrUpdate("rg-dns", zoneName, "CNAME", "weu", {
    ttl: 10,
    cnameRecord: { cname: "gbl.privatelink.his.arc.azure.com" },
  });
  assert.equal(cname.cnameRecord?.cname, "gbl.privatelink.his.arc.azure.com");
  const link = await dns.virtualNetworkLinks
    .createOrUpdate(
      "rg-dns",
      zoneName,
      "hub",
      { location: "global", virtualNetwork: { id: vnetId }, registrationEnabled: false },
      poll,
    )
    .pollUntilDone();
  assert.equal(link.virtualNetworkLinkState, "Completed");
  assert.equal(link.resolutionPolicy, "Default");
  const updated = await dns.privateZones.update("rg-dns", zoneName, { tags: { env: "lab" } }, poll).pollUntilDone();
  assert.deepEqual(updated.tags, { env: "lab" });
  const names: string[] = [];
  for await (const rs of dns.recordSets.list("rg-dns", zoneName)) names.push(`${rs.type?.split("/")[2]} ${rs.name}`);
  assert.deepEqual(names, ["A gbl", "CNAME weu", "SOA @"]);
  const zones: string[] = [];
  for await (const z of dns.privateZones.list()) zones.push(z.name ?? "");
  assert.deepEqual(zones, [zoneName]);
  await assert.rejects(
    dns.privateZones.delete("rg-dns", zoneName, poll).pollUntilDone(),
    (e: { statusCode?: number; code?: string }) => {
      assert.equal(e.statusCode, 409);
      return true;
    },
  );
  await dns.recordSets.delete("rg-dns", zoneName, "A", "gbl");
  await dns.virtualNetworkLinks.delete("rg-dns", zoneName, "hub", poll).pollUntilDone();
  await dns.privateZones.delete("rg-dns", zoneName, poll).pollUntilDone();
  await assert.rejects(dns.privateZones.get("rg-dns", zoneName), (e: { statusCode?: number }) => e.statusCode === 404);
});

test("@azure/arm-dnsresolver 1.1.0: resolver with a static inbound endpoint", async () => {
  const created = await resolver.dnsResolvers.beginCreateOrUpdateAndWait(
    "rg-dns",
    "hub-resolver",
    { location: "westeurope", virtualNetwork: { id: vnetId } },
    poll,
  );
  assert.equal(created.dnsResolverState, "Connected");
  const ep = await resolver.inboundEndpoints.beginCreateOrUpdateAndWait(
    "rg-dns",
    "hub-resolver",
    "in",
    {
      location: "westeurope",
      ipConfigurations: [
        {
          subnet: { id: `${vnetId}/subnets/dns-in` },
          privateIpAddress: "10.10.2.10",
          privateIpAllocationMethod: "Static",
        },
      ],
    },
    poll,
  );
  assert.equal(ep.ipConfigurations[0].privateIpAddress, "10.10.2.10");
  const list: string[] = [];
  for await (const e of resolver.inboundEndpoints.list("rg-dns", "hub-resolver")) list.push(e.name ?? "");
  assert.deepEqual(list, ["in"]);
  await resolver.inboundEndpoints.beginDeleteAndWait("rg-dns", "hub-resolver", "in", poll);
  await resolver.dnsResolvers.beginDeleteAndWait("rg-dns", "hub-resolver", poll);
});
