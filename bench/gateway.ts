// Gateway throughput with machine authentication and the access decision over keep-alive
// TLS, against a bare node:https server in the same run, both driven by wrk (Debian), and
// the time from a change to the world to the new decision live. `npm run bench:gateway`.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { Agent, createServer, request } from "node:https";
import { cpus, loadavg } from "node:os";
import { createApp } from "../src/arm/app.js";
import { DEFAULT_WORLD } from "../src/cli/up.js";
import { loopbackRealization } from "../src/fabric/addresses/index.js";
import { createMachineKeyPair, signMachineAssertion } from "../src/fabric/arc-services/index.js";
import { startFabric } from "../src/fabric/fabric.js";
import { createSniContexts } from "../src/fabric/tls/index.js";
import { labClock } from "../src/labs/index.js";
import { loadOrCreateCa } from "../src/pki/index.js";
import { DEFAULT_SUBSCRIPTION_ID, openSystem, temporaryDataDir } from "../src/system/index.js";
import { parseWorld } from "../src/world-file/index.js";
import { ensureWrk, runWrk } from "./lib/wrk.js";

const quick = process.argv.includes("--quick");
const SUB = `/subscriptions/${DEFAULT_SUBSCRIPTION_ID}/resourceGroups/arc-pl/providers`;
const SCOPE = `${SUB}/Microsoft.HybridCompute/privateLinkScopes/arc-pls`;
const MACHINE = `${SUB}/Microsoft.HybridCompute/machines/bench01`;

// wrk binds no source address: the benchmark world adds a site at 127.0.0.0/24 (realized as
// itself) with a host at 127.0.0.1 whose machine is associated with the scope, over the VPN.
const BENCH_SITE = `
- id: ${SUB}/Arclink.OnPremises/sites/bench
  location: onpremises
  properties:
    addressSpace: { addressPrefixes: [127.0.0.0/24] }
    connections:
      - { name: bench-to-hub, kind: SiteToSiteVpn, virtualNetwork: { id: ${SUB}/Microsoft.Network/virtualNetworks/hub } }
    internetAccess: false
- id: ${MACHINE}
  location: westeurope
  properties: { osType: linux, privateLinkScopeResourceId: ${SCOPE} }
- id: ${SUB}/Arclink.OnPremises/sites/bench/hosts/bench01
  properties:
    address: 127.0.0.1
    os: linux
    agent: { version: "1.45" }
    machineId: ${MACHINE}
`;

/** wrk against `name` mapped to `address` (wrk takes SNI from the URL), this process's CPU per request. */
const wrk = (name: string, address: string, port: number, path: string, token: string, seconds: number) =>
  runWrk({
    url: `https://${name}:${port}${path}`,
    connections: 32,
    seconds,
    headers: { Authorization: `Bearer ${token}` },
    hosts: { [name]: address },
    cpuOf: [process.pid],
  });

ensureWrk();
const temp = temporaryDataDir();
const system = openSystem({
  memory: true,
  clock: labClock(),
  world: parseWorld(readFileSync(DEFAULT_WORLD, "utf8") + BENCH_SITE, "bench.yaml", DEFAULT_SUBSCRIPTION_ID),
});
system.advanceClock(60 * 60_000);
const ca = await loadOrCreateCa(temp.dir, new Date());
const app = await createApp({ system });
const port = 20_000 + (randomBytes(2).readUInt16BE(0) % 20_000);
const fabric = await startFabric({ system, ca, app, port, realization: loopbackRealization({ seed: "bench" }) });
const { privateKey, clientPublicKey } = createMachineKeyPair();
system.put(MACHINE, {
  location: "westeurope",
  properties: { osType: "linux", clientPublicKey, privateLinkScopeResourceId: SCOPE },
});
const audience = "https://weu.his.arc.azure.com/machine/bench01/identity";
const { accessToken } = await fabric.auth.exchange(await signMachineAssertion(privateKey, MACHINE, audience), audience);
const hub = `${SUB}/Microsoft.Network/virtualNetworks/hub`;
const pe = fabric.gateway.table().realize({ kind: "virtual-network", virtualNetworkId: hub }, "10.10.1.5") ?? "";

// The bare baseline: node:https with the same leaf, answering the same machine body.
const sni = await createSniContexts(ca, new Date());
const leaf = sni.leaves.get("his");
const body = JSON.stringify(system.snapshot().get(MACHINE));
const bare = createServer({ cert: leaf?.certPem, key: leaf?.keyPem, keepAlive: true }, (_req, res) => {
  res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  res.end(body);
});
const bareAddress = "127.0.0.77";
await new Promise<void>((r) => bare.listen(port, bareAddress, () => r()));

