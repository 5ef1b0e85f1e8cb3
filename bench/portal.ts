// The portal benchmark: the shipped bundle's size (raw and gzipped as served) and first
// load on localhost to interactive in Debian's Chromium, each load in a fresh browser
// context (empty cache). Interactive = the page shows its data from the API with its
// handlers attached: the private link scopes list (the landing page) and the topology
// diagram (verify + elkjs layout on the server). Baseline in the same run: a fresh
// context's navigation to /_arclink/health (TLS, one request, no app). Also the server's
// /_arclink/topology after a commit (verify + layout) against its cached answer.
// Targets (issue 13): interactive < 1 s, bundle < 500 kB gzipped.
// Run: npm run build && npm run bench:portal   (node --import tsx bench/portal.ts [--quick])
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { WEB_ROOT } from "../src/portal/static-files.js";
import { CHROMIUM, CHROMIUM_FLAGS, serverSpki } from "../test/helpers/browser.js";
import { spawnReady, stopChild } from "./lib/processes.js";

const quick = process.argv.includes("--quick");
const RUNS = quick ? 3 : 10;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (xs: number[]) =>
  `${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)})`;

// 1. Bundle size.
let raw = 0;
let gz = 0;
for (const f of files(WEB_ROOT)) {
  const bytes = readFileSync(f);
  raw += bytes.length;
  gz += gzipSync(bytes).length;
}
console.log(
  `bundle: ${files(WEB_ROOT).length} files, ${(raw / 1024).toFixed(1)} KiB raw, ${(gz / 1024).toFixed(1)} KiB gzipped (target < 500 kB)`,
);

// 2. A running arclink on the default world, as `npm start` runs it.
const { child, ready } = await spawnReady(["bin/arclink.js", "up", "--in-memory", "--port", "0", "--json"]);
const arm = ready.armEndpoint as string;
const ca = readFileSync(ready.caPath as string);
const { request } = await import("node:https");
function call(
  method: string,
  path: string,
  body?: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string }> {
  return new Promise((done, fail) => {
    const req = request(`${arm}${path}`, { method, ca, headers }, (res) => {
      let text = "";
      res.on("data", (c) => (text += c));
      res.on("end", () => done({ status: res.statusCode ?? 0, text }));
    });
    req.on("error", fail);
    req.end(body);
  });
}
const form = new URLSearchParams({
  grant_type: "client_credentials",
  client_id: ready.servicePrincipal.clientId,
  client_secret: ready.servicePrincipal.secret,
  scope: "https://management.azure.com/.default",
}).toString();
const tokenRes = await call("POST", `/${ready.tenantId}/oauth2/v2.0/token`, form, {
  "content-type": "application/x-www-form-urlencoded",
});
const token = JSON.parse(tokenRes.text).access_token as string;
const session = JSON.stringify({
  token,
  expiresAt: Date.now() + 3_600_000,
  clientId: ready.servicePrincipal.clientId,
  tenantId: ready.tenantId,
});

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: [...CHROMIUM_FLAGS, `--ignore-certificate-errors-spki-list=${await serverSpki(arm)}`],
});

type Check = "loaded" | "scopes" | "topology";

/** Milliseconds from navigation start until the page is ready (polled every animation frame; the CSP forbids eval). */
async function firstLoad(url: string, check: Check): Promise<number> {
  const context = await browser.newContext();
  await context.addInitScript((s) => (globalThis as any).sessionStorage.setItem("arclink.portal.session", s), session);
  const page = await context.newPage();
  await page.goto(url, { waitUntil: "commit" });
  const handle = await page.waitForFunction(
    (c) => {
      const d = (globalThis as any).document;
      const ok =
        c === "loaded"
          ? d.readyState === "complete"
          : c === "scopes"
            ? d.querySelector('main a[href*="arc-pls"]')
            : d.querySelectorAll("g.node").length > 10;
      return ok ? (globalThis as any).performance.now() : false;
    },
    check,
    { polling: "raf" },
  );
  const ms = Number(await handle.jsonValue());
  await context.close();
  return ms;
}

const baseline: number[] = [];
const scopes: number[] = [];
const topology: number[] = [];
try {
  for (let i = 0; i < RUNS; i++) {
    baseline.push(await firstLoad(`${arm}/_arclink/health`, "loaded"));
    scopes.push(await firstLoad(`${arm}/portal/#/scopes`, "scopes"));
    topology.push(await firstLoad(`${arm}/portal/#/topology`, "topology"));
  }
} catch (error) {
  await browser.close();
  await stopChild(child);
  throw error;
}
console.log(`first load, fresh context, ${RUNS} runs (median):`);
console.log(`  baseline: /_arclink/health          ${fmt(baseline)}`);
console.log(
  `  /portal/ private link scopes list   ${fmt(scopes)}   ratio ${(median(scopes) / median(baseline)).toFixed(2)}`,
);
console.log(
  `  /portal/ topology diagram           ${fmt(topology)}   ratio ${(median(topology) / median(baseline)).toFixed(2)}`,
);

// 3. /_arclink/topology: after a commit (verify + elkjs layout) vs cached.
const auth = { authorization: `Bearer ${token}` };
const fresh: number[] = [];
const cached: number[] = [];
for (let i = 0; i < RUNS; i++) {
  await call(
    "PUT",
    `/subscriptions/${ready.subscriptionId}/resourceGroups/bench-${i}?api-version=2021-04-01`,
    '{"location":"westeurope"}',
    { ...auth, "content-type": "application/json" },
  );
  let t = performance.now();
  await call("GET", "/_arclink/topology", undefined, auth);
  fresh.push(performance.now() - t);
  t = performance.now();
  await call("GET", "/_arclink/topology", undefined, auth);
  cached.push(performance.now() - t);
}
console.log(`/_arclink/topology after a commit (verify + layout): ${fmt(fresh)}; cached: ${fmt(cached)}`);

await browser.close();
await stopChild(child);
