// What `arclink generate zone-file` writes for a DNS server, `arclink import` reads back:
// the conditional forwarders (BIND, dnsmasq, unbound) and the privatelink zones' records
// (BIND named.conf with its zone files, unbound) of the default world's private endpoint.
import assert from "node:assert/strict";
import { test } from "node:test";
import { generateZoneFile } from "../src/generate/index.js";
import { ImportLog, readSource } from "../src/import/index.js";
import { applyAtLabTime, BASE_WORLD_PATH } from "../src/labs/index.js";

const PE =
  "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/arc-pl/providers/Microsoft.Network/privateEndpoints/arc-pe";
const ARC = ["his.arc.azure.com", "guestconfiguration.azure.com", "dp.kubernetesconfiguration.azure.com"];

function read(files: { name: string; content: string }[], main: string) {
  const log = new ImportLog();
  const byName = new Map(files.map((f) => [f.name, f.content]));
  const c = readSource(
    {
      file: `dns/${main}`,
      text: byName.get(main)!,
      readRelative: (p) => (byName.has(p) ? { file: `dns/${p}`, text: byName.get(p)! } : undefined),
    },
    log,
  );
  assert.equal(c.kind, "dns-server");
  assert.deepEqual(log.problems, []);
  return c.kind === "dns-server" ? c.draft : undefined;
}

test("generated conditional forwarders read back in every server format", async () => {
  const { world } = await applyAtLabTime(BASE_WORLD_PATH);
  for (const format of ["bind", "dnsmasq", "unbound"] as const) {
    const g = generateZoneFile(world, { privateEndpoint: PE, format, mode: "forwarders", forwardTo: ["10.10.2.4"] });
    const files = (g.data as { files: { name: string; content: string }[] }).files;
    const draft = read(files, files[0].name)!;
    assert.deepEqual(
      draft.conditionalForwarders,
      ARC.map((domain) => ({ domain, targets: ["10.10.2.4"] })),
      format,
    );
  }
});

test("generated privatelink zones read back with their records (BIND zone files, unbound local data)", async () => {
  const { world } = await applyAtLabTime(BASE_WORLD_PATH);
  const records = (draft: { zones: { name: string; records: { name: string; value: string }[] }[] }) =>
    draft.zones
      .flatMap((z) => z.records.map((r) => `${r.name === "@" ? "" : `${r.name}.`}${z.name}=${r.value}`))
      .filter((x) => x.includes("privatelink"))
      .sort();
  const expected = [
    "gbl.privatelink.his.arc.azure.com=10.10.1.4",
    "weu.privatelink.his.arc.azure.com=10.10.1.5",
    "agentserviceapi.privatelink.guestconfiguration.azure.com=10.10.1.6",
    "westeurope-gas.privatelink.guestconfiguration.azure.com=10.10.1.7",
    "westeurope.privatelink.dp.kubernetesconfiguration.azure.com=10.10.1.8",
  ].sort();
  for (const format of ["bind", "unbound"] as const) {
    const g = generateZoneFile(world, { privateEndpoint: PE, format, mode: "records" });
    const files = (g.data as { files: { name: string; content: string }[] }).files;
    assert.deepEqual(records(read(files, files[0].name)!), expected, format);
  }
});
