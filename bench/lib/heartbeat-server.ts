// The system side of bench/heartbeats.ts: `arclink up` in-process (hub, live DNS, gateway) on
// the default world plus N generated machines at time scale 60. Writes the clients' file (each
// machine's realized host address, ids and key; where weu.his resolves for hq, realized; the
// CA; the his leaf for the bare baseline), prints {"file"} when ready, then answers "stats"
// on stdin with {"connected","commits"} and exits on "stop".
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { lookupFromHost, realizeFor } from "../../src/agent/wire/index.js";
import { createSniContexts } from "../../src/fabric/tls/index.js";
import { loadOrCreateCa } from "../../src/pki/index.js";
import { readClient } from "../../src/semantics/model/premises.js";
import { addBenchMachines, HQ, startBenchSystem } from "./bench-machines.js";

const n = Number(process.argv[2] ?? 1000);
const { running, data } = await startBenchSystem("arclink-bench-heartbeats-");
const { system, fabric, dns } = running;
if (!fabric || !dns) throw new Error("the live planes did not start");
const machines = addBenchMachines(system, n);
await dns.settled();
await new Promise((r) => setTimeout(r, 1000));

// Where the regional HIS name resolves for a host of hq, asked over the wire as its agent would.
const name = "weu.his.arc.azure.com";
const table = fabric.gateway.table();
const first = readClient(system.snapshot(), machines[0].hostId);
if (first?.kind !== "host") throw new Error("no bench host");
const from = (address: string) => table.realize({ kind: "site", siteId: HQ }, address) ?? "";
const lookup = await lookupFromHost({ host: first, table, from: from(first.address), dnsPort: dns.port, name });
const target = realizeFor(table, lookup.addresses[0] ?? "", first.siteId, (e) => e.kind === "private-endpoint");
if (!target) throw new Error(`${name} did not resolve to a served address: ${lookup.tried.join("; ")}`);
const ca = await loadOrCreateCa(data, new Date());
const leaf = (await createSniContexts(ca, new Date())).leaves.get("his");
const file = join(data, "clients.json");
writeFileSync(
  file,
  JSON.stringify({
    name,
    target: { address: target, port: fabric.port, world: lookup.addresses[0] },
    ca: ca.certPem,
    leaf,
    machines: machines.map((m) => ({
      machineId: m.machineId,
      vmId: m.vmId,
      from: from(m.address),
      key: m.privateKey.export({ format: "pem", type: "pkcs8" }).toString(),
    })),
  }),
  { mode: 0o600 },
);
let commits = 0;
system.subscribe(({ cause }) => {
  if (cause === "commit") commits++;
});
process.stdout.write(`${JSON.stringify({ file, pid: process.pid })}\n`);
for await (const line of createInterface({ input: process.stdin })) {
  if (line === "stats") {
    const connected = system
      .snapshot()
      .ofType("Microsoft.HybridCompute/machines")
      .filter((m) => m.name.startsWith("bench") && m.properties.status === "Connected").length;
    process.stdout.write(`${JSON.stringify({ connected, commits })}\n`);
  } else if (line === "stop") break;
}
await running.stop();
process.exit(0);
