import assert from "node:assert/strict";
import { before, test } from "node:test";
import type { Injector } from "./helpers/inject.js";
import { dnsInject, NET, putVnet, RG } from "./private-dns-fixture.js";

const API = "api-version=2026-11-01";
const SITE = `${RG}/providers/Arclink.OnPremises/sites/hq`;
const HUB = `${NET}/virtualNetworks/hub`;
let inj: Injector;

before(async () => {
  inj = await dnsInject();
});

async function refused(method: string, path: string, body: unknown, code: string, text?: RegExp) {
  const version = inj.store.world.version;
  const res = await inj.call(method, path, { body });
  assert.ok(res.status >= 400, JSON.stringify(res.body));
  assert.equal(res.body.error.code, code, JSON.stringify(res.body));
  if (text) assert.match(res.body.error.message, text);
  assert.equal(inj.store.world.version, version, "nothing changed");
}

const site = (over: Record<string, unknown> = {}) => ({
  properties: {
    addressSpace: { addressPrefixes: ["192.168.0.0/16"] },
    connections: [{ name: "vpn", kind: "SiteToSiteVpn", virtualNetwork: { id: HUB } }],
    egressFirewall: {
      defaultAction: "Deny",
      rules: [
        { name: "entra", action: "Allow", destinationServiceTags: ["AzureActiveDirectory"], destinationPorts: ["443"] },
        { name: "arm", action: "Allow", destinationServiceTags: ["AzureResourceManager"], destinationPorts: ["443"] },
      ],
    },
    ...over,
  },
});

test("a site is tracked at 'onpremises' with defaults applied", async () => {
  const res = await inj.call("PUT", `${SITE}?${API}`, { body: site() });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  assert.equal(res.body.location, "onpremises");
  assert.equal(res.body.properties.internetAccess, true);
  assert.equal(res.body.properties.egressFirewall.rules[0].protocol, "Tcp");
});

test("bad site input is refused", async () => {
  await refused(
    "PUT",
    `${SITE}?${API}`,
    site({ addressSpace: { addressPrefixes: ["192.168.0.1/16"] } }),
    "BadRequest",
    /network address/,
  );
  await refused("PUT", `${SITE}?${API}`, { location: "westeurope", ...site() }, "LocationNotAvailableForResourceType");
  await refused(
    "PUT",
    `${SITE}?${API}`,
    site({ connections: [{ name: "vpn", virtualNetwork: { id: `${NET}/virtualNetworks/nope` } }] }),
    "LinkedResourceNotFound",
    /nope/,
  );
  const rule = (r: Record<string, unknown>) =>
    site({ egressFirewall: { rules: [{ name: "r", action: "Allow", destinationPorts: ["443"], ...r }] } });
  await refused(
    "PUT",
    `${SITE}?${API}`,
    rule({ destinationServiceTags: ["AzureMagic"] }),
    "BadRequest",
    /'AzureMagic'/,
  );
  await refused(
    "PUT",
    `${SITE}?${API}`,
    rule({ destinationServiceTags: ["Storage"], destinationPorts: ["70000"] }),
    "BadRequest",
    /70000/,
  );
  await refused("PUT", `${SITE}?${API}`, rule({}), "BadRequest", /needs a destination/);
  await refused("PUT", `${SITE}?${API}`, rule({ destinationFqdns: ["*.bad_.-x"] }), "BadRequest");
  await refused(
    "PUT",
    `${SITE}?${API}`,
    rule({ destinationAddressPrefixes: ["0.0.0.0/0"], sourceAddressPrefixes: ["10.0.0.0/8"] }),
    "BadRequest",
    /outside the site/,
  );
  await refused(
    "PUT",
    `${SITE}?${API}`,
    rule({ destinationAddressPrefixes: ["0.0.0.0/0"], color: "red" }),
    "InvalidRequestContent",
    /'color'/,
  );
});

test("a site's address space must not overlap the vnets it connects to, from either side", async () => {
  await refused(
    "PUT",
    `${SITE}?${API}`,
    site({ addressSpace: { addressPrefixes: ["10.10.128.0/17"] } }),
    "SiteAddressSpaceOverlapsVirtualNetwork",
    /'10\.10\.128\.0\/17' of site 'hq' overlaps the address space '10\.10\.0\.0\/16' of virtual network 'hub'/,
  );
  const version = inj.store.world.version;
  await assert.rejects(putVnet(inj, "hub", "192.168.0.0/16"), /SiteAddressSpaceOverlapsVirtualNetwork/);
  assert.equal(inj.store.world.version, version);
});

test("members live inside the site's address space, one address each", async () => {
  const ok = await inj.call("PUT", `${SITE}/dnsServers/dc1?${API}`, {
    body: {
      properties: {
        address: "192.168.0.10",
        conditionalForwarders: [{ domain: "his.arc.azure.com", targets: ["10.10.2.4"] }],
      },
    },
  });
  assert.equal(ok.status, 201, JSON.stringify(ok.body));
  assert.equal(ok.body.properties.recursion, true);
  await refused(
    "PUT",
    `${SITE}/hosts/h1?${API}`,
    { properties: { address: "10.1.1.1", os: "linux" } },
    "BadRequest",
    /outside the address space/,
  );
  await refused(
    "PUT",
    `${SITE}/hosts/h1?${API}`,
    { properties: { address: "192.168.0.10", os: "linux" } },
    "Conflict",
    /'dc1'/,
  );
  await refused(
    "PUT",
    `${SITE}/hosts/h1?${API}`,
    { properties: { address: "192.168.1.10", os: "beos" } },
    "BadRequest",
    /beos/,
  );
  await refused(
    "PUT",
    `${SITE}/hosts/h1?${API}`,
    {
      properties: {
        address: "192.168.1.10",
        machineId: "/subscriptions/x/resourceGroups/y/providers/Microsoft.Compute/virtualMachines/z",
      },
    },
    "BadRequest",
    /HybridCompute/,
  );
  await refused(
    "PUT",
    `${SITE}/hosts/h1?${API}`,
    { properties: { address: "192.168.1.10", agent: { version: "1.45", config: { "proxy.bypass": ["Everything"] } } } },
    "BadRequest",
    /Everything/,
  );
  const host = await inj.call("PUT", `${SITE}/hosts/h1?${API}`, {
    body: {
      properties: {
        address: "192.168.1.10",
        os: "windows",
        dnsServers: ["192.168.0.10"],
        agent: { version: "1.45", config: { "proxy.bypass": ["Arc"] } },
        machineId: `${RG}/providers/Microsoft.HybridCompute/machines/h1`,
      },
    },
  });
  assert.equal(host.status, 201, JSON.stringify(host.body));
  await refused(
    "PUT",
    `${SITE}?${API}`,
    site({ addressSpace: { addressPrefixes: ["192.168.0.0/24"] } }),
    "BadRequest",
    /'192\.168\.1\.10'/,
  );
  const proxy = await inj.call("PUT", `${SITE}/proxies/squid?${API}`, {
    body: { properties: { address: "192.168.0.20" } },
  });
  assert.equal(proxy.body.properties.port, 3128);
});
