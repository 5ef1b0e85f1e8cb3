import assert from "node:assert/strict";
import { before, test } from "node:test";
import type { Injector } from "./helpers/inject.js";
import { dnsInject, NET, putVnet } from "./private-dns-fixture.js";

const API = "api-version=2022-07-01";
const HUB = `${NET}/virtualNetworks/hub`;
const RES = `${NET}/dnsResolvers/hub-resolver`;
let inj: Injector;

before(async () => {
  inj = await dnsInject();
  await putVnet(inj, "spoke", "10.20.0.0/16");
  await putVnet(inj, "east", "10.30.0.0/16", "eastus");
});

async function refused(path: string, body: unknown, code: string, text?: RegExp) {
  const version = inj.store.world.version;
  const res = await inj.call("PUT", path, { body });
  assert.ok(res.status >= 400, JSON.stringify(res.body));
  assert.equal(res.body.error.code, code, JSON.stringify(res.body));
  if (text) assert.match(res.body.error.message, text);
  assert.equal(inj.store.world.version, version, "nothing changed");
}

const inbound = (subnet: string, extra: Record<string, unknown> = {}) => ({
  location: "westeurope",
  properties: { ipConfigurations: [{ subnet: { id: `${HUB}/subnets/${subnet}` }, ...extra }] },
});

