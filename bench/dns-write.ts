// ARM write → live DNS answer (issue 10: "visible in answers within 100 ms"): a system hub
// with the default world and the DNS plane in one process, as `arclink up` runs them; each
// round writes an A record set through the hub's write path (the ARM engine and rules) and
// asks dc01 over UDP, as web01, until the new address comes back. Baseline in the same run:
// the round trip of the same query with no write (a cache hit).
// Run: npm run bench:dns-write   (node --import tsx bench/dns-write.ts [--rounds 100])
import { readWorldFile } from "../src/cli/apply.js";
import { sendQuery, startDnsPlane } from "../src/dns/index.js";
import { loopbackRealization } from "../src/fabric/addresses/index.js";
import { openSystem } from "../src/system/index.js";

const roundsArg = process.argv.indexOf("--rounds");
const ROUNDS = roundsArg >= 0 ? Number(process.argv[roundsArg + 1]) : 100;
const ZONE =
  "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/arc-pl/providers/Microsoft.Network/privateDnsZones/privatelink.his.arc.azure.com";

const system = openSystem({ memory: true });
system.apply(readWorldFile("worlds/default.yaml"));
const plane = await startDnsPlane({ system, port: 5320, realization: loopbackRealization({ seed: "bench-write" }) });
const at = (suffix: string) =>
  plane.table().entries.find((e) => e.entities.some((x) => "id" in x && x.id.endsWith(suffix)))?.realized as string;
const [dc01, web01] = [at("/dnsServers/dc01"), at("/hosts/web01")];
const ask = () =>
  sendQuery({ server: dc01, port: plane.port, from: web01, name: "w.privatelink.his.arc.azure.com", type: "A" });

const visible: number[] = [];
const writes: number[] = [];
const afterCommit: number[] = [];
const hit: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  const address = `10.10.9.${(i % 250) + 1}`;
  const start = performance.now();
  system.put(`${ZONE}/A/w`, { properties: { ttl: 10, aRecords: [{ ipv4Address: address }] } });
  const committed = performance.now();
  writes.push(committed - start);
  for (;;) {
    const r = await ask();
    if ((r.response?.answers ?? []).some((a) => (a as { data?: unknown }).data === address)) break;
  }
  visible.push(performance.now() - start);
  afterCommit.push(performance.now() - committed);
  const t = performance.now();
  await ask();
  hit.push(performance.now() - t);
}
await plane.stop();
system.close();
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const p = (q: number) => s[Math.floor(q * (s.length - 1))].toFixed(1);
  return `${p(0.5)} / ${p(0.9)} / ${p(0.99)} / ${s[s.length - 1].toFixed(1)}`;
};
process.stdout.write(
  [
    `${ROUNDS} rounds, ms p50 / p90 / p99 / max`,
    "",
    "| measure | ms |",
    "|---|---|",
    `| ARM write (hub write path) → the new address answered over UDP | ${stats(visible)} |`,
    `| of which the write itself (engine, rules, commit, feed, cache swap) | ${stats(writes)} |`,
    `| of which commit → answer (first query after the commit, a cache miss) | ${stats(afterCommit)} |`,
    `| baseline: the same query, cached, no write | ${stats(hit)} |`,
    "",
  ].join("\n"),
);
