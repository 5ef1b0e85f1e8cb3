// Applying a large world through the engine and rules (issue 3's measure): 1,000 virtual
// networks, 1,000 private endpoints and 100 private DNS zones, against a baseline in the same
// run: as many resource groups (the cheapest resource) applied the same way.
// Run: npm run bench:apply   (add --quick for a smaller world)
import { stringify } from "yaml";
import { createApp } from "../src/arm/app.js";
import { Store } from "../src/store/index.js";
import { applyWorld, parseWorld, type WorldEntry } from "../src/world-file/index.js";

const quick = process.argv.includes("--quick");
const VNETS = Number(process.env.BENCH_VNETS ?? (quick ? 100 : 1000));
const ZONES = quick ? 10 : 100;
const SUB = "00000000-0000-0000-0000-000000000000";
const RG = `/subscriptions/${SUB}/resourceGroups/bench`;
const ARC_ZONES = [
  "privatelink.his.arc.azure.com",
  "privatelink.guestconfiguration.azure.com",
  "privatelink.dp.kubernetesconfiguration.azure.com",
];

function bigWorld(): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [{ id: RG, location: "westeurope" }];
  out.push({
    id: `${RG}/providers/Microsoft.HybridCompute/privateLinkScopes/scope`,
    location: "westeurope",
    properties: { publicNetworkAccess: "Disabled" },
  });
  const zones = [
    ...ARC_ZONES,
    ...Array.from({ length: ZONES - ARC_ZONES.length }, (_, i) => `zone${i}.contoso.internal`),
  ];
  for (const zone of zones)
    out.push({ id: `${RG}/providers/Microsoft.Network/privateDnsZones/${zone}`, location: "global" });
  for (let i = 0; i < VNETS; i++) {
    const vnet = `${RG}/providers/Microsoft.Network/virtualNetworks/vnet${i}`;
    const net = `10.${Math.floor(i / 256)}.${i % 256}`;
    out.push({
      id: vnet,
      location: "westeurope",
      properties: {
        addressSpace: { addressPrefixes: [`${net}.0/24`] },
        subnets: [{ name: "endpoints", properties: { addressPrefix: `${net}.0/26` } }],
      },
    });
    const pe = `${RG}/providers/Microsoft.Network/privateEndpoints/pe${i}`;
    out.push({
      id: pe,
      location: "westeurope",
      properties: {
        subnet: { id: `${vnet}/subnets/endpoints` },
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
    });
    // One zone link per vnet, spread over the zones (10 per zone at full size).
    const zone = zones[i % zones.length];
    out.push({
      id: `${RG}/providers/Microsoft.Network/privateDnsZones/${zone}/virtualNetworkLinks/vnet${i}`,
      location: "global",
      properties: { virtualNetwork: { id: vnet }, registrationEnabled: false },
    });
    // Every tenth endpoint integrates with the Arc zones (writing, and overwriting, A records).
    if (i % 10 === 0) {
      out.push({
        id: `${pe}/privateDnsZoneGroups/default`,
        properties: {
          privateDnsZoneConfigs: ARC_ZONES.map((z) => ({
            name: z.replaceAll(".", "-"),
            properties: { privateDnsZoneId: `${RG}/providers/Microsoft.Network/privateDnsZones/${z}` },
          })),
        },
      });
    }
  }
  return out;
}

async function timeApply(entries: WorldEntry[]): Promise<{ ms: number; rssMiB: number; applied: number }> {
  const store = new Store({ inMemory: true });
  const app = await createApp({ store });
  const before = process.memoryUsage().rss;
  const t0 = process.hrtime.bigint();
  const report = applyWorld(app.system, entries);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const rssMiB = (process.memoryUsage().rss - before) / 2 ** 20;
  if (report.errors.length) throw new Error(`apply failed: ${JSON.stringify(report.errors.slice(0, 3))}`);
  store.close();
  return { ms, rssMiB, applied: report.applied };
}

const text = stringify(bigWorld(), { lineWidth: 0 });
const t0 = process.hrtime.bigint();
const entries = parseWorld(text, "big.yaml", SUB);
const parseMs = Number(process.hrtime.bigint() - t0) / 1e6;
const groups = parseWorld(
  stringify(entries.map((_, i) => ({ id: `/subscriptions/${SUB}/resourceGroups/rg${i}`, location: "westeurope" }))),
  "groups.yaml",
  SUB,
);
const baseline = await timeApply(groups);
const big = await timeApply(entries);
const counts = `${VNETS} vnets, ${VNETS} private endpoints, ${ZONES} zones, ${VNETS} links, ${VNETS / 10} zone groups`;
process.stdout.write(
  [
    "| measure | arclink | baseline (same run) | ratio | target |",
    "|---|---|---|---|---|",
    `| apply ${big.applied} resources (${counts}) | ${(big.ms / 1000).toFixed(2)} s, +${big.rssMiB.toFixed(0)} MiB RSS | ${(baseline.ms / 1000).toFixed(2)} s, +${baseline.rssMiB.toFixed(0)} MiB for ${baseline.applied} resource groups | ${(big.ms / baseline.ms).toFixed(1)} | < 10 s |`,
    `| parse the ${(text.length / 2 ** 20).toFixed(1)} MiB YAML world file | ${parseMs.toFixed(0)} ms | — | — | — |`,
    "",
  ].join("\n"),
);
