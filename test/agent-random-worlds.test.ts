import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import fc from "fast-check";
import { AzcmError } from "../src/agent/azcm/index.js";
import { forgetToken } from "../src/agent/lifecycle/heartbeat.js";
import {
  type AgentEnv,
  beat,
  type MachineKeyPair,
  regionalHis,
  runCheck,
  runConnect,
  systemAgentEnv,
} from "../src/agent/lifecycle/index.js";
import { agentStateStore } from "../src/agent/state/index.js";
import { closeKeptAlive } from "../src/agent/wire/index.js";
import { HOST_TYPE } from "../src/semantics/model/premises.js";
import { testPort } from "./helpers/live-fabric.js";
import {
  expectedClasses,
  GLOBAL_HIS,
  hisAccepts,
  predictConnectStart,
  predictions,
  rowClass,
} from "./helpers/live-predict.js";
import {
  backdatedMachines,
  hostId,
  machineId,
  SCOPE,
  type WorldSpec,
  worldEntries,
  worldSpec,
} from "./helpers/random-world.js";
import { startTestSystem, type TestSystem } from "./helpers/system.js";

// Live equals predicted over random worlds (issue 12): each world is loaded into ONE running
// system (DNS servers, gateway, proxies started once), then the real agent runs over real
// sockets — `check` on every host, `connect` on one, a heartbeat — and every outcome is
// compared with what `arclink verify` predicts for the same world at the same virtual time.
// ARCLINK_RANDOM_WORLDS lowers the count for a quick local run; `npm test` runs 1,000.
const RUNS = Number(process.env.ARCLINK_RANDOM_WORLDS ?? 1000);
/** Per network step: short, since a dropped connection costs a full timeout; a disagreement is re-run with a long one. */
const FAST_MS = Number(process.env.ARCLINK_RANDOM_FAST_MS ?? 300);
/** The re-runs' timeouts, longer each time. */
const SLOWER_MS = [1000, 4000];
const SLOW_MS = SLOWER_MS[SLOWER_MS.length - 1];
const LOCATION = "westeurope";

/** Worlds where live and predicted once disagreed, kept as regressions (each names what it found). */
const REGRESSIONS: WorldSpec[] = [
  // Every connection of h1 (DNS servers dc02 then dc01) timed out live at 2 s, predicted PUBLIC: a
  // stall of the loaded machine, not a bug (it agrees when re-run); kept as a fixed example.
  {
    publicAccess: "Enabled",
    pe: "approved",
    zones: { his: { present: true, records: true, linked: true }, gc: { present: false } },
    resolver: true,
    nsg: { policies: "Enabled", denySite: true },
    link: "hub",
    internet: true,
    firewall: { defaultAction: "Deny", rules: ["dns", "entra", "arm", "arc-public", "proxy-out"] },
    forwarders: { domains: ["his.arc.azure.com", "guestconfiguration.azure.com"], target: "inbound", recursion: true },
    proxy: false,
    hosts: [
      {
        os: "windows",
        dns: [1],
        hostsFile: "none",
        version: "1.45",
        proxyUrl: false,
        bypassArc: true,
        machine: "scope-old",
      },
      {
        os: "windows",
        dns: [1, 0],
        hostsFile: "none",
        version: "1.45",
        proxyUrl: false,
        bypassArc: true,
        machine: "scope-new",
      },
    ],
    connect: { host: 0, withScope: true, ignoreNetworkCheck: false },
  },
  // Every proxied row (Entra ID, ARM) failed TLS with another CA's chain: another process's
  // proxy held the realized address at port 3128, so the agent's CONNECT reached it. Not a
  // semantics bug: the random worlds' site and proxy port are now this test's own.
  {
    publicAccess: "Disabled",
    pe: "approved",
    zones: { his: { present: true, records: true, linked: true }, gc: { present: false } },
    resolver: true,
    nsg: { policies: "Disabled", denySite: false },
    link: "hub",
    internet: true,
    firewall: { defaultAction: "Deny", rules: ["dns", "entra", "arm", "arc-public", "proxy-out"] },
    forwarders: { domains: ["his.arc.azure.com", "guestconfiguration.azure.com"], target: "inbound", recursion: false },
    proxy: true,
    hosts: [
      {
        os: "linux",
        dns: [0, 1],
        hostsFile: "none",
        version: "1.45",
        proxyUrl: true,
        bypassArc: true,
        machine: "scope-old",
      },
      {
        os: "linux",
        dns: [0],
        hostsFile: "none",
        version: "1.14",
        proxyUrl: true,
        bypassArc: true,
        machine: "other-scope",
      },
    ],
    connect: { host: 1, withScope: true, ignoreNetworkCheck: false },
  },
];

