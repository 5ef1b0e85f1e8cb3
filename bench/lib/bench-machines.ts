// N generated hosts on hq of the default world, each with agent 1.45 and a machine associated
// with the scope long ago (past the 15-minute delay), its key pair as connect makes it.
// Shared by bench/agents.ts (issue 12) and bench/heartbeats.ts (issue 11).
import { createPublicKey, generateKeyPairSync, type KeyObject, randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_WORLD } from "../../src/cli/up.js";
import { DEFAULT_SUBSCRIPTION_ID, type System } from "../../src/system/index.js";
import { startSystem } from "../../src/system/start-system.js";
import { parseWorld } from "../../src/world-file/index.js";

export const RG = `/subscriptions/${DEFAULT_SUBSCRIPTION_ID}/resourceGroups/arc-pl`;
export const HQ = `${RG}/providers/Arclink.OnPremises/sites/hq`;
export const SCOPE = `${RG}/providers/Microsoft.HybridCompute/privateLinkScopes/arc-pls`;

/** `arclink up` in this process (hub, live DNS, gateway) in memory at time scale 60, on the default world. */
export async function startBenchSystem(prefix: string) {
  const port = () => 30_000 + Math.floor(Math.random() * 20_000);
  const data = mkdtempSync(join(tmpdir(), prefix));
  const running = await startSystem({
    dataDir: data,
    inMemory: true,
    port: 0,
    clockScale: 60,
    dns: { port: port() },
    fabric: { port: port() },
  });
  running.system.apply(parseWorld(readFileSync(DEFAULT_WORLD, "utf8"), DEFAULT_WORLD, DEFAULT_SUBSCRIPTION_ID));
  return { running, data };
}

export interface BenchMachine {
  name: string;
  hostId: string;
  machineId: string;
  vmId: string;
  /** The host's world address on hq. */
  address: string;
  privateKey: KeyObject;
}

/** Adds `n` hosts and machines named bench0… to a system holding the default world. */
export function addBenchMachines(system: System, n: number): BenchMachine[] {
  const machines: BenchMachine[] = Array.from({ length: n }, (_, i) => ({
    name: `bench${i}`,
    hostId: `${HQ}/hosts/bench${i}`,
    machineId: `${RG}/providers/Microsoft.HybridCompute/machines/bench${i}`,
    vmId: randomUUID(),
    address: `192.168.${10 + Math.floor(i / 250)}.${1 + (i % 250)}`,
    privateKey: generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey,
  }));
  const entries = machines.flatMap((m) => [
    {
      id: m.machineId,
      line: 0,
      body: {
        location: "westeurope",
        properties: {
          osType: "linux",
          vmId: m.vmId,
          privateLinkScopeResourceId: SCOPE,
          clientPublicKey: createPublicKey(m.privateKey).export({ format: "der", type: "spki" }).toString("base64"),
        },
      },
    },
    {
      id: m.hostId,
      line: 0,
      body: {
        properties: {
          address: m.address,
          os: "linux",
          dnsServers: ["192.168.0.10"],
          agent: { version: "1.45" },
          machineId: m.machineId,
        },
      },
    },
  ]);
  const report = system.apply(entries);
  if (report.errors.length) throw new Error(JSON.stringify(report.errors[0]));
  // Associated long ago: past the 15-minute delay.
  const past = new Date(system.now().getTime() - 16 * 60_000).toISOString();
  system.commit({
    puts: system
      .snapshot()
      .ofType("Microsoft.HybridCompute/machines")
      .filter((m) => m.internal?.privateLinkScopeAssociatedAt)
      .map((m) => ({ ...m, internal: { ...m.internal, privateLinkScopeAssociatedAt: past } })),
    deletes: [],
  });
  return machines;
}
