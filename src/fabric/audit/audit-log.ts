import { appendFileSync, chmodSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/** What an audit entry records; a closed union. */
export type AuditKind =
  /** A connection decided by the semantics (with its trace). */
  | "connection"
  /** A request refused or failed: scope refusal, authentication, bad input. */
  | "request"
  /** A proxy's CONNECT decision. */
  | "proxy"
  /** Input refused before any decision: not TLS, unknown name, slow, oversized, over the cap. */
  | "bad-input"
  /** A machine's status moved (heartbeat, Disconnected, Expired). */
  | "status";

export interface AuditEntry {
  kind: AuditKind;
  /** Virtual time of the decision. */
  at: string;
  /** The world address and realized address of the client, and the host behind it. */
  source?: { address?: string; realized?: string; host?: string };
  destination?: { address?: string; realized?: string };
  via?: string;
  serverName?: string;
  outcome?: string;
  action?: string;
  status?: number;
  method?: string;
  path?: string;
  machineId?: string;
  reason: string;
  /** The semantics' trace (connections and refusals). */
  trace?: unknown;
}

/**
 * One audit log of every decision the live fabric makes: JSON lines in a file (owner
 * only), the last entries in memory, and listeners for `--follow` in-process.
 *
 * @example
 * const log = new AuditLog({ path: join(dataDir, "gateway", "audit.jsonl") });
 * log.record({ kind: "connection", at: now.toISOString(), outcome: "PRIVATE", reason: "…" });
 */
export class AuditLog {
  readonly #recent: AuditEntry[] = [];
  readonly #listeners = new Set<(e: AuditEntry) => void>();
  readonly path: string | undefined;
  readonly keep: number;

  constructor({ path, keep = 10_000 }: { path?: string; keep?: number } = {}) {
    this.path = path;
    this.keep = keep;
    if (path) {
      mkdirSync(dirname(path), { recursive: true });
      if (!existsSync(path)) writeFileSync(path, "", { mode: 0o600 });
      chmodSync(path, 0o600);
    }
  }

  record(entry: AuditEntry): void {
    this.#recent.push(entry);
    if (this.#recent.length > this.keep) this.#recent.splice(0, this.#recent.length - this.keep);
    if (this.path) appendFileSync(this.path, `${JSON.stringify(entry)}\n`);
    for (const l of this.#listeners) l(entry);
  }

  /** The last entries kept in memory, oldest first. */
  recent(): readonly AuditEntry[] {
    return this.#recent;
  }

  subscribe(listener: (e: AuditEntry) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
