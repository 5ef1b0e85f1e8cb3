import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { type ChangeSet, idKey, type Resource, SnapshotWorld } from "../world/index.js";
import { migrate } from "./migrations.js";

export interface StoreOptions {
  /** Data directory; the database is `<dir>/arclink.db`. Ignored when `inMemory`. */
  dataDir?: string;
  inMemory?: boolean;
  /**
   * SQLite's `synchronous`: `FULL` (default) syncs the WAL on every commit, so an
   * acknowledged write survives power loss; `NORMAL` is faster and survives a process
   * crash but may lose the last commits on power loss (BENCHMARKS.md has the cost).
   */
  synchronous?: Synchronous;
}

export type Synchronous = "FULL" | "NORMAL";

/** The database and its WAL files hold the principals' secrets and the signing key: owner only. */
const DB_FILES = ["arclink.db", "arclink.db-wal", "arclink.db-shm"];

/** Makes the data directory 0700 and its database files 0600, creating the database file so. */
function secureDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  const db = join(dataDir, DB_FILES[0]);
  // SQLite creates the WAL and shared-memory files with the database file's permissions.
  if (!existsSync(db)) closeSync(openSync(db, "a", 0o600));
  for (const name of DB_FILES) {
    const path = join(dataDir, name);
    if (existsSync(path)) chmodSync(path, 0o600);
  }
}

/**
 * The only place that touches SQLite. It stores what it is given: resources, service
 * principals, long-running operations and settings. It decides nothing (rules/ and
 * semantics/ do) and tells nobody (the system hub publishes the change feed). Every
 * `commit` is one transaction, mirrored into a new immutable snapshot of the world.
 */
export class Store {
  readonly db: Database.Database;
  #world = SnapshotWorld.empty();
  #seq = 0;

  constructor({ dataDir = ".arclink", inMemory = false, synchronous = "FULL" }: StoreOptions = {}) {
    if (inMemory) {
      this.db = new Database(":memory:");
    } else {
      secureDataDir(dataDir);
      this.db = new Database(join(dataDir, "arclink.db"));
      this.db.pragma("journal_mode = WAL");
      this.db.pragma(`synchronous = ${synchronous === "NORMAL" ? "NORMAL" : "FULL"}`);
    }
    this.db.pragma("foreign_keys = ON");
    migrate(this.db);
    this.#load();
  }

  #load(): void {
    const rows = this.db.prepare("SELECT seq, body FROM resources ORDER BY seq").all() as {
      seq: number;
      body: string;
    }[];
    const version = this.#world.version + 1;
    this.#world = SnapshotWorld.of(
      rows.map((r) => JSON.parse(r.body) as Resource),
      version,
      this.#world.catalog,
    );
    this.#seq = rows.length ? rows[rows.length - 1].seq : 0;
  }

  /** The world as last committed: an immutable snapshot, replaced (never changed) by each commit. */
  get world(): SnapshotWorld {
    return this.#world;
  }

  /** Writes a change set in one transaction (plus `extra` writes in the same one); returns the new world. */
  commit(changes: ChangeSet, extra?: () => void): SnapshotWorld {
    if (changes.puts.length === 0 && changes.deletes.length === 0) {
      if (extra) this.db.transaction(extra)();
      return this.#world;
    }
    const del = this.db.prepare("DELETE FROM resources WHERE key = ?");
    const put = this.db.prepare(
      "INSERT INTO resources (key, seq, body) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET body = excluded.body",
    );
    this.db.transaction(() => {
      for (const id of changes.deletes) del.run(idKey(id));
      for (const r of changes.puts) put.run(idKey(r.id), ++this.#seq, JSON.stringify(r));
      extra?.();
    })();
    this.#world = this.#world.with(changes);
    return this.#world;
  }

  /** An immutable snapshot of the current world (the same object until the next commit). */
  snapshot(): SnapshotWorld {
    return this.#world;
  }

  /** Carries a catalog (service tags) in every snapshot from now on. */
  setCatalog(catalog: NonNullable<SnapshotWorld["catalog"]>): SnapshotWorld {
    this.#world = this.#world.withCatalog(catalog);
    return this.#world;
  }

  getSetting(key: string): string | undefined {
    const row = this.db.prepare("SELECT value FROM settings WHERE key = ?").get(key) as { value: string } | undefined;
    return row?.value;
  }

  setSetting(key: string, value: string): void {
    this.db
      .prepare("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
      .run(key, value);
  }

  /** Every setting whose key starts with `prefix`, as `[key, value]` pairs. */
  settingsWithPrefix(prefix: string): [string, string][] {
    const rows = this.db
      .prepare("SELECT key, value FROM settings WHERE substr(key, 1, ?) = ?")
      .all(prefix.length, prefix) as { key: string; value: string }[];
    return rows.map((r) => [r.key, r.value]);
  }

  /** Writes and deletes settings in one transaction (the heartbeat ledger saves many at once). */
  setSettings(puts: readonly (readonly [string, string])[], deletes: readonly string[] = []): void {
    const put = this.db.prepare(
      "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    );
    const del = this.db.prepare("DELETE FROM settings WHERE key = ?");
    this.db.transaction(() => {
      for (const [k, v] of puts) put.run(k, v);
      for (const k of deletes) del.run(k);
    })();
  }

  /** Deletes every resource and operation; keeps principals and settings (the identity of the lab). */
  reset(): SnapshotWorld {
    this.db.transaction(() => {
      this.db.prepare("DELETE FROM resources").run();
      this.db.prepare("DELETE FROM operations").run();
    })();
    this.#load();
    return this.#world;
  }

  close(): void {
    this.db.close();
  }
}