test("a resolver needs an existing vnet in its region, one per vnet", async () => {
  await refused(
    RES + `?${API}`,
    { location: "westeurope", properties: { virtualNetwork: { id: `${NET}/virtualNetworks/nope` } } },
    "LinkedResourceNotFound",
    /nope/,
  );
  await refused(RES + `?${API}`, { location: "westeurope", properties: {} }, "BadRequest", /virtualNetwork/);
  await refused(
    RES + `?${API}`,
    { location: "westeurope", properties: { virtualNetwork: { id: `${NET}/virtualNetworks/east` } } },
    "BadRequest",
    /same region/,
  );
  const res = await inj.call("PUT", `${RES}?${API}`, {
    body: { location: "westeurope", properties: { virtualNetwork: { id: HUB } } },
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  assert.equal(res.body.properties.dnsResolverState, "Connected");
  assert.ok(res.body.properties.resourceGuid);
  await refused(
    `${NET}/dnsResolvers/second?${API}`,
    { location: "westeurope", properties: { virtualNetwork: { id: HUB } } },
    "Conflict",
    /only one DNS resolver/,
  );
});

test("inbound endpoints: dynamic takes the first free address, static must fit and be free", async () => {
  const dyn = await inj.call("PUT", `${RES}/inboundEndpoints/in1?${API}`, { body: inbound("dns-in") });
  assert.equal(dyn.status, 201, JSON.stringify(dyn.body));
  assert.equal(dyn.body.properties.ipConfigurations[0].privateIpAddress, "10.10.2.4");
  assert.equal(dyn.body.properties.ipConfigurations[0].privateIpAllocationMethod, "Dynamic");
  await refused(`${RES}/inboundEndpoints/in2?${API}`, inbound("dns-in"), "Conflict", /own subnet/);
  await refused(
    `${RES}/inboundEndpoints/in2?${API}`,
    inbound("pe", { privateIpAllocationMethod: "Static", privateIpAddress: "10.10.9.4" }),
    "PrivateIPAddressNotInSubnet",
    /outside/,
  );
  await refused(
    `${RES}/inboundEndpoints/in2?${API}`,
    inbound("pe", { privateIpAllocationMethod: "Static", privateIpAddress: "10.10.1.2" }),
    "PrivateIPAddressNotInSubnet",
    /first four/,
  );
  await refused(
    `${RES}/inboundEndpoints/in2?${API}`,
    inbound("pe", { privateIpAllocationMethod: "Static" }),
    "BadRequest",
    /privateIpAddress/,
  );
  await refused(`${RES}/inboundEndpoints/in2?${API}`, inbound("missing"), "LinkedResourceNotFound", /missing/);
  await refused(
    `${RES}/inboundEndpoints/in2?${API}`,
    {
      location: "westeurope",
      properties: { ipConfigurations: [{ subnet: { id: `${NET}/virtualNetworks/spoke/subnets/dns-in` } }] },
    },
    "BadRequest",
    /not in the DNS resolver's virtual network/,
  );
  await refused(
    `${RES}/inboundEndpoints/in2?${API}`,
    { ...inbound("pe"), location: "eastus" },
    "BadRequest",
    /same region/,
  );
  const again = await inj.call("PUT", `${RES}/inboundEndpoints/in1?${API}`, { body: inbound("dns-in") });
  assert.equal(again.status, 200);
  assert.equal(again.body.properties.ipConfigurations[0].privateIpAddress, "10.10.2.4", "a dynamic address is kept");
});

test("outbound endpoint, ruleset, rules and links", async () => {
  const out = await inj.call("PUT", `${RES}/outboundEndpoints/out1?${API}`, {
    body: { location: "westeurope", properties: { subnet: { id: `${HUB}/subnets/dns-out` } } },
  });
  assert.equal(out.status, 201, JSON.stringify(out.body));
  const RS = `${NET}/dnsForwardingRulesets/onprem`;
  await refused(
    `${RS}?${API}`,
    { location: "westeurope", properties: { dnsResolverOutboundEndpoints: [{ id: `${RES}/outboundEndpoints/none` }] } },
    "LinkedResourceNotFound",
  );
  const rs = await inj.call("PUT", `${RS}?${API}`, {
    body: { location: "westeurope", properties: { dnsResolverOutboundEndpoints: [{ id: out.body.id }] } },
  });
  assert.equal(rs.status, 201, JSON.stringify(rs.body));
  await refused(
    `${RS}/forwardingRules/corp?${API}`,
    { properties: { domainName: "corp.contoso.com", targetDnsServers: [{ ipAddress: "192.168.0.10" }] } },
    "BadRequest",
    /end with a dot/,
  );
  await refused(
    `${RS}/forwardingRules/corp?${API}`,
    { properties: { domainName: "corp.contoso.com.", targetDnsServers: [{ ipAddress: "192.168.0.300" }] } },
    "BadRequest",
    /IPv4/,
  );
  await refused(
    `${RS}/forwardingRules/corp?${API}`,
    { properties: { domainName: "corp.contoso.com.", targetDnsServers: [] } },
    "BadRequest",
    /1 to 6/,
  );
  const rule = await inj.call("PUT", `${RS}/forwardingRules/corp?${API}`, {
    body: { properties: { domainName: "corp.contoso.com.", targetDnsServers: [{ ipAddress: "192.168.0.10" }] } },
  });
  assert.equal(rule.status, 201, JSON.stringify(rule.body));
  assert.deepEqual(rule.body.properties.targetDnsServers, [{ ipAddress: "192.168.0.10", port: 53 }]);
  assert.equal(rule.body.properties.forwardingRuleState, "Enabled");
  await refused(
    `${RS}/forwardingRules/corp2?${API}`,
    { properties: { domainName: "CORP.contoso.com.", targetDnsServers: [{ ipAddress: "192.168.0.11" }] } },
    "Conflict",
    /already has forwarding rule/,
  );
  await refused(
    `${RS}/virtualNetworkLinks/l?${API}`,
    { properties: { virtualNetwork: { id: `${NET}/virtualNetworks/gone` } } },
    "LinkedResourceNotFound",
  );
  await refused(
    `${RS}/virtualNetworkLinks/l?${API}`,
    { properties: { virtualNetwork: { id: `${NET}/virtualNetworks/east` } } },
    "BadRequest",
    /cannot be linked/,
  );
  const link = await inj.call("PUT", `${RS}/virtualNetworkLinks/spoke?${API}`, {
    body: { properties: { virtualNetwork: { id: `${NET}/virtualNetworks/spoke` } } },
  });
  assert.equal(link.status, 201, JSON.stringify(link.body));
  const patched = await inj.call("PATCH", `${RS}/forwardingRules/corp?${API}`, {
    body: { properties: { forwardingRuleState: "Disabled" } },
  });
  assert.equal(patched.status, 200, JSON.stringify(patched.body));
  assert.equal(patched.body.properties.domainName, "corp.contoso.com.");
  assert.equal(patched.body.properties.forwardingRuleState, "Disabled");
  assert.equal((await inj.call("DELETE", `${RS}/forwardingRules/corp?${API}`)).status, 200);
});
