import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, test } from "node:test";
import { type Recorder, recorder, validateTraffic } from "./helpers/oav.js";
import { specPath } from "./helpers/reference.js";
import { startTestSystem, type TestSystem } from "./helpers/system.js";

/**
 * Records real private DNS request/response pairs from a running arclink (api-version
 * 2024-06-01) in the payload format of `oav validate-traffic` and validates them against
 * the saved spec [SPEC-PDNS], as test/oav-hybrid-compute.test.ts does for the scope.
 *
 * The spec's `/{zone}/{recordType}[/{name}]` paths also match `/{zone}/virtualNetworkLinks[/{link}]`
 * and `/{zone}/aLL`, and oav refuses to pick among several matching operations. So the
 * pairs go to two folders, each checked against a copy of the spec without the paths that
 * would be ambiguous for it: record sets without the link and `aLL` paths; links and `aLL`
 * without the `{recordType}` paths. Every other byte of the spec is unchanged.
 */
const SPECS = specPath(".");
const SPEC_PATH = "privatedns/resource-manager/Microsoft.Network/PrivateDns/stable/2024-06-01/privatedns.json";
const COMMON = "common-types/resource-management/v3/types.json";
// Recordings are made afresh on every run, in a temp folder.
const ROOT = mkdtempSync(join(tmpdir(), "arclink-oav-private-dns-"));
const RECORDS = join(ROOT, "record-sets");
const LINKS = join(ROOT, "links-and-all");
const V = "api-version=2024-06-01";

let system: TestSystem;
let rec: Recorder;

before(async () => {
  system = await startTestSystem();
  const { token } = await system.credential.getToken("https://management.azure.com/.default");
  rec = recorder(system.armUrl, token, (operationId) =>
    operationId.startsWith("VirtualNetworkLinks_") || operationId === "RecordSets_List" ? LINKS : RECORDS,
  );
  for (const dir of [RECORDS, LINKS]) mkdirSync(dir, { recursive: true });
});
after(async () => {
  await system.stop();
  rmSync(ROOT, { recursive: true, force: true });
});

/** A copy of the spec without some paths, beside a copy of the common types it refers to. */
function specWithout(name: string, drop: (path: string) => boolean): string {
  const base = join(ROOT, "specs", name, "specification");
  const spec = JSON.parse(readFileSync(join(SPECS, SPEC_PATH), "utf8"));
  for (const path of Object.keys(spec.paths)) if (drop(path)) delete spec.paths[path];
  mkdirSync(dirname(join(base, SPEC_PATH)), { recursive: true });
  mkdirSync(dirname(join(base, COMMON)), { recursive: true });
  writeFileSync(join(base, SPEC_PATH), JSON.stringify(spec, null, 2));
  copyFileSync(join(SPECS, COMMON), join(base, COMMON));
  return join(base, SPEC_PATH);
}

