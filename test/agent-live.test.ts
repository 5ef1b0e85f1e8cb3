import assert from "node:assert/strict";
import { statSync } from "node:fs";
import { after, before, test } from "node:test";
import { AzcmError } from "../src/agent/azcm/index.js";
import {
  beat,
  callEndpoint,
  changeHostConfig,
  runCheck,
  runConnect,
  runDisconnect,
  showAgent,
  startAgentRunner,
} from "../src/agent/lifecycle/index.js";
import { agentStateStore } from "../src/agent/state/index.js";
import { DEFAULT_WORLD } from "../src/cli/up.js";
import { labPath } from "../src/labs/index.js";
import { decide } from "../src/semantics/access/index.js";
import { DEFAULT_SUBSCRIPTION_ID } from "../src/system/index.js";
import { type AgentLab, loadWorldInto, startAgentLab } from "./helpers/agent-lab.js";

const RG = `/subscriptions/${DEFAULT_SUBSCRIPTION_ID}/resourceGroups/arc-pl`;
const HQ = `${RG}/providers/Arclink.OnPremises/sites/hq`;
const SCOPE = `${RG}/providers/Microsoft.HybridCompute/privateLinkScopes/arc-pls`;
const WEB01 = `${HQ}/hosts/web01`;
const DB01 = `${HQ}/hosts/db01`;
const where = { resourceGroup: "arc-pl", location: "westeurope" };

/** The world's private endpoint, as an arrival. */
const viaPe = () => ({
  kind: "private-endpoint" as const,
  privateEndpointId: `${RG}/providers/Microsoft.Network/privateEndpoints/arc-pe`,
});

let lab: AgentLab;
before(async () => {
  lab = await startAgentLab(DEFAULT_WORLD);
});
after(() => lab.close());

const refused = async (p: Promise<unknown>, code: string, message?: RegExp) =>
  assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof AzcmError, String(e));
    assert.equal(e.code, code, e.message);
    if (message) assert.match(e.message, message);
    return true;
  });

test("connect without --private-link-scope where gbl.his resolves privately fails with AZCM0026", async () => {
  await refused(
    runConnect(lab.env, WEB01, { ...lab.sp, ...where }),
    "AZCM0026",
    /^Private Link Scope resource ID must be provided as endpoint gbl\.his\.arc\.azure\.com is configured private$/,
  );
});

test("the docs' flow: connect with the scope → Connected through the private endpoint; show and check say so", async () => {
  const lines: string[] = [];
  const state = await runConnect(lab.env, WEB01, { ...lab.sp, ...where, privateLinkScope: SCOPE }, (l) =>
    lines.push(l),
  );
  assert.equal(state.status, "Connected", lines.join("\n"));
  assert.ok(state.lastHeartbeat, `a first heartbeat was accepted: ${state.lastError ?? ""}`);
  const machine = lab.running.system.snapshot().get(state.machineId);
  assert.equal(machine?.properties.status, "Connected");
  assert.equal(typeof machine?.properties.clientPublicKey, "string");
  const store = agentStateStore(lab.data, WEB01);
  assert.equal(statSync(store.statePath).mode & 0o777, 0o600);
  assert.equal(statSync(store.keyPath).mode & 0o777, 0o600);
  const shown = showAgent(lab.env, WEB01);
  assert.deepEqual([shown.status, shown.privateLinkScope, shown.agentVersion], ["Connected", SCOPE, "1.45"]);
  const rows = await runCheck(lab.env, WEB01, { enablePlsCheck: true });
  const gbl = rows.find((r) => r.endpoint === "gbl.his.arc.azure.com");
  assert.deepEqual([gbl?.reachable, gbl?.private, gbl?.tls], [true, true, true], JSON.stringify(gbl));
  for (const r of rows) assert.ok(r.agrees, `live equals predicted: ${JSON.stringify(r)}`);
  await refused(runConnect(lab.env, WEB01, { ...lab.sp, ...where, privateLinkScope: SCOPE }), "AZCM0067");
});

