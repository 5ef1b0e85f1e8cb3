import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, test } from "node:test";
import { gunzipSync } from "node:zlib";
import { inject } from "../../test/helpers/inject.js";
import { applyWorld, parseWorld } from "../world-file/index.js";
import { createPortalRoutes } from "./portal-routes.js";
import { systemSource } from "./portal-source.js";

const RG = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/arc-pl";
const SCOPE = `${RG}/providers/Microsoft.HybridCompute/privateLinkScopes/arc-pls`;
const HUB = `${RG}/providers/Microsoft.Network/virtualNetworks/hub`;

async function defaultWorld() {
  const injector = await inject();
  const text = readFileSync(resolve(import.meta.dirname, "../../worlds/default.yaml"), "utf8");
  assert.deepEqual(
    applyWorld(injector.app.system, parseWorld(text, "default.yaml", injector.app.subscriptionId)).errors,
    [],
  );
  return injector;
}

const lab = await defaultWorld();

test("/ redirects to /portal/", async () => {
  const res = await lab.call("GET", "/", { token: null });
  assert.equal(res.status, 302);
  assert.equal(res.headers?.location, "/portal/");
});

test("the portal's /_arclink/ routes refuse a request without the ARM token, with ARM's 401", async () => {
  for (const path of ["/_arclink/verify", "/_arclink/topology", "/_arclink/events", "/_arclink/verify/machines"]) {
    const res = await lab.call("GET", path, { token: null });
    assert.equal(res.status, 401, path);
    assert.equal(res.body.error.code, "AuthenticationFailed");
  }
  // The other admin routes are untouched.
  assert.equal((await lab.call("GET", "/_arclink/health", { token: null })).status, 200);
});

test("GET /_arclink/verify is the arclink verify --json report of the live world", async () => {
  const res = await lab.call("GET", "/_arclink/verify");
  assert.equal(res.status, 200);
  const report = JSON.parse(res.body as string);
  assert.equal(report.schemaVersion, 1);
  assert.equal(report.summary.hosts, 3);
  assert.ok(report.verdicts.some((r: { endpoint: string }) => r.endpoint === "gbl.his.arc.azure.com"));
});

test("GET /_arclink/verify/host gives a host's traces, and asks for the id", async () => {
  const host = `${RG}/providers/Arclink.OnPremises/sites/hq/hosts/web01`;
  const res = await lab.call("GET", `/_arclink/verify/host?id=${encodeURIComponent(host)}`);
  assert.equal(res.status, 200);
  const gbl = res.body.rows.find((r: { endpoint: string }) => r.endpoint === "gbl.his.arc.azure.com");
  assert.equal(gbl.address, "10.10.1.4");
  assert.ok(gbl.trace.some((line: string) => line.startsWith("resolve ")));
  assert.equal((await lab.call("GET", "/_arclink/verify/host")).status, 400);
});

test("POST /_arclink/validate runs the rules and commits nothing", async () => {
  const before = lab.app.store.world.all().length;
  const entries = [
    {
      id: `${RG}/providers/Microsoft.HybridCompute/privateLinkScopes/second`,
      body: { location: "westeurope", apiVersion: "2024-07-10" },
    },
    {
      id: `${RG}/providers/Microsoft.Network/privateEndpoints/second-pe`,
      body: {
        apiVersion: "2024-05-01",
        location: "westeurope",
        properties: {
          subnet: { id: `${HUB}/subnets/private-endpoints` },
          privateLinkServiceConnections: [
            {
              name: "c",
              properties: {
                privateLinkServiceId: `${RG}/providers/Microsoft.HybridCompute/privateLinkScopes/second`,
                groupIds: ["hybridcompute"],
              },
            },
          ],
        },
      },
    },
  ];
  const res = await lab.call("POST", "/_arclink/validate", { body: { resources: entries } });
  assert.equal(res.status, 200);
  assert.equal(res.body.valid, false);
  assert.equal(res.body.errors[0].code, "OnlyOnePrivateLinkScopePerVirtualNetwork");
  assert.equal(res.body.errors[0].target, "properties.privateLinkServiceConnections");
  assert.equal(lab.app.store.world.all().length, before);
  const ok = await lab.call("POST", "/_arclink/validate", { body: { resources: entries.slice(0, 1) } });
  assert.deepEqual(ok.body, { valid: true, errors: [] });
  assert.equal(lab.app.store.world.all().length, before, "a valid dry run commits nothing either");
  assert.equal((await lab.call("POST", "/_arclink/validate", { body: { resources: "no" } })).status, 400);
});

