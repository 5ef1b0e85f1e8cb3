// arclink benchmarks: every number is a ratio against a baseline measured in the same run,
// or a count against the issue's target. Run: npm run bench  (add --quick for a smoke run).
// Results are printed as a markdown table for BENCHMARKS.md and written to bench/results.json.
import { type ChildProcess, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { issueLeaf, loadOrCreateCa } from "../src/pki/index.js";
import { load } from "./lib/load.js";
import { spawnReady, stopChild, untilHealthy } from "./lib/processes.js";
import { ensureWrk, numberedRequests, runWrk, type WrkOptions } from "./lib/wrk.js";

const quick = process.argv.includes("--quick");
const N = quick ? 500 : 5000;
const SECONDS = quick ? 2 : 5;
const MACHINES = quick ? 1000 : 10_000;
const CONCURRENCY = 16;
const SUB = "00000000-0000-0000-0000-000000000000";
const load0 = loadavg()[0];
const rows: { what: string; value: string; baseline: string; ratio: string; target: string }[] = [];

async function token(arm: string, sp: { clientId: string; secret: string }, ca: Buffer): Promise<string> {
  const { request } = await import("node:https");
  const form = new URLSearchParams({
    grant_type: "client_credentials",
    client_id: sp.clientId,
    client_secret: sp.secret,
    scope: "https://management.azure.com/.default",
  }).toString();
  return new Promise((resolve, reject) => {
    const req = request(
      `${arm}/${SUB}/oauth2/v2.0/token`,
      { method: "POST", ca, headers: { "content-type": "application/x-www-form-urlencoded" } },
      (res) => {
        let text = "";
        res.on("data", (d) => (text += d));
        res.on("end", () => resolve(JSON.parse(text).access_token));
      },
    );
    req.on("error", reject);
    req.end(form);
  });
}

const children: ChildProcess[] = [];
const dir = mkdtempSync(join(tmpdir(), "arclink-bench-"));
try {
  // Build once so startup is measured on what `npm start` runs.
  spawnSync("npm", ["run", "build"], { stdio: "ignore" });
  // The ARM front alone: the live DNS and network planes have their own benchmarks (and ports 53/443 may be taken on a shared machine).
  const arclinkArgs = ["bin/arclink.js", "up", "--json", "--port", "0", "--empty", "--no-dns", "--no-gateway"];

  // 1. Cold start to health OK, against a bare node:https server's start.
  const coldRuns: number[] = [];
  const bareRuns: number[] = [];
  const ca = await loadOrCreateCa(join(dir, "data"), new Date());
  const leaf = await issueLeaf(ca, ["localhost", "127.0.0.1"], new Date());
  writeFileSync(join(dir, "leaf.crt"), leaf.certPem);
  writeFileSync(join(dir, "leaf.key"), leaf.keyPem);
  const caBytes = Buffer.from(ca.certPem);
  for (let i = 0; i < (quick ? 2 : 5); i++) {
    const t0 = process.hrtime.bigint();
    const a = await spawnReady([...arclinkArgs, "--in-memory"]);
    coldRuns.push(await untilHealthy(`${a.ready.armEndpoint}/_arclink/health`, readFileSync(a.ready.caPath), t0));
    await stopChild(a.child);
    const t1 = process.hrtime.bigint();
    const b = await spawnReady(["bench/lib/bare-server.mjs", join(dir, "leaf.crt"), join(dir, "leaf.key")]);
    bareRuns.push(await untilHealthy(`${b.ready.url}/`, caBytes, t1));
    await stopChild(b.child);
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  rows.push({
    what: "cold start of `arclink up` to health OK (median)",
    value: `${median(coldRuns).toFixed(0)} ms`,
    baseline: `${median(bareRuns).toFixed(0)} ms (bare node:https)`,
    ratio: (median(coldRuns) / median(bareRuns)).toFixed(2),
    target: "< 1500 ms",
  });

  // 2. GET and PUT over keep-alive HTTPS, arclink against the bare server, both driven by wrk
  // (native, 2 threads, 16 connections = 16 requests in flight), each server in its own process.
  ensureWrk();
  const a = await spawnReady([...arclinkArgs, "--data", join(dir, "data2")]);
  const b = await spawnReady(["bench/lib/bare-server.mjs", join(dir, "leaf.crt"), join(dir, "leaf.key")]);
  children.push(a.child, b.child);
  const armPid = a.child.pid!;
  const barePid = b.child.pid!;
  const armCa = readFileSync(a.ready.caPath);
  const bearer = { authorization: `Bearer ${await token(a.ready.armEndpoint, a.ready.servicePrincipal, armCa)}` };
  const rgPath = `/subscriptions/${SUB}/resourcegroups/bench?api-version=2025-04-01`;
  const rgUrl = `${a.ready.armEndpoint}${rgPath}`;
  await load({
    url: () => rgUrl,
    method: "PUT",
    headers: bearer,
    body: () => '{"location":"westeurope"}',
    requests: 1,
    concurrency: 1,
    ca: armCa,
  });
  const bareCa = caBytes;
  const wrkRun = (url: string, extra: Partial<WrkOptions> = {}) =>
    runWrk({ url, connections: CONCURRENCY, seconds: SECONDS, ...extra });
  await wrkRun(`${b.ready.url}/`, { seconds: 2 }); // warm-up
  await wrkRun(rgUrl, { seconds: 2, headers: bearer });
  // What the former Node client (bench/lib/load.ts, 16 in flight) pushes against the same bare server.
  const nodeClient = await load({ url: () => `${b.ready.url}/`, requests: N, concurrency: CONCURRENCY, ca: bareCa });
  const bareGet = await wrkRun(`${b.ready.url}/`, { cpuOf: [barePid] });
  const armGet = await wrkRun(rgUrl, { headers: bearer, cpuOf: [armPid] });
  rows.push({
    what: `ARM GET resource group, wrk -t2 -c${CONCURRENCY} ${SECONDS}s (p50 / p99 ${armGet.p50} / ${armGet.p99}; server CPU ${armGet.cpuUs.toFixed(0)} µs/request)`,
    value: `${armGet.rps.toFixed(0)} req/s`,
    baseline: `${bareGet.rps.toFixed(0)} req/s bare (p50 / p99 ${bareGet.p50} / ${bareGet.p99}; ${bareGet.cpuUs.toFixed(0)} µs/request)`,
    ratio: (armGet.rps / bareGet.rps).toFixed(2),
    target: "≥ 0.5",
  });
  rows.push({
    what: `bare GET driven by the Node client instead (bench/lib/load.ts, ${N} requests, ${CONCURRENCY} in flight; p50 / p99 ${nodeClient.p50Ms.toFixed(2)} / ${nodeClient.p99Ms.toFixed(2)} ms)`,
    value: `${nodeClient.rps.toFixed(0)} req/s`,
    baseline: `${bareGet.rps.toFixed(0)} req/s bare under wrk`,
    ratio: (nodeClient.rps / bareGet.rps).toFixed(2),
    target: "wrk above the Node client",
  });
  const putScript = (path: string) =>
    numberedRequests(`return wrk.format("PUT", ${path}, headers, '{"location":"westeurope"}')`);
  const barePut = await wrkRun(`${b.ready.url}/`, { script: putScript('"/"'), cpuOf: [barePid] });
  const armPut = await wrkRun(a.ready.armEndpoint, {
    headers: bearer,
    script: putScript(`"/subscriptions/${SUB}/resourcegroups/rg" .. id .. "-" .. n .. "?api-version=2025-04-01"`),
    cpuOf: [armPid],
  });
  rows.push({
    what: `ARM PUT resource group (new each time, SQLite WAL commit), wrk -t2 -c${CONCURRENCY} ${SECONDS}s, ${armPut.requests} requests (p50 / p99 ${armPut.p50} / ${armPut.p99})`,
    value: `${armPut.rps.toFixed(0)} req/s`,
    baseline: `${barePut.rps.toFixed(0)} req/s bare`,
    ratio: (armPut.rps / barePut.rps).toFixed(2),
    target: "—",
  });
  for (const [name, r] of Object.entries({ armGet, armPut, bareGet, barePut }))
    if (r.errors > 0) throw new Error(`requests failed during the load (${name}):\n${r.report}`);
  if (nodeClient.errors > 0) throw new Error("requests failed during the Node client's load");

  // 3. 10,000 machine PUTs (one wrk thread, 16 connections, exiting at the 10,000th answer) and listing them with paging.
  const machinePath = `/subscriptions/${SUB}/resourceGroups/bench/providers/Microsoft.HybridCompute/machines`;
  const machineBase = `${a.ready.armEndpoint}${machinePath}`;
  const put = await wrkRun(a.ready.armEndpoint, {
    seconds: 120,
    headers: bearer,
    script: numberedRequests(
      `return wrk.format("PUT", "${machinePath}/m" .. id .. "-" .. n .. "?api-version=2025-01-13", headers, '{"location":"westeurope","properties":{"osType":"linux"}}')`,
      MACHINES,
    ),
    total: MACHINES,
  });
  if (put.errors > 0) {
    rows.push({
      what: `${MACHINES} machine PUTs`,
      value: `${put.errors} errors: is Microsoft.HybridCompute served?`,
      baseline: "",
      ratio: "",
      target: "< 20 s",
    });
  } else {
    rows.push({
      what: `${put.requests} machine PUTs, wrk -t1 -c${CONCURRENCY}, timed to the last answer`,
      value: `${put.seconds.toFixed(2)} s`,
      baseline: `${(put.requests / barePut.rps).toFixed(2)} s for as many bare PUTs`,
      ratio: (put.seconds / (put.requests / barePut.rps)).toFixed(2),
      target: "< 20 s",
    });
    const t0 = process.hrtime.bigint();
    let url: string | undefined = `${machineBase}?api-version=2025-01-13`;
    let count = 0;
    let pages = 0;
    while (url) {
      const { request } = await import("node:https");
      const page: any = await new Promise((resolve, reject) => {
        request(url!, { ca: armCa, headers: bearer }, (res) => {
          let text = "";
          res.on("data", (d) => (text += d));
          res.on("end", () => resolve(JSON.parse(text)));
        })
          .on("error", reject)
          .end();
      });
      count += page.value.length;
      pages++;
      url = page.nextLink;
    }
    const listMs = Number(process.hrtime.bigint() - t0) / 1e6;
    rows.push({
      what: `list ${count} machines following nextLink (${pages} pages)`,
      value: `${listMs.toFixed(0)} ms`,
      baseline: `${((pages / bareGet.rps) * 1000).toFixed(0)} ms for ${pages} bare GETs`,
      ratio: (listMs / ((pages / bareGet.rps) * 1000)).toFixed(2),
      target: "—",
    });
  }
} finally {
  for (const child of children) if (child.exitCode === null) await stopChild(child);
  rmSync(dir, { recursive: true, force: true });
}

const table = [
  "| measure | arclink | baseline (same run) | ratio | target |",
  "|---|---|---|---|---|",
  ...rows.map((r) => `| ${r.what} | ${r.value} | ${r.baseline} | ${r.ratio} | ${r.target} |`),
].join("\n");
process.stdout.write(
  `Load average (1 min) ${load0.toFixed(2)} at the start, ${loadavg()[0].toFixed(2)} at the end, on ${cpus().length} cores.\n\n${table}\n`,
);
writeFileSync("bench/results.json", `${JSON.stringify(rows, null, 2)}\n`);