test("recorded private DNS traffic validates against privatedns.json 2024-06-01 with zero errors", async () => {
  const { record, send } = rec;
  const sub = `/subscriptions/${system.subscriptionId}`;
  const rg = `${sub}/resourceGroups/dns-lab`;
  assert.equal((await send("PUT", `${rg}?api-version=2025-04-01`, { location: "westeurope" })).res.status, 201);
  const vnet = `${rg}/providers/Microsoft.Network/virtualNetworks/hub`;
  const made = await send("PUT", `${vnet}?api-version=2026-01-01`, {
    location: "westeurope",
    properties: { addressSpace: { addressPrefixes: ["10.10.0.0/16"] } },
  });
  assert.ok(made.res.status < 300, JSON.stringify(made.body));
  const zones = `${rg}/providers/Microsoft.Network/privateDnsZones`;
  const zone = `${zones}/privatelink.his.arc.azure.com`;

  assert.equal(
    (await record("PrivateZones_CreateOrUpdate", "PUT", `${zone}?${V}`, { location: "global", tags: { env: "lab" } }))
      .status,
    201,
  );
  assert.equal((await record("PrivateZones_Get", "GET", `${zone}?${V}`)).status, 200);
  assert.equal((await record("PrivateZones_Update", "PATCH", `${zone}?${V}`, { tags: { env: "prod" } })).status, 200);
  assert.equal(
    (await record("PrivateZones_List", "GET", `${sub}/providers/Microsoft.Network/privateDnsZones?${V}`)).status,
    200,
  );
  assert.equal((await record("PrivateZones_ListByResourceGroup", "GET", `${zones}?${V}`)).status, 200);
  const a = { properties: { ttl: 10, metadata: { by: "test" }, aRecords: [{ ipv4Address: "10.10.1.4" }] } };
  assert.equal((await record("RecordSets_CreateOrUpdate", "PUT", `${zone}/A/gbl?${V}`, a)).status, 201);
  assert.equal(
    (
      await record("RecordSets_CreateOrUpdate", "PUT", `${zone}/CNAME/weu?${V}`, {
        properties: { ttl: 10, cnameRecord: { cname: "gbl.privatelink.his.arc.azure.com" } },
      })
    ).status,
    201,
  );
  assert.equal(
    (
      await record("RecordSets_CreateOrUpdate", "PUT", `${zone}/TXT/note?${V}`, {
        properties: { txtRecords: [{ value: ["hello"] }] },
      })
    ).status,
    201,
  );
  assert.equal((await record("RecordSets_Get", "GET", `${zone}/A/gbl?${V}`)).status, 200);
  assert.equal((await record("RecordSets_Get", "GET", `${zone}/SOA/@?${V}`)).status, 200);
  assert.equal(
    (await record("RecordSets_Update", "PATCH", `${zone}/A/gbl?${V}`, { properties: { ttl: 20 } })).status,
    200,
  );
  assert.equal((await record("RecordSets_ListByType", "GET", `${zone}/A?${V}`)).status, 200);
  assert.equal((await record("RecordSets_List", "GET", `${zone}/aLL?${V}`)).status, 200);
  const link = `${zone}/virtualNetworkLinks/hub`;
  assert.equal(
    (
      await record("VirtualNetworkLinks_CreateOrUpdate", "PUT", `${link}?${V}`, {
        location: "global",
        properties: { virtualNetwork: { id: vnet }, registrationEnabled: false },
      })
    ).status,
    201,
  );
  assert.equal((await record("VirtualNetworkLinks_Get", "GET", `${link}?${V}`)).status, 200);
  assert.equal((await record("VirtualNetworkLinks_Update", "PATCH", `${link}?${V}`, { tags: { a: "b" } })).status, 200);
  assert.equal((await record("VirtualNetworkLinks_List", "GET", `${zone}/virtualNetworkLinks?${V}`)).status, 200);
  assert.equal((await record("PrivateZones_Delete", "DELETE", `${zone}?${V}`)).status, 409);
  assert.equal((await record("RecordSets_Get", "GET", `${zone}/A/missing?${V}`)).status, 404);
  assert.equal((await record("RecordSets_Delete", "DELETE", `${zone}/A/gbl?${V}`)).status, 200);
  assert.equal((await record("RecordSets_Delete", "DELETE", `${zone}/A/gbl?${V}`)).status, 204);
  assert.equal((await record("VirtualNetworkLinks_Delete", "DELETE", `${link}?${V}`)).status, 202);
  assert.equal((await record("PrivateZones_Delete", "DELETE", `${zone}?${V}`)).status, 202);

  const recordSpec = specWithout("record-sets", (p) => p.includes("/virtualNetworkLinks") || p.endsWith("/aLL"));
  const linkSpec = specWithout("links-and-all", (p) => p.includes("{recordType}"));
  const records = await validateTraffic(recordSpec, RECORDS);
  const links = await validateTraffic(linkSpec, LINKS);
  assert.deepEqual([...records.problems, ...links.problems], []);
  const covered = [...records.covered, ...links.covered];
  for (const op of [
    "PrivateZones_CreateOrUpdate",
    "PrivateZones_Get",
    "PrivateZones_Update",
    "PrivateZones_List",
    "PrivateZones_ListByResourceGroup",
    "PrivateZones_Delete",
    "RecordSets_CreateOrUpdate",
    "RecordSets_Get",
    "RecordSets_Update",
    "RecordSets_ListByType",
    "RecordSets_List",
    "RecordSets_Delete",
    "VirtualNetworkLinks_CreateOrUpdate",
    "VirtualNetworkLinks_Get",
    "VirtualNetworkLinks_Update",
    "VirtualNetworkLinks_List",
    "VirtualNetworkLinks_Delete",
  ]) {
    assert.ok(covered.includes(op), `oav saw ${op}`);
  }
});
