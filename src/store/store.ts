import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { type ChangeSet, idKey, MapWorld, type Resource, type World } from "../world/index.js";
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
 * semantics/ do). Every `commit` is one transaction, mirrored into an in-memory World.
 */
export class Store {
  readonly db: Database.Database;
  readonly world = new MapWorld();
  #seq = 0;
  #listeners = new Set<(world: World) => void>();

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
    this.world.clear();
    this.world.apply({ puts: rows.map((r) => JSON.parse(r.body) as Resource), deletes: [] });
    this.#seq = rows.length ? rows[rows.length - 1].seq : 0;
  }

  /** Writes a change set in one transaction (plus `extra` writes in the same one). */
  commit(changes: ChangeSet, extra?: () => void): void {
    if (changes.puts.length === 0 && changes.deletes.length === 0 && !extra) return;
    const del = this.db.prepare("DELETE FROM resources WHERE key = ?");
    const put = this.db.prepare(
      "INSERT INTO resources (key, seq, body) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET body = excluded.body",
    );
    this.db.transaction(() => {
      for (const id of changes.deletes) del.run(idKey(id));
      for (const r of changes.puts) put.run(idKey(r.id), ++this.#seq, JSON.stringify(r));
      extra?.();
    })();
    this.world.apply(changes);
    for (const listener of this.#listeners) listener(this.world);
  }

  /** An immutable snapshot of the current world. */
  snapshot(): World {
    return this.world.snapshot();
  }

  /** Calls `listener` after every commit (the change feed). Returns an unsubscribe function. */
  onChange(listener: (world: World) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
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

  /** Deletes every resource and operation; keeps principals and settings (the identity of the lab). */
  reset(): void {
    this.db.transaction(() => {
      this.db.prepare("DELETE FROM resources").run();
      this.db.prepare("DELETE FROM operations").run();
    })();
    this.#load();
    for (const listener of this.#listeners) listener(this.world);
  }

  close(): void {
    this.db.close();
  }
}