test("a kept-alive call asks DNS only when it dials: again after any change to the world", async () => {
  const call = () =>
    callEndpoint(lab.env, WEB01, "weu.his.arc.azure.com", {
      path: "/discovery?location=westeurope",
      keepAlive: true,
    });
  const first = await call();
  const second = await call();
  assert.equal(second.result.status, 200, JSON.stringify(second.result));
  assert.ok(first.lookup);
  assert.equal(second.lookup, first.lookup, "the open connection was reused without a new lookup");
  const scratch = `/subscriptions/${DEFAULT_SUBSCRIPTION_ID}/resourceGroups/scratch`;
  lab.running.system.put(scratch, { location: "westeurope" });
  const third = await call();
  assert.equal(third.result.status, 200);
  assert.notEqual(third.lookup, first.lookup, "a new world dials afresh: a new lookup");
  assert.deepEqual(third.lookup?.addresses, first.lookup?.addresses);
  lab.running.system.delete(scratch);
});

test("disconnect deletes the machine through ARM and forgets the state", async () => {
  await runDisconnect(lab.env, WEB01, lab.sp);
  assert.equal(agentStateStore(lab.data, WEB01).load(), undefined);
  assert.equal(lab.running.system.snapshot().get(`${RG}/providers/Microsoft.HybridCompute/machines/web01`), undefined);
  assert.equal(showAgent(lab.env, WEB01).status, "Disconnected");
  await refused(runDisconnect(lab.env, WEB01, lab.sp), "AZCM0063");
});

test("a machine not associated but resolving privately is refused", async () => {
  // db01's machine has no scope; send its DNS to dc01, which answers the Arc names privately.
  const r = lab.running.system.snapshot().get(DB01);
  assert.ok(r);
  lab.running.system.put(DB01, { properties: { ...r.properties, dnsServers: ["192.168.0.10"] } });
  try {
    const rows = await runCheck(lab.env, DB01, {});
    const gbl = rows.find((x) => x.endpoint === "gbl.his.arc.azure.com");
    assert.equal(gbl?.reachable, false);
    assert.equal(gbl?.predicted, "REFUSED_NOT_ASSOCIATED");
    assert.match(gbl?.detail ?? "", /MachineNotAssociatedWithPrivateLinkScope/);
    assert.ok(
      rows.every((x) => x.agrees),
      JSON.stringify(rows.filter((x) => !x.agrees)),
    );
  } finally {
    lab.running.system.put(DB01, { properties: r.properties });
  }
});

test("a machine onboarded with the scope is accepted at once, with no delay to wait", async () => {
  // The world applied now, nothing backdated: web01's machine is onboarded by connect itself.
  await loadWorldInto(lab.running, DEFAULT_WORLD, false);
  const machineId = `${RG}/providers/Microsoft.HybridCompute/machines/web01`;
  const before = decide(lab.running.system.snapshot(), machineId, viaPe(), lab.running.system.now());
  assert.equal(before.decision === "REFUSE" && before.reason, "PENDING_ASSOCIATION", "declared ahead: pending");
  const state = await runConnect(lab.env, WEB01, { ...lab.sp, ...where, privateLinkScope: SCOPE });
  assert.equal(state.status, "Connected");
  assert.ok(state.lastHeartbeat, `the first heartbeat was accepted at once: ${state.lastError ?? ""}`);
  const again = await beat(lab.env, agentStateStore(lab.data, WEB01));
  assert.equal(again.ok, true, again.error);
  assert.equal(lab.running.system.snapshot().get(machineId)?.properties.status, "Connected");
  await runDisconnect(lab.env, WEB01, lab.sp);
});

test("associating an existing machine works only after the delay (advance the clock)", async () => {
  // db01 connects publicly (no scope; its firewall rule and dc02 give it public Arc).
  const state = await runConnect(lab.env, DB01, { ...lab.sp, ...where });
  assert.ok(state.lastHeartbeat, state.lastError);
  const host = lab.running.system.snapshot().get(DB01);
  assert.ok(host);
  lab.running.system.patch(`${RG}/providers/Microsoft.HybridCompute/machines/db01`, {
    properties: { privateLinkScopeResourceId: SCOPE },
  });
  lab.running.system.put(DB01, { properties: { ...host.properties, dnsServers: ["192.168.0.10"] } });
  const store = agentStateStore(lab.data, DB01);
  const pending = await beat(lab.env, store);
  assert.equal(pending.ok, false);
  assert.match(pending.error ?? "", /PrivateLinkScopeAssociationPending/);
  lab.running.system.advanceClock(16 * 60_000);
  const accepted = await beat(lab.env, store);
  assert.equal(accepted.ok, true, accepted.error);
});

