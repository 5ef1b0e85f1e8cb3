// Round trip on generated worlds: variations of the default world (VPN, forwarders, scope
// access, firewall, hosts files, DNS server choice, a proxy, local records, recursion, zone
// links, Windows or BIND per server) are applied, exported (Azure in Resource Graph shape,
// premises as their owners' exports plus a site file), imported and verified: the verdicts
// and findings equal those of the original world.
import assert from "node:assert/strict";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import fc from "fast-check";
import { parse, stringify } from "yaml";
import { BASE_WORLD_PATH, tryApplyAtLabTime } from "../src/labs/index.js";
import { estateExport } from "./helpers/estate-export.js";
import { importEstate, registry, verdictsOf, writeTree } from "./helpers/import-verdicts.js";

type Entry = { id: string; properties?: Record<string, unknown> };
const ARC_DOMAINS = [
  "his.arc.azure.com",
  "guestconfiguration.azure.com",
  "dp.kubernetesconfiguration.azure.com",
  "privatelink.his.arc.azure.com",
];
const base = parse(readFileSync(BASE_WORLD_PATH, "utf8")) as Entry[];
const byName = (entries: Entry[], tail: string) => entries.find((e) => e.id.endsWith(tail))!;

const variation = fc.record({
  vpn: fc.boolean(),
  forwarders: fc.subarray(ARC_DOMAINS),
  publicNetworkAccess: fc.constantFrom("Enabled", "Disabled"),
  firewallDefault: fc.constantFrom("Allow", "Deny"),
  kioskHostsFile: fc.boolean(),
  web01Dns: fc.constantFrom(["192.168.0.10"], ["192.168.0.11"], ["192.168.0.11", "192.168.0.10"]),
  proxy: fc.boolean(),
  localRecord: fc.boolean(),
  dc02Recursion: fc.boolean(),
  dropLink: fc.boolean(),
  dc01: fc.constantFrom("windows", "bind"),
  dc02: fc.constantFrom("windows", "bind"),
});

type Variation = typeof variation extends fc.Arbitrary<infer T> ? T : never;

function worldText(v: Variation): string {
  const entries = structuredClone(base);
  const site = byName(entries, "/sites/hq").properties!;
  if (!v.vpn) site.connections = [];
  (site.egressFirewall as Record<string, unknown>).defaultAction = v.firewallDefault;
  byName(entries, "/privateLinkScopes/arc-pls").properties!.publicNetworkAccess = v.publicNetworkAccess;
  const dc01 = byName(entries, "/dnsServers/dc01").properties!;
  dc01.conditionalForwarders = v.forwarders.map((domain) => ({ domain, targets: ["10.10.2.4"] }));
  if (v.localRecord) {
    (dc01.zones as { records: unknown[] }[])[0].records.push(
      { name: "files", type: "CNAME", value: "web01.corp.contoso.com" },
      { name: "txt", type: "TXT", value: "v=1" },
    );
  }
  byName(entries, "/dnsServers/dc02").properties!.recursion = v.dc02Recursion;
  if (!v.kioskHostsFile) delete byName(entries, "/hosts/kiosk01").properties!.hostsFile;
  const web01 = byName(entries, "/hosts/web01").properties!;
  web01.dnsServers = v.web01Dns;
  let out = entries;
  if (v.proxy) {
    out.push({
      id: `${byName(entries, "/sites/hq").id}/proxies/px1`,
      properties: { address: "192.168.0.5", port: 3128, dnsServers: ["192.168.0.11"] },
    });
    (web01.agent as Record<string, unknown>).config = {
      "proxy.url": "http://192.168.0.5:3128",
      "proxy.bypass": ["Arc"],
    };
  }
  if (v.dropLink)
    out = out.filter((e) => !e.id.endsWith("privatelink.guestconfiguration.azure.com/virtualNetworkLinks/hub"));
  return stringify(out);
}

test("export → import → verify gives the original world's verdicts on generated worlds", async () => {
  const reg = await registry();
  await fc.assert(
    fc.asyncProperty(variation, async (v) => {
      const { world, report } = await tryApplyAtLabTime(worldText(v), "generated.yaml");
      assert.deepEqual(report.errors, []);
      const root = writeTree(estateExport(world, reg, (name) => (name === "dc01" ? v.dc01 : v.dc02)));
      try {
        const siteFile = join(root, "site.yaml");
        const imported = await importEstate(
          [join(root, "azure"), join(root, "hq")],
          siteFile,
          readFileSync(siteFile, "utf8"),
        );
        assert.deepEqual(
          imported.log.setAside.filter((s) => s.reason.startsWith("refused")),
          [],
        );
        assert.deepEqual(verdictsOf(imported.world), verdictsOf(world));
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    }),
    { numRuns: 25 },
  );
});
