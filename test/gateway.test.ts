import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { publicAddressOf } from "../src/world/catalog/public-endpoints.js";
import { HQ, httpsFrom, type LiveFabric, rawFrom, SUB, startLiveFabric } from "./helpers/live-fabric.js";

const HUB = `${SUB}/Microsoft.Network/virtualNetworks/hub`;
const SCOPE = `${SUB}/Microsoft.HybridCompute/privateLinkScopes/arc-pls`;
const GBL = "gbl.his.arc.azure.com";
const DISCOVERY = "/discovery?location=westeurope";
let fabric: LiveFabric;
let pe: string;
let publicGbl: string;

before(async () => {
  fabric = await startLiveFabric({ limits: { dropHoldMs: 3000, helloTimeoutMs: 500 } });
  pe = fabric.realized({ kind: "virtual-network", virtualNetworkId: HUB }, "10.10.1.4");
  publicGbl = fabric.realized({ kind: "internet" }, publicAddressOf(GBL) ?? "");
});
after(() => fabric.close());

test("an associated machine's request through the private endpoint is accepted", async () => {
  const r = await httpsFrom(fabric, fabric.hostAddress("192.168.1.10"), pe, GBL, { path: DISCOVERY });
  assert.equal(r.status, 200, JSON.stringify(r));
  assert.equal(JSON.parse(r.body ?? "{}").his, "https://weu.his.arc.azure.com");
  const entry = fabric.audit.recent().findLast((e) => e.kind === "connection");
  assert.equal(entry?.outcome, "PRIVATE");
  assert.equal(entry?.source?.host, `${HQ}/hosts/web01`);
  assert.ok(entry?.trace, "the decision is logged with its trace");
});

test("a machine that is not associated but reaches the private endpoint is refused with the reason", async () => {
  const r = await httpsFrom(fabric, fabric.hostAddress("192.168.1.20"), pe, GBL, { path: DISCOVERY });
  assert.equal(r.status, 403);
  const body = JSON.parse(r.body ?? "{}");
  assert.equal(body.error.code, "MachineNotAssociatedWithPrivateLinkScope");
  assert.match(body.error.message, /is associated with no scope/);
});

test("a firewall deny is a silent drop: the client times out", async () => {
  // web01 may not reach Arc's public addresses: only db01 may [worlds/default.yaml].
  const r = await httpsFrom(fabric, fabric.hostAddress("192.168.1.10"), publicGbl, GBL, { timeoutMs: 800 });
  assert.equal(r.kind, "timeout");
  assert.equal(fabric.audit.recent().findLast((e) => e.kind === "connection")?.outcome, "BLOCKED_BY_FIREWALL");
});

test("associating an existing machine: pending until the delay has passed, then Disabled closes the public path and Enabled opens it", async () => {
  const db01 = fabric.hostAddress("192.168.1.20");
  assert.equal(
    (await httpsFrom(fabric, db01, publicGbl, GBL, { path: DISCOVERY })).status,
    200,
    "db01 is public and not associated",
  );
  fabric.system.patch(`${SUB}/Microsoft.HybridCompute/machines/db01`, {
    properties: { privateLinkScopeResourceId: SCOPE },
  });
  const pending = await httpsFrom(fabric, db01, pe, GBL);
  assert.equal(JSON.parse(pending.body ?? "{}").error?.code, "PrivateLinkScopeAssociationPending");
  fabric.system.advanceClock(16 * 60_000);
  assert.equal((await httpsFrom(fabric, db01, pe, GBL, { path: DISCOVERY })).status, 200);
  const disabled = await httpsFrom(fabric, db01, publicGbl, GBL);
  assert.equal(JSON.parse(disabled.body ?? "{}").error?.code, "PublicNetworkAccessDisabled");
  fabric.system.put(SCOPE, { location: "westeurope", properties: { publicNetworkAccess: "Enabled" } });
  assert.equal((await httpsFrom(fabric, db01, publicGbl, GBL, { path: DISCOVERY })).status, 200);
});

test("an unknown server name fails the TLS handshake; garbage and plain HTTP are closed; all are logged", async () => {
  const web01 = fabric.hostAddress("192.168.1.10");
  const unknown = await httpsFrom(fabric, web01, pe, "example.com");
  assert.equal(
    unknown.kind === "tls-error" || unknown.kind === "reset" || unknown.kind === "error",
    true,
    JSON.stringify(unknown),
  );
  assert.equal((await rawFrom(fabric, web01, pe, "GET / HTTP/1.1\r\nHost: x\r\n\r\n")).closed, true);
  assert.equal((await rawFrom(fabric, web01, pe, Buffer.from([22, 3, 1, 255, 255, 1, 2, 3]))).closed, true);
  const slow = await rawFrom(fabric, web01, pe, Buffer.from([22, 3, 1]), 1500);
  assert.equal(slow.closed, true, "a slow ClientHello is closed after the hello timeout");
  const reasons = fabric.audit
    .recent()
    .filter((e) => e.kind === "bad-input")
    .map((e) => e.reason);
  assert.ok(reasons.some((r) => /example\.com/.test(r)));
  assert.ok(reasons.some((r) => /not a TLS ClientHello/.test(r)));
  assert.ok(reasons.some((r) => /no ClientHello within/.test(r)));
});

test("a Host header that is not the TLS name is 421; an oversized body is 413", async () => {
  const web01 = fabric.hostAddress("192.168.1.10");
  const misdirected = await httpsFrom(fabric, web01, pe, GBL, { headers: { host: "weu.his.arc.azure.com" } });
  assert.equal(misdirected.status, 421);
  const big = await httpsFrom(fabric, web01, pe, GBL, { method: "POST", body: "x".repeat(2 * 1024 * 1024) });
  assert.ok(big.status === 413 || big.kind === "reset" || big.kind === "error", JSON.stringify(big).slice(0, 200));
});