const seconds = quick ? 3 : 5;
const path = "/machine/bench01/metadata";
// Interleaved rounds, best of each: on a shared machine the load moves between runs.
type Run = Awaited<ReturnType<typeof wrk>>;
const best = (a: Run | undefined, b: Run) => (a && a.rps >= b.rps ? a : b);
let bareRun: Run | undefined;
let gatewayRun: Run | undefined;
let bareCpu = Number.POSITIVE_INFINITY;
let gatewayCpu = Number.POSITIVE_INFINITY;
const load0 = loadavg()[0];
for (let round = 0; round < (quick ? 1 : 3); round++) {
  const b = await wrk("bare.his.arc.azure.com", bareAddress, port, path, accessToken, seconds);
  const g = await wrk("weu.his.arc.azure.com", pe, port, path, accessToken, seconds);
  bareRun = best(bareRun, b);
  gatewayRun = best(gatewayRun, g);
  bareCpu = Math.min(bareCpu, b.cpuUs);
  gatewayCpu = Math.min(gatewayCpu, g.cpuUs);
}
const load1 = loadavg()[0];
if (!bareRun || !gatewayRun) throw new Error("no wrk run");

// Change → new decision live: flip the machine's association off and on; each time, the next
// request on an open keep-alive TLS connection must carry the new decision.
const agent = new Agent({ keepAlive: true, maxSockets: 1, ca: ca.certPem, servername: "weu.his.arc.azure.com" });
const get = () =>
  new Promise<number>((resolve, reject) => {
    const req = request(
      {
        host: pe,
        port,
        path,
        agent,
        localAddress: "127.0.0.1",
        headers: { host: "weu.his.arc.azure.com", authorization: `Bearer ${accessToken}` },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end();
  });
await get();
const latencies: number[] = [];
const afterCommit: number[] = [];
for (let i = 0; i < (quick ? 10 : 50); i++) {
  const refuse = i % 2 === 0;
  const t0 = performance.now();
  system.patch(MACHINE, { properties: { privateLinkScopeResourceId: refuse ? null : SCOPE } });
  // A new association waits out the 15-minute delay [facts §3.10]: the clock move is part of the change.
  if (!refuse) system.advanceClock(16 * 60_000);
  const t1 = performance.now();
  const status = await get();
  latencies.push(performance.now() - t0);
  afterCommit.push(performance.now() - t1);
  if ((status === 403) !== refuse) throw new Error(`request ${i} got ${status} after the change`);
}
latencies.sort((a, b) => a - b);
afterCommit.sort((a, b) => a - b);
agent.destroy();
bare.close();
await fabric.stop();
system.close();
temp.remove();

const ratio = gatewayRun.rps / bareRun.rps;
console.log(
  `Load average (1 min) ${load0.toFixed(2)} before the rounds, ${load1.toFixed(2)} after, on ${cpus().length} cores.\n`,
);
console.log(`| measure | arclink | baseline (same run) | ratio | target |`);
console.log(`|---|---|---|---|---|`);
console.log(
  `| GET machine metadata over keep-alive TLS, access token + scope decision, wrk -t2 -c32 ${seconds}s, best of ${quick ? 1 : 3} interleaved rounds (p50 / p99 ${gatewayRun.p50} / ${gatewayRun.p99}, errors ${gatewayRun.errors}) | ${gatewayRun.rps.toFixed(0)} req/s | ${bareRun.rps.toFixed(0)} req/s bare node:https (p50 / p99 ${bareRun.p50} / ${bareRun.p99}) | ${ratio.toFixed(2)} | ≥ 0.8 |`,
);
console.log(
  `| server CPU per request (user + system of the process serving both, least of the rounds) | ${gatewayCpu.toFixed(1)} µs | ${bareCpu.toFixed(1)} µs bare node:https | ${(bareCpu / gatewayCpu).toFixed(2)} (bare/gateway) | — |`,
);
console.log(
  `| change (machine association PATCH through the hub, engine + rules + commit) → new decision answered on the next request, ${latencies.length} changes | median ${latencies[latencies.length >> 1].toFixed(1)} ms, max ${latencies.at(-1)?.toFixed(1)} ms | commit → answer: median ${afterCommit[afterCommit.length >> 1].toFixed(1)} ms, max ${afterCommit.at(-1)?.toFixed(1)} ms | — | < 100 ms |`,
);
process.exit(0);