test("heartbeats keep it Connected; without them it goes Disconnected; the runner resumes from the saved state", async () => {
  lab.running.system.advanceClock(20 * 60_000);
  assert.equal(showAgent(lab.env, DB01).status, "Disconnected");
  const runner = startAgentRunner({ env: lab.env, tickMs: 50 });
  await new Promise((r) => setTimeout(r, 300));
  await runner.stop();
  assert.equal(runner.stats().agents, 1, "the runner finds the onboarded agent in the data directory");
  assert.equal(runner.stats().errors, 0, runner.stats().recentErrors.join("\n"));
  assert.ok(runner.stats().beats >= 1);
  assert.equal(showAgent(lab.env, DB01).status, "Connected");
  assert.equal(
    lab.running.system.snapshot().get(`${RG}/providers/Microsoft.HybridCompute/machines/db01`)?.properties.status,
    "Connected",
  );
  // A restarted runner keeps the agent's phase: its last heartbeat is recent, so none is due yet.
  const again = startAgentRunner({ env: lab.env, tickMs: 50 });
  await new Promise((r) => setTimeout(r, 200));
  await again.stop();
  assert.equal(again.stats().agents, 1);
  assert.equal(again.stats().beats, 0, "no heartbeat before the next one is due");
  await runDisconnect(lab.env, DB01, { forceLocalOnly: true });
});

test("config set proxy.bypass Arc is validated and stored on the host", async () => {
  await refused(changeHostConfig(lab.env, WEB01, "proxy.bypass", { kind: "set", values: ["Storage"] }), "AZCM0023");
  await changeHostConfig(lab.env, WEB01, "proxy.bypass", { kind: "set", values: ["Arc"] });
  const agent = lab.running.system.snapshot().get(WEB01)?.properties.agent as { config?: Record<string, unknown> };
  assert.deepEqual(agent.config?.["proxy.bypass"], ["Arc"]);
});

test("a proxy without the Arc bypass fails connect; config set proxy.bypass Arc fixes it", async () => {
  const proxyLab = await startAgentLab(labPath("proxy-without-bypass"));
  try {
    await refused(
      runConnect(proxyLab.env, WEB01, { ...proxyLab.sp, ...where, privateLinkScope: SCOPE }),
      "AZCM0081",
      /PublicNetworkAccessDisabled/,
    );
    // The failed attempt left the resource with its key (azcmagent says so): reset it to a
    // resource with no key, keeping its association; connect onboards it again.
    proxyLab.running.system.put(`${RG}/providers/Microsoft.HybridCompute/machines/web01`, {
      location: "westeurope",
      properties: { osType: "linux", privateLinkScopeResourceId: SCOPE },
    });
    await changeHostConfig(proxyLab.env, WEB01, "proxy.bypass", { kind: "set", values: ["Arc"] });
    const state = await runConnect(proxyLab.env, WEB01, { ...proxyLab.sp, ...where, privateLinkScope: SCOPE });
    assert.equal(state.status, "Connected");
    const rows = await runCheck(proxyLab.env, WEB01, {});
    assert.match(
      rows.find((r) => r.endpoint === "login.microsoftonline.com")?.proxy ?? "",
      /^http:\/\/192\.168\.0\.5:3128$/,
    );
    assert.equal(rows.find((r) => r.endpoint === "gbl.his.arc.azure.com")?.proxy, "none");
    assert.ok(
      rows.every((r) => r.agrees),
      JSON.stringify(rows.filter((r) => !r.agrees)),
    );
  } finally {
    await proxyLab.close();
  }
});

test("a firewall blocking Entra ID fails connect with azcmagent's message", async () => {
  const fwLab = await startAgentLab(labPath("firewall-blocks-entra-id"));
  try {
    await refused(
      runConnect(fwLab.env, WEB01, { ...fwLab.sp, ...where, privateLinkScope: SCOPE }),
      "AZCM0026",
      /login\.microsoftonline\.com \(.*timeout/,
    );
    await refused(
      runConnect(fwLab.env, WEB01, { ...fwLab.sp, ...where, privateLinkScope: SCOPE, ignoreNetworkCheck: true }),
      "AZCM0041",
      /^Failed to acquire authorization token from SPN: Failed to execute the refresh request\. Error = 'Post https:\/\/login\.microsoftonline\.com\/.*i\/o timeout'$/,
    );
  } finally {
    await fwLab.close();
  }
});
