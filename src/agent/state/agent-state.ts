import { createHash, createPrivateKey, type KeyObject } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** What the agent remembers between runs (azcmagent's local configuration, arclink's shape). */
export interface AgentState {
  /** Connected after a successful connect; Disconnected after disconnect. */
  status: "Connected" | "Disconnected";
  hostId: string;
  machineId: string;
  resourceName: string;
  resourceGroup: string;
  subscriptionId: string;
  tenantId: string;
  location: string;
  vmId: string;
  privateLinkScope?: string;
  correlationId?: string;
  cloud: string;
  connectedAt: string;
  /** Virtual time of the last accepted heartbeat. */
  lastHeartbeat?: string;
  /** The last heartbeat's failure, if the last one failed. */
  lastError?: string;
}

/** The folder of one host's agent under a data directory: `agents/<name>-<hash of the host id>`. */
export function agentDir(dataDir: string, hostId: string): string {
  const name = (hostId.split("/").at(-1) ?? "host").toLowerCase().replace(/[^a-z0-9._-]/g, "_");
  const hash = createHash("sha256").update(hostId.toLowerCase()).digest("hex").slice(0, 10);
  return join(dataDir, "agents", `${name}-${hash}`);
}

/** Folders made owner-only by this process (saving a heartbeat need not check again). */
const ensured = new Set<string>();

/** Writes a file owner-only (0600), whole or not at all: a temporary file renamed over it. */
function writeSecret(path: string, text: string) {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, path);
}

/**
 * One host's agent state in the data directory, owner-only (GUIDE.md "owner-only files
 * for secrets"): `state.json` and the machine's private key `machine-key.pem`, each 0600
 * in a 0700 folder, replaced atomically so a crash never leaves half a file.
 *
 * @example
 * const store = agentStateStore(".arclink", hostId);
 * store.save({ ...state, lastHeartbeat: now.toISOString() });
 */
export function agentStateStore(dataDir: string, hostId: string) {
  const dir = agentDir(dataDir, hostId);
  const statePath = join(dir, "state.json");
  const keyPath = join(dir, "machine-key.pem");
  const ensure = () => {
    if (ensured.has(dir)) return;
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
    ensured.add(dir);
  };
  return {
    dir,
    statePath,
    keyPath,
    load(): AgentState | undefined {
      if (!existsSync(statePath)) return undefined;
      try {
        return JSON.parse(readFileSync(statePath, "utf8")) as AgentState;
      } catch {
        return undefined;
      }
    },
    save(state: AgentState) {
      ensure();
      const text = `${JSON.stringify(state, null, 2)}\n`;
      try {
        writeSecret(statePath, text);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
        ensured.delete(dir); // the folder was removed under us: make it again
        ensure();
        writeSecret(statePath, text);
      }
    },
    saveKey(key: KeyObject) {
      ensure();
      writeSecret(keyPath, key.export({ format: "pem", type: "pkcs8" }).toString());
    },
    loadKey(): KeyObject | undefined {
      return existsSync(keyPath) ? createPrivateKey(readFileSync(keyPath, "utf8")) : undefined;
    },
    /** Forgets the machine: the state and the key. */
    clear() {
      ensured.delete(dir);
      rmSync(statePath, { force: true });
      rmSync(keyPath, { force: true });
    },
  };
}

export type AgentStateStore = ReturnType<typeof agentStateStore>;
