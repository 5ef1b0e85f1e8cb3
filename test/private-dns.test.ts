import assert from "node:assert/strict";
import { before, test } from "node:test";
import type { Injector } from "./helpers/inject.js";
import { dnsInject, NET, PDNS, putVnet } from "./private-dns-fixture.js";

const ZONE = `${NET}/privateDnsZones/privatelink.his.arc.azure.com`;
const HUB = `${NET}/virtualNetworks/hub`;
let inj: Injector;

before(async () => {
  inj = await dnsInject();
});

/** Asserts an ARM error and that the world did not change. */
async function refused(method: string, path: string, body: unknown, code: string, status: number, text?: RegExp) {
  const version = inj.store.world.version;
  const res = await inj.call(method, path, { body });
  assert.equal(res.status, status, JSON.stringify(res.body));
  assert.equal(res.body.error.code, code);
  if (text) assert.match(res.body.error.message, text);
  assert.equal(inj.store.world.version, version, "nothing changed");
  return res;
}

test("a zone is created global with its SOA record set, counts and etag", async () => {
  const res = await inj.call("PUT", `${ZONE}?${PDNS}`, { body: { location: "global", tags: { a: "b" } } });
  assert.equal(res.status, 201);
  assert.ok(res.headers?.["azure-asyncoperation"]);
  assert.equal(res.body.location, "global");
  assert.equal(res.body.etag, res.headers?.etag.replaceAll('"', ""));
  assert.equal(res.body.properties.numberOfRecordSets, 1);
  assert.equal(res.body.properties.maxNumberOfRecordSets, 25000);
  assert.equal(res.body.properties.maxNumberOfVirtualNetworkLinksWithRegistration, 100);
  assert.equal(res.body.properties.provisioningState, "Succeeded");
  const soa = await inj.call("GET", `${ZONE}/SOA/@?${PDNS}`);
  assert.equal(soa.status, 200);
  assert.equal(soa.body.properties.fqdn, "privatelink.his.arc.azure.com.");
  assert.equal(soa.body.properties.soaRecord.host, "azureprivatedns.net");
});

