// Child process for bench/dns.ts: the default world's live DNS plane on fixed addresses
// (seed "bench"), printing one JSON line when ready. With --workers N (node:cluster) each
// worker opens its own hub on the same world and the kernel spreads queries over the
// workers' shared sockets.
import cluster from "node:cluster";
import { readWorldFile } from "../../src/cli/apply.js";
import { startDnsPlane } from "../../src/dns/index.js";
import { loopbackRealization } from "../../src/fabric/addresses/index.js";
import { openSystem } from "../../src/system/index.js";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const workers = Number(arg("--workers", "1"));
const port = Number(arg("--port", "5300"));

async function serve() {
  const system = openSystem({ memory: true });
  system.apply(readWorldFile("worlds/default.yaml"));
  const plane = await startDnsPlane({ system, port, realization: loopbackRealization({ seed: "bench" }) });
  const at = (suffix: string) =>
    plane.table().entries.find((e) => e.entities.some((x) => "id" in x && x.id.endsWith(suffix)))?.realized;
  return { dc01: at("/dnsServers/dc01"), web01: at("/hosts/web01"), port: plane.port };
}

if (workers > 1 && cluster.isPrimary) {
  let ready = 0;
  for (let i = 0; i < workers; i++) {
    cluster.fork().on("message", (m: unknown) => {
      if (++ready === workers) process.stdout.write(`${JSON.stringify(m)}\n`);
    });
  }
  process.on("SIGINT", () => {
    for (const w of Object.values(cluster.workers ?? {})) w?.kill();
    process.exit(0);
  });
} else {
  const info = await serve();
  if (cluster.isWorker) process.send?.(info);
  else process.stdout.write(`${JSON.stringify(info)}\n`);
  process.on("SIGINT", () => process.exit(0));
}