let running: TestSystem;
let base: string;
let sp: { servicePrincipalId: string; servicePrincipalSecret: string; tenantId: string; subscriptionId: string };
/** Key pairs made once: a fresh RSA pair per connect would cost ~150 ms each. */
const pairs: MachineKeyPair[] = [];
let worldNumber = 0;
/** The site proxy's port: this process's own, as the DNS and HTTPS ports are (parallel tests share loopback). */
const proxyPort = testPort();
/** How often each live outcome was seen, to show the worlds exercise every kind. */
const seen = new Map<string, number>();
const tally = (what: string) => seen.set(what, (seen.get(what) ?? 0) + 1);

before(async () => {
  running = await startTestSystem({
    dns: { port: testPort() },
    fabric: { port: testPort(), limits: { dropHoldMs: 4 * SLOW_MS } },
  });
  base = mkdtempSync(join(tmpdir(), "arclink-random-"));
  sp = {
    servicePrincipalId: running.servicePrincipal.clientId,
    servicePrincipalSecret: running.servicePrincipal.secret,
    tenantId: running.tenantId,
    subscriptionId: running.subscriptionId,
  };
  for (let i = 0; i < 4; i++) {
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    pairs.push({ privateKey, clientPublicKey: publicKey.export({ format: "der", type: "pkcs1" }).toString("base64") });
  }
});
after(async () => {
  closeKeptAlive();
  await running?.stop();
  if (base) rmSync(base, { recursive: true, force: true });
});

/** Replaces the running system's world and waits for the live planes to follow it. */
async function load(spec: WorldSpec) {
  const { system } = running;
  system.reset();
  const report = system.apply(worldEntries(spec, { proxyPort }));
  if (report.errors.length > 0) throw new Error(`the generated world was refused: ${JSON.stringify(report.errors)}`);
  const long = new Date(system.now().getTime() - 60 * 60_000).toISOString();
  const old = new Set(backdatedMachines(spec).map((id) => id.toLowerCase()));
  const puts = system
    .snapshot()
    .ofType("Microsoft.HybridCompute/machines")
    .filter((m) => old.has(m.id.toLowerCase()) && m.internal?.privateLinkScopeAssociatedAt)
    .map((m) => ({ ...m, internal: { ...m.internal, privateLinkScopeAssociatedAt: long } }));
  if (puts.length > 0) system.commit({ puts, deletes: [] });
  await running.dns?.settled();
  await running.fabric?.settled();
}

function envFor(timeoutMs: number): AgentEnv {
  const fabric = running.fabric;
  const dns = running.dns;
  if (!fabric || !dns) throw new Error("the live planes did not start");
  let next = 0;
  return systemAgentEnv({
    system: running.system,
    table: () => fabric.gateway.table(),
    ports: { dns: dns.port, https: fabric.port },
    ca: readCa(),
    dataDir: join(base, String(++worldNumber)),
    timeoutMs,
    newKeyPair: () => pairs[next++ % pairs.length],
  });
}

let ca: string | undefined;
function readCa(): string {
  ca ??= readFileSync(running.caPath, "utf8");
  return ca;
}

