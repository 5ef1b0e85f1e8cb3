import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type AzResult, type AzSandbox, assertNoForeignCalls, runAz, startAzSandbox } from "./helpers/az.js";
import { startTestSystem, type TestSystem } from "./helpers/system.js";

// Issue 3's flow with the Azure CLI 2.45 from Debian, unchanged: private DNS zones, record
// sets and virtual network links with the built-in `az network private-dns` commands, and
// virtual networks, a private link scope and its private endpoint with `az resource create`
// and `az rest` (Debian's `az network vnet` / `private-endpoint` crash from a packaging bug).

let system: TestSystem;
let az: AzSandbox;
const SUB = "00000000-0000-0000-0000-000000000000";
const RG = `/subscriptions/${SUB}/resourceGroups/lab`;

async function ok(args: string[]): Promise<AzResult> {
  const res = await runAz(args, az);
  assertNoForeignCalls(az, res);
  const errors = res.stderr
    .split("\n")
    .filter((l) => !/^(DEBUG|INFO): /.test(l))
    .join("\n");
  assert.equal(res.code, 0, `az ${args.join(" ")} failed:\n${errors}`);
  return res;
}

before(async () => {
  system = await startTestSystem();
  az = await startAzSandbox();
  await ok(["cloud", "register", "-n", "arclink", "--endpoint-resource-manager", system.armUrl]);
  await ok(["cloud", "set", "-n", "arclink"]);
  await ok([
    "login",
    "--service-principal",
    "-u",
    system.servicePrincipal.clientId,
    "-p",
    system.servicePrincipal.secret,
    "--tenant",
    system.tenantId,
  ]);
  await ok(["group", "create", "-n", "lab", "-l", "westeurope"]);
});
after(async () => {
  await az?.stop();
  await system?.stop();
});

test("az resource create and az rest build a vnet, a scope and its private endpoint", async () => {
  await ok([
    "resource",
    "create",
    "--resource-type",
    "Microsoft.Network/virtualNetworks",
    "-g",
    "lab",
    "-n",
    "hub",
    "-l",
    "westeurope",
    "-p",
    JSON.stringify({
      addressSpace: { addressPrefixes: ["10.10.0.0/16"] },
      subnets: [{ name: "endpoints", properties: { addressPrefix: "10.10.1.0/24" } }],
    }),
  ]);
  await ok([
    "resource",
    "create",
    "--resource-type",
    "Microsoft.HybridCompute/privateLinkScopes",
    "-g",
    "lab",
    "-n",
    "scope",
    "-l",
    "westeurope",
    "-p",
    '{"publicNetworkAccess":"Disabled"}',
  ]);
  const url = `${RG}/providers/Microsoft.Network/privateEndpoints/arc-pe?api-version=2022-01-01`;
  await ok([
    "rest",
    "--method",
    "put",
    "--url",
    url,
    "--body",
    JSON.stringify({
      location: "westeurope",
      properties: {
        subnet: { id: `${RG}/providers/Microsoft.Network/virtualNetworks/hub/subnets/endpoints` },
        privateLinkServiceConnections: [
          {
            name: "arc",
            properties: {
              privateLinkServiceId: `${RG}/providers/Microsoft.HybridCompute/privateLinkScopes/scope`,
              groupIds: ["hybridcompute"],
            },
          },
        ],
      },
    }),
  ]);
  const { json: configs } = await ok([
    "rest",
    "--method",
    "get",
    "--url",
    url,
    "--query",
    "properties.customDnsConfigs",
  ]);
  const fqdns = (configs as { fqdn: string; ipAddresses: string[] }[]).map((c) => c.fqdn);
  assert.ok(fqdns.includes("gbl.his.arc.azure.com"), JSON.stringify(fqdns));
  assert.ok(fqdns.includes("weu.his.arc.azure.com"), JSON.stringify(fqdns));
  assert.ok(fqdns.includes("westeurope-gas.guestconfiguration.azure.com"), JSON.stringify(fqdns));
  for (const c of configs as { ipAddresses: string[] }[]) assert.match(c.ipAddresses[0], /^10\.10\.1\.\d+$/);
});

test("az network private-dns: zone, A record and virtual network link", async () => {
  await ok(["network", "private-dns", "zone", "create", "-g", "lab", "-n", "privatelink.his.arc.azure.com"]);
  await ok([
    "network",
    "private-dns",
    "record-set",
    "a",
    "add-record",
    "-g",
    "lab",
    "-z",
    "privatelink.his.arc.azure.com",
    "-n",
    "gbl",
    "-a",
    "10.10.1.4",
  ]);
  const { json: record } = await ok([
    "network",
    "private-dns",
    "record-set",
    "a",
    "show",
    "-g",
    "lab",
    "-z",
    "privatelink.his.arc.azure.com",
    "-n",
    "gbl",
    "-o",
    "json",
  ]);
  assert.deepEqual(record.aRecords, [{ ipv4Address: "10.10.1.4" }]);
  assert.equal(record.fqdn, "gbl.privatelink.his.arc.azure.com.");
  // Debian's `az network private-dns link vnet create` crashes in its argument validator
  // before sending anything ('NoneType' object is not callable: the same missing
  // azure.mgmt.network.v2022_01_01 as `az network vnet`), so the link is made with `az rest`.
  await ok([
    "rest",
    "--method",
    "put",
    "--url",
    `${RG}/providers/Microsoft.Network/privateDnsZones/privatelink.his.arc.azure.com/virtualNetworkLinks/hub-link?api-version=2020-06-01`,
    "--body",
    JSON.stringify({
      location: "global",
      properties: {
        virtualNetwork: { id: `${RG}/providers/Microsoft.Network/virtualNetworks/hub` },
        registrationEnabled: false,
      },
    }),
  ]);
  const { json: links } = await ok([
    "network",
    "private-dns",
    "link",
    "vnet",
    "list",
    "-g",
    "lab",
    "-z",
    "privatelink.his.arc.azure.com",
    "-o",
    "json",
  ]);
  assert.deepEqual(
    links.map((l: { name: string; virtualNetworkLinkState: string }) => [l.name, l.virtualNetworkLinkState]),
    [["hub-link", "Completed"]],
  );
  // A zone with links cannot be deleted, as in Azure; the CLI shows the error and exits non-zero.
  const refused = await runAz(
    ["network", "private-dns", "zone", "delete", "-g", "lab", "-n", "privatelink.his.arc.azure.com", "--yes"],
    az,
  );
  assertNoForeignCalls(az, refused);
  assert.notEqual(refused.code, 0);
  assert.match(refused.stderr, /Conflict|link/i);
});