test("the generators: a hosts file of an endpoint, an onboarding script, and their errors", async () => {
  const pe = `${RG}/providers/Microsoft.Network/privateEndpoints/arc-pe`;
  const hosts = await lab.call("GET", `/_arclink/generate/hosts?privateEndpoint=${encodeURIComponent(pe)}&os=linux`);
  assert.equal(hosts.status, 200);
  assert.match(hosts.body.text, /^10\.10\.1\.4\s+gbl\.his\.arc\.azure\.com$/m);
  assert.equal(hosts.body.fileName, "hosts-arc-pe-linux.txt");
  const script = await lab.call("POST", "/_arclink/generate/onboarding-script", {
    body: { os: "windows", privateLinkScope: SCOPE },
  });
  assert.equal(script.status, 200);
  assert.equal(script.body.fileName, "OnboardingScript.ps1");
  const bad = await lab.call("POST", "/_arclink/generate/onboarding-script", {
    body: { os: "linux", privateLinkScope: SCOPE, location: "eastus" },
  });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error.code, "GenerateRegionMismatch");
});

test("GET /_arclink/topology lays out the world with absolute coordinates and colours hosts", async () => {
  const res = await lab.call("GET", "/_arclink/topology");
  assert.equal(res.status, 200);
  const { nodes, edges, width, height } = res.body;
  assert.ok(width > 0 && height > 0);
  const vnet = nodes.find((n: { kind: string }) => n.kind === "vnet");
  const pe = nodes.find((n: { kind: string }) => n.kind === "private-endpoint");
  // The endpoint sits inside its subnet, inside the vnet.
  assert.ok(
    pe.x >= vnet.x &&
      pe.y >= vnet.y &&
      pe.x + pe.width <= vnet.x + vnet.width &&
      pe.y + pe.height <= vnet.y + vnet.height,
  );
  const db01 = nodes.find((n: { kind: string; label: string }) => n.kind === "host" && n.label === "db01");
  assert.equal(db01.health, "ok");
  assert.ok(edges.every((e: { points: unknown[] }) => e.points.length >= 2));
});

test("the change feed: one SSE event per commit, with the new version", async () => {
  const res = await lab.call("GET", "/_arclink/events");
  assert.equal(res.status, 200);
  assert.match(String(res.headers?.["content-type"]), /^text\/event-stream/);
  const chunks: string[] = [];
  let close = () => {};
  res.stream!({ write: (c) => chunks.push(c), onClose: (fn) => (close = fn) });
  const first = chunks.join("");
  const version = Number(/data: \{"version":(\d+)\}/.exec(first)![1]);
  await lab.call("PUT", `${RG}?api-version=2025-04-01`, { body: { location: "westeurope", tags: { touched: "yes" } } });
  assert.match(chunks.join(""), new RegExp(`event: change\\ndata: \\{"version":${version + 1}\\}\\n\\n$`));
  close();
});

const tmp = mkdtempSync(join(tmpdir(), "arclink-portal-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

test("static files: index for /portal/, gzip when accepted, nothing outside the root, 503 when not built", async () => {
  mkdirSync(join(tmp, "web/assets"), { recursive: true });
  writeFileSync(join(tmp, "web/index.html"), "<!doctype html><title>t</title>");
  writeFileSync(join(tmp, "web/assets/app-1.js"), "console.log(1)");
  writeFileSync(join(tmp, "secret.txt"), "no");
  const source = systemSource(lab.app.system);
  const stage = (root: string) =>
    createPortalRoutes({
      source,
      authenticate: () => undefined,
      validate: () => ({ applied: 0, errors: [] }),
      webRoot: root,
    });
  const req = (path: string, headers: Record<string, string> = {}) => ({
    method: "GET",
    path,
    query: new URLSearchParams(),
    headers,
    rawBody: Buffer.alloc(0),
    baseUrl: "https://localhost",
    requestId: "r",
  });
  const portal = stage(join(tmp, "web"));
  const index = await portal(req("/portal"), {});
  assert.equal(index?.status, 200);
  assert.match(String(index?.headers?.["content-security-policy"]), /default-src 'self'/);
  const js = await portal(req("/portal/assets/app-1.js", { "accept-encoding": "gzip, br" }), {});
  assert.equal(js?.headers?.["content-encoding"], "gzip");
  assert.equal(gunzipSync(js?.body as Buffer).toString(), "console.log(1)");
  assert.match(String(js?.headers?.["cache-control"]), /immutable/);
  assert.equal((await portal(req("/portal/../secret.txt"), {}))?.status, 404);
  assert.equal((await portal(req("/portal/nope.js"), {}))?.status, 404);
  const unbuilt = await stage(join(tmp, "missing"))(req("/portal/"), {});
  assert.equal(unbuilt?.status, 503);
  assert.equal((unbuilt!.body as { error: { code: string } }).error.code, "PortalNotBuilt");
});