/** Runs the agent over one world and lists every live outcome that differs from the prediction. */
async function disagreements(spec: WorldSpec, timeoutMs: number): Promise<string[]> {
  await load(spec);
  const env = envFor(timeoutMs);
  const out: string[] = [];
  const { system } = running;
  try {
    const checkAll = async (hosts: string[], when: string) => {
      const now = system.now();
      const predict = predictions(system.snapshot(), now);
      const all = await Promise.all(hosts.map(async (h) => ({ h, rows: await runCheck(env, h, {}) })));
      for (const { h, rows } of all) {
        for (const row of rows.filter((r) => r.served)) {
          const p = predict(h, row.endpoint);
          const live = rowClass(row);
          tally(`check ${live}`);
          if (!expectedClasses(p).includes(live))
            out.push(
              `${when} check ${h.split("/").at(-1)} ${row.endpoint}: live ${live} (${row.detail}), predicted ${p.verdict} via ${p.route}`,
            );
        }
      }
    };
    const hosts = system
      .snapshot()
      .ofType(HOST_TYPE)
      .map((h) => h.id);
    await checkAll(hosts, "before connect:");

    // connect on one host, with or without the scope and the network check.
    const i = spec.connect.host % spec.hosts.length;
    const h = hostId(i);
    const flags = {
      ...sp,
      resourceGroup: "arc-pl",
      location: LOCATION,
      ...(spec.connect.withScope ? { privateLinkScope: SCOPE } : {}),
      ...(spec.connect.ignoreNetworkCheck ? { ignoreNetworkCheck: true } : {}),
    };
    const start = predictConnectStart(
      system.snapshot(),
      system.now(),
      h,
      flags,
      predictions(system.snapshot(), system.now()),
    );
    let live: string;
    let message = "";
    let firstBeat: boolean | undefined;
    try {
      const state = await runConnect(env, h, flags);
      live = "Connected";
      firstBeat = state.lastHeartbeat !== undefined;
    } catch (error) {
      if (!(error instanceof AzcmError)) throw error;
      live = error.code;
      message = ` (${error.message})`;
    }
    // Past the machine's creation, the world has the machine: predict onboarding over it.
    const created = system.snapshot().get(machineId(i))?.properties.clientPublicKey !== undefined;
    const after = predictions(system.snapshot(), system.now());
    const expected = start ?? (created ? (hisAccepts(after, h, GLOBAL_HIS) ? "Connected" : "AZCM0081") : "AZCM0042");
    tally(`connect ${live}`);
    if (live !== expected) out.push(`connect ${h.split("/").at(-1)}: live ${live}${message}, predicted ${expected}`);
    if (live === "Connected") {
      const accepted = hisAccepts(after, h, regionalHis(LOCATION));
      if (firstBeat !== accepted) out.push(`first heartbeat: live ${firstBeat}, predicted ${accepted}`);
      const again = await beat(env, agentStateStore(env.dataDir, h));
      tally(`heartbeat ${again.ok ? "accepted" : "refused"}`);
      const now = predictions(system.snapshot(), system.now());
      const predicted = hisAccepts(now, h, regionalHis(LOCATION));
      if (again.ok !== predicted)
        out.push(`heartbeat: live ${again.ok} (${again.error ?? again.status}), predicted ${predicted}`);
    }
  } finally {
    closeKeptAlive();
    for (const m of system.snapshot().ofType("Microsoft.HybridCompute/machines")) forgetToken(m.id);
    rmSync(env.dataDir, { recursive: true, force: true });
  }
  return out;
}

test(`live equals predicted over ${RUNS} random worlds (connect, heartbeats, check rows)`, async (t) => {
  let worlds = 0;
  let reruns = 0;
  const started = Date.now();
  await fc.assert(
    fc.asyncProperty(worldSpec, async (spec) => {
      worlds++;
      const fast = await disagreements(spec, FAST_MS);
      if (fast.length === 0) return;
      // A loaded machine can make a fast timeout fire on a live answer: re-run slowly before calling it a bug.
      reruns++;
      let slow = fast;
      for (const ms of SLOWER_MS) {
        slow = await disagreements(spec, ms);
        if (slow.length === 0) break;
      }
      if (process.env.ARCLINK_RANDOM_DEBUG) t.diagnostic(`re-run: ${fast.join("; ")}`);
      assert.deepEqual(
        slow,
        [],
        `live differs from predicted in ${JSON.stringify(spec)}; fast run: ${fast.join("; ")}`,
      );
    }),
    {
      numRuns: RUNS,
      ...(process.env.ARCLINK_RANDOM_SEED ? { seed: Number(process.env.ARCLINK_RANDOM_SEED) } : {}),
      examples: REGRESSIONS.map((s) => [s]),
      endOnFailure: true,
    },
  );
  t.diagnostic(`${worlds} worlds in ${((Date.now() - started) / 1000).toFixed(1)} s; ${reruns} re-run slowly`);
  t.diagnostic([...seen].map(([k, n]) => `${k}: ${n}`).join(", "));
  assert.ok(worlds >= RUNS);
  // The worlds reach every stage: private and public service, each refusal, drops, DNS
  // failures, client-side stops; connect's success and its failures; accepted heartbeats.
  if (RUNS >= 500)
    for (const kind of [
      "check served-private",
      "check served-public",
      "check served",
      "check refused:MachineNotAssociatedWithPrivateLinkScope",
      "check refused:PublicNetworkAccessDisabled",
      "check refused:PrivateLinkScopeAssociationPending",
      "check refused:PrivateEndpointConnectionNotApproved",
      "check timeout",
      "check dns:NXDOMAIN",
      "check dns:SERVFAIL",
      "check client",
      "connect Connected",
      "connect AZCM0023",
      "connect AZCM0026",
      "connect AZCM0041",
      "connect AZCM0081",
      "heartbeat accepted",
    ])
      assert.ok(seen.has(kind), `no world showed ${kind}`);
});
