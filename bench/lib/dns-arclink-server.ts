// Child process for bench/dns.ts: the default world's live DNS plane on fixed addresses
// (seed "bench"), as `arclink up` runs it: one process, UDP through the native fast path
// (2 threads, src/dns/udp-fast-path.ts), TCP and every cache miss in JavaScript. Prints one
// JSON line when ready, and the fast path's counters on SIGINT (stderr).
import { readWorldFile } from "../../src/cli/apply.js";
import { startDnsPlane } from "../../src/dns/index.js";
import { loopbackRealization } from "../../src/fabric/addresses/index.js";
import { openSystem } from "../../src/system/index.js";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const port = Number(arg("--port", "5300"));

const system = openSystem({ memory: true });
system.apply(readWorldFile("worlds/default.yaml"));
const plane = await startDnsPlane({ system, port, realization: loopbackRealization({ seed: "bench" }) });
const at = (suffix: string) =>
  plane.table().entries.find((e) => e.entities.some((x) => "id" in x && x.id.endsWith(suffix)))?.realized;
process.stdout.write(
  `${JSON.stringify({ dc01: at("/dnsServers/dc01"), web01: at("/hosts/web01"), port: plane.port })}\n`,
);
process.on("SIGINT", () => {
  process.stderr.write(`arclink fast path: ${JSON.stringify(plane.udpStats())}\n`);
  process.exit(0);
});
