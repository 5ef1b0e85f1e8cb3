// The cost of synchronous=FULL (issue 8): resource group PUTs against `arclink up --data`
// with the default FULL against the same with --synchronous NORMAL, in the same run.
// Run: npm run bench:durability   (add --quick for a smaller run; needs `npm run build`)
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type LoadResult, load } from "./lib/load.js";
import { spawnReady, stopChild } from "./lib/processes.js";

const quick = process.argv.includes("--quick");
const REQUESTS = quick ? 500 : 3000;
const CONCURRENCY = 16;
const SUB = "00000000-0000-0000-0000-000000000000";

async function tokenFor(ready: Record<string, any>, ca: Buffer): Promise<string> {
  const { request } = await import("node:https");
  const form = new URLSearchParams({
    grant_type: "client_credentials",
    client_id: ready.servicePrincipal.clientId,
    client_secret: ready.servicePrincipal.secret,
    resource: "https://management.azure.com/",
  }).toString();
  return new Promise((resolve, reject) => {
    const req = request(
      `${ready.armEndpoint}/adfs/oauth2/token`,
      { method: "POST", ca, headers: { "content-type": "application/x-www-form-urlencoded" } },
      (res) => {
        let text = "";
        res.on("data", (d) => {
          text += d;
        });
        res.on("end", () => resolve(JSON.parse(text).access_token));
      },
    );
    req.on("error", reject);
    req.end(form);
  });
}

async function measure(mode: "FULL" | "NORMAL", dir: string): Promise<LoadResult> {
  const { child, ready } = await spawnReady([
    "bin/arclink.js",
    "up",
    "--json",
    "--port",
    "0",
    "--empty",
    "--data",
    join(dir, mode),
    "--synchronous",
    mode,
  ]);
  try {
    const ca = readFileSync(ready.caPath);
    const token = await tokenFor(ready, ca);
    return await load({
      url: (i) => `${ready.armEndpoint}/subscriptions/${SUB}/resourceGroups/rg${i}?api-version=2025-04-01`,
      method: "PUT",
      headers: { authorization: `Bearer ${token}` },
      body: () => '{"location":"westeurope"}',
      requests: REQUESTS,
      concurrency: CONCURRENCY,
      ca,
    });
  } finally {
    await stopChild(child);
  }
}

const dir = mkdtempSync(join(tmpdir(), "arclink-bench-sync-"));
try {
  const normal = await measure("NORMAL", dir);
  const full = await measure("FULL", dir);
  const row = (name: string, r: LoadResult) =>
    `${name}: ${r.rps.toFixed(0)} PUT/s, p50 ${r.p50Ms.toFixed(2)} ms, p99 ${r.p99Ms.toFixed(2)} ms, errors ${r.errors}`;
  console.log(`${REQUESTS} resource group PUTs, ${CONCURRENCY} in flight`);
  console.log(row("synchronous=FULL  ", full));
  console.log(row("synchronous=NORMAL", normal));
  console.log(`FULL / NORMAL throughput: ${(full.rps / normal.rps).toFixed(2)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
