// arclink benchmarks: every number is a ratio against a baseline measured in the same run,
// or a count against the issue's target. Run: npm run bench  (add --quick for a smoke run).
// Results are printed as a markdown table for BENCHMARKS.md and written to bench/results.json.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { issueLeaf, loadOrCreateCa } from "../src/pki/index.js";
import { load } from "./lib/load.js";
import { spawnReady, stopChild, untilHealthy } from "./lib/processes.js";

const quick = process.argv.includes("--quick");
const N = quick ? 500 : 5000;
const MACHINES = quick ? 1000 : 10_000;
const CONCURRENCY = 16;
const SUB = "00000000-0000-0000-0000-000000000000";
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

const dir = mkdtempSync(join(tmpdir(), "arclink-bench-"));
try {
  // Build once so startup is measured on what `npm start` runs.
  spawnSync("npm", ["run", "build"], { stdio: "ignore" });
  const arclinkArgs = ["bin/arclink.js", "up", "--json", "--port", "0", "--empty"];

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

  // 2. GET and PUT over keep-alive HTTPS, arclink against the bare server.
  const a = await spawnReady([...arclinkArgs, "--data", join(dir, "data2")]);
  const b = await spawnReady(["bench/lib/bare-server.mjs", join(dir, "leaf.crt"), join(dir, "leaf.key")]);
  const armCa = readFileSync(a.ready.caPath);
  const bearer = { authorization: `Bearer ${await token(a.ready.armEndpoint, a.ready.servicePrincipal, armCa)}` };
  const rgUrl = `${a.ready.armEndpoint}/subscriptions/${SUB}/resourcegroups/bench?api-version=2025-04-01`;
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
  await load({ url: () => `${b.ready.url}/`, requests: 500, concurrency: CONCURRENCY, ca: bareCa }); // warm-up
  await load({ url: () => rgUrl, headers: bearer, requests: 500, concurrency: CONCURRENCY, ca: armCa });
  const bareGet = await load({ url: () => `${b.ready.url}/`, requests: N, concurrency: CONCURRENCY, ca: bareCa });
  const armGet = await load({ url: () => rgUrl, headers: bearer, requests: N, concurrency: CONCURRENCY, ca: armCa });
  rows.push({
    what: `ARM GET resource group, ${N} requests, ${CONCURRENCY} concurrent (p50 / p99 ${armGet.p50Ms.toFixed(2)} / ${armGet.p99Ms.toFixed(2)} ms)`,
    value: `${armGet.rps.toFixed(0)} req/s`,
    baseline: `${bareGet.rps.toFixed(0)} req/s bare (p50 / p99 ${bareGet.p50Ms.toFixed(2)} / ${bareGet.p99Ms.toFixed(2)} ms)`,
    ratio: (armGet.rps / bareGet.rps).toFixed(2),
    target: "≥ 0.5",
  });
  const barePut = await load({
    url: () => `${b.ready.url}/`,
    method: "PUT",
    body: () => '{"location":"westeurope"}',
    requests: N,
    concurrency: CONCURRENCY,
    ca: bareCa,
  });
  const armPut = await load({
    url: (i) => `${a.ready.armEndpoint}/subscriptions/${SUB}/resourcegroups/rg${i}?api-version=2025-04-01`,
    method: "PUT",
    headers: bearer,
    body: () => '{"location":"westeurope"}',
    requests: N,
    concurrency: CONCURRENCY,
    ca: armCa,
  });
  rows.push({
    what: `ARM PUT resource group (new each time, SQLite WAL commit), ${N} requests (p50 / p99 ${armPut.p50Ms.toFixed(2)} / ${armPut.p99Ms.toFixed(2)} ms)`,
    value: `${armPut.rps.toFixed(0)} req/s`,
    baseline: `${barePut.rps.toFixed(0)} req/s bare`,
    ratio: (armPut.rps / barePut.rps).toFixed(2),
    target: "—",
  });
  if (armGet.errors + armPut.errors + bareGet.errors > 0) throw new Error("requests failed during the load");

  // 3. 10,000 machine PUTs and listing them with paging.
  const machineBase = `${a.ready.armEndpoint}/subscriptions/${SUB}/resourceGroups/bench/providers/Microsoft.HybridCompute/machines`;
  const put = await load({
    url: (i) => `${machineBase}/m${i}?api-version=2025-01-13`,
    method: "PUT",
    headers: bearer,
    body: () => '{"location":"westeurope","properties":{"osType":"linux"}}',
    requests: MACHINES,
    concurrency: CONCURRENCY,
    ca: armCa,
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
      what: `${MACHINES} machine PUTs, ${CONCURRENCY} concurrent (p50 / p99 ${put.p50Ms.toFixed(2)} / ${put.p99Ms.toFixed(2)} ms)`,
      value: `${put.seconds.toFixed(2)} s`,
      baseline: `${(MACHINES / barePut.rps).toFixed(2)} s for as many bare PUTs`,
      ratio: (put.seconds / (MACHINES / barePut.rps)).toFixed(2),
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
  await stopChild(a.child);
  await stopChild(b.child);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const table = [
  "| measure | arclink | baseline (same run) | ratio | target |",
  "|---|---|---|---|---|",
  ...rows.map((r) => `| ${r.what} | ${r.value} | ${r.baseline} | ${r.ratio} | ${r.target} |`),
].join("\n");
process.stdout.write(`${table}\n`);
writeFileSync("bench/results.json", `${JSON.stringify(rows, null, 2)}\n`);