test("record sets of every type, listed by type and with ALL", async () => {
  const sets: [string, string, Record<string, unknown>][] = [
    ["A", "gbl", { aRecords: [{ ipv4Address: "10.10.1.4" }] }],
    ["AAAA", "v6", { aaaaRecords: [{ ipv6Address: "fd00::4" }] }],
    ["CNAME", "alias", { cnameRecord: { cname: "gbl.privatelink.his.arc.azure.com" } }],
    ["MX", "@", { mxRecords: [{ preference: 10, exchange: "mail.contoso.com" }] }],
    ["PTR", "ptr", { ptrRecords: [{ ptrdname: "host.contoso.com" }] }],
    ["SRV", "_sip._tcp", { srvRecords: [{ priority: 1, weight: 1, port: 5060, target: "sip.contoso.com" }] }],
    ["TXT", "txt", { txtRecords: [{ value: ["hello", "world"] }] }],
  ];
  for (const [type, name, props] of sets) {
    const res = await inj.call("PUT", `${ZONE}/${type}/${name}?${PDNS}`, {
      body: { properties: { ttl: 300, ...props } },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.type, `Microsoft.Network/privateDnsZones/${type}`);
    assert.equal(res.body.properties.isAutoRegistered, false);
  }
  const a = await inj.call("PUT", `${ZONE}/A/WWW?${PDNS}`, {
    body: { properties: { aRecords: [{ ipv4Address: "10.10.1.5" }] } },
  });
  assert.equal(a.body.name, "www");
  assert.equal(a.body.properties.fqdn, "www.privatelink.his.arc.azure.com.");
  assert.equal(a.body.properties.ttl, 3600);
  const byType = await inj.call("GET", `${ZONE}/A?${PDNS}`);
  assert.deepEqual(byType.body.value.map((r: { name: string }) => r.name).sort(), ["gbl", "www"]);
  const all = await inj.call("GET", `${ZONE}/ALL?${PDNS}`);
  assert.equal(all.status, 200);
  assert.equal(all.body.value.length, 9);
  const zone = await inj.call("GET", `${ZONE}?${PDNS}`);
  assert.equal(zone.body.properties.numberOfRecordSets, 9);
  const del = await inj.call("DELETE", `${ZONE}/A/www?${PDNS}`);
  assert.equal(del.status, 200);
  assert.equal((await inj.call("DELETE", `${ZONE}/A/www?${PDNS}`)).status, 204);
});

test("bad record data is refused and nothing changes", async () => {
  await refused(
    "PUT",
    `${ZONE}/A/bad?${PDNS}`,
    { properties: { aRecords: [{ ipv4Address: "10.10.1.300" }] } },
    "BadRequest",
    400,
    /'10\.10\.1\.300'/,
  );
  await refused(
    "PUT",
    `${ZONE}/A/bad?${PDNS}`,
    { properties: { cnameRecord: { cname: "x.com" } } },
    "BadRequest",
    400,
    /cnameRecord/,
  );
  await refused(
    "PUT",
    `${ZONE}/A/bad?${PDNS}`,
    { properties: { aRecords: [{ ipv4Address: "10.0.0.1", x: 1 }] } },
    "InvalidRequestContent",
    400,
    /'x'/,
  );
  await refused("PUT", `${ZONE}/A/bad?${PDNS}`, { properties: { ttl: -1 } }, "BadRequest", 400);
  await refused("PUT", `${ZONE}/A/bad?${PDNS}`, { properties: {}, sku: {} }, "InvalidRequestContent", 400, /'sku'/);
  await refused(
    "PUT",
    `${ZONE}/CNAME/@?${PDNS}`,
    { properties: { cnameRecord: { cname: "x.com" } } },
    "BadRequest",
    400,
    /apex/,
  );
  await refused("PUT", `${ZONE}/SOA/other?${PDNS}`, { properties: {} }, "BadRequest", 400, /apex/);
  await refused("PUT", `${ZONE}/A/bad?${PDNS}`, { properties: { fqdn: "nope." } }, "ReadOnlyPropertyChanged", 400);
  const many = Array.from({ length: 21 }, (_, i) => ({ ipv4Address: `10.10.9.${i + 1}` }));
  await refused("PUT", `${ZONE}/A/bad?${PDNS}`, { properties: { aRecords: many } }, "QuotaExceeded", 400, /at most 20/);
});

test("a CNAME is alone at its name", async () => {
  await refused(
    "PUT",
    `${ZONE}/A/alias?${PDNS}`,
    { properties: { aRecords: [{ ipv4Address: "10.0.0.1" }] } },
    "Conflict",
    409,
    /CNAME/,
  );
  await refused(
    "PUT",
    `${ZONE}/CNAME/gbl?${PDNS}`,
    { properties: { cnameRecord: { cname: "x.com" } } },
    "Conflict",
    409,
    /'gbl'/,
  );
});

test("the SOA record set cannot be deleted", async () => {
  await refused("DELETE", `${ZONE}/SOA/@?${PDNS}`, undefined, "MethodNotAllowed", 405, /SOA/);
});

test("zone names: labels and reserved names", async () => {
  await refused("PUT", `${NET}/privateDnsZones/local?${PDNS}`, {}, "InvalidResourceName", 400, /2 to 34/);
  await refused("PUT", `${NET}/privateDnsZones/azure.com?${PDNS}`, {}, "ReservedResourceName", 400, /'azure\.com'/);
  await refused("PUT", `${NET}/privateDnsZones/core.windows.net?${PDNS}`, {}, "ReservedResourceName", 400);
  await refused(
    "PUT",
    `${NET}/privateDnsZones/contoso.com?${PDNS}`,
    { location: "westeurope" },
    "LocationNotAvailableForResourceType",
    400,
  );
  await refused(
    "PUT",
    `${NET}/privateDnsZones/contoso.com?${PDNS}`,
    { properties: { numberOfRecordSets: 5 } },
    "ReadOnlyPropertyChanged",
    400,
  );
  const sub = await inj.call("PUT", `${NET}/privateDnsZones/privatelink.guestconfiguration.azure.com?${PDNS}`, {
    body: {},
  });
  assert.equal(sub.status, 201);
});

test("virtual network links: target, NxDomainRedirect, registration, one per vnet", async () => {
  const link = (name: string, props: Record<string, unknown>, zone = ZONE) =>
    inj.call("PUT", `${zone}/virtualNetworkLinks/${name}?${PDNS}`, { body: { location: "Global", properties: props } });
  await refused(
    "PUT",
    `${ZONE}/virtualNetworkLinks/l0?${PDNS}`,
    { properties: { virtualNetwork: { id: `${NET}/virtualNetworks/missing` } } },
    "LinkedResourceNotFound",
    400,
    /missing/,
  );
  await refused(
    "PUT",
    `${ZONE}/virtualNetworkLinks/l0?${PDNS}`,
    { properties: {} },
    "BadRequest",
    400,
    /virtualNetwork/,
  );
  const ok = await link("hub", {
    virtualNetwork: { id: HUB },
    registrationEnabled: false,
    resolutionPolicy: "NxDomainRedirect",
  });
  assert.equal(ok.status, 201, JSON.stringify(ok.body));
  assert.equal(ok.body.properties.virtualNetworkLinkState, "Completed");
  assert.equal(ok.body.location, "global");
  await refused(
    "PUT",
    `${ZONE}/virtualNetworkLinks/hub2?${PDNS}`,
    { properties: { virtualNetwork: { id: HUB } } },
    "Conflict",
    409,
    /only one link/,
  );
  await inj.call("PUT", `${NET}/privateDnsZones/contoso.com?${PDNS}`, { body: {} });
  await refused(
    "PUT",
    `${NET}/privateDnsZones/contoso.com/virtualNetworkLinks/hub?${PDNS}`,
    { properties: { virtualNetwork: { id: HUB }, resolutionPolicy: "NxDomainRedirect" } },
    "BadRequest",
    400,
    /privatelink/,
  );
  assert.equal(
    (
      await link(
        "reg",
        { virtualNetwork: { id: HUB }, registrationEnabled: true },
        `${NET}/privateDnsZones/contoso.com`,
      )
    ).status,
    201,
  );
  await inj.call("PUT", `${NET}/privateDnsZones/fabrikam.com?${PDNS}`, { body: {} });
  await refused(
    "PUT",
    `${NET}/privateDnsZones/fabrikam.com/virtualNetworkLinks/reg?${PDNS}`,
    { properties: { virtualNetwork: { id: HUB }, registrationEnabled: true } },
    "Conflict",
    409,
    /auto-registration enabled; conflicting Private DNS zone is 'contoso\.com'/,
  );
  await putVnet(inj, "spoke", "10.20.0.0/16");
  await refused(
    "PUT",
    `${ZONE}/virtualNetworkLinks/hub?${PDNS}`,
    { properties: { virtualNetwork: { id: `${NET}/virtualNetworks/spoke` } } },
    "PropertyChangeNotAllowed",
    400,
  );
  const old = await inj.call("PUT", `${ZONE}/virtualNetworkLinks/spoke?api-version=2020-06-01`, {
    body: { properties: { virtualNetwork: { id: `${NET}/virtualNetworks/spoke` }, resolutionPolicy: "Default" } },
  });
  assert.equal(old.status, 400);
  assert.match(old.body.error.message, /resolutionPolicy/);
});

test("a zone with links cannot be deleted; without them it can", async () => {
  await refused("DELETE", `${ZONE}?${PDNS}`, undefined, "Conflict", 409, /virtual network link/);
  assert.equal((await inj.call("DELETE", `${ZONE}/virtualNetworkLinks/hub?${PDNS}`)).status, 202);
  const del = await inj.call("DELETE", `${ZONE}?${PDNS}`);
  assert.equal(del.status, 202);
  assert.equal(inj.store.world.under(ZONE).length, 0);
  assert.equal((await inj.call("GET", `${ZONE}?${PDNS}`)).status, 404);
});

test("deleting the resource group removes zones with their links", async () => {
  const rg = NET.split("/providers")[0];
  const res = await inj.call("DELETE", `${rg}?api-version=2025-04-01`);
  assert.equal(res.status, 202, JSON.stringify(res.body));
  assert.equal(inj.store.world.all().length, 0);
});
