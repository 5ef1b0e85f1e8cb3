import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { EngineEnv } from "../arm/engine.js";
import { PROVIDERS, type Provider, Registry } from "../arm/providers/index.js";
import { VirtualClock } from "../fabric/clock.js";
import { RULES } from "../rules/index.js";
import type { Rule } from "../rules/rule.js";
import { Operations, Principals, Store, type Synchronous } from "../store/index.js";
import { loadServiceTagsFile, serviceTagsFromEnvironment } from "../world/catalog/service-tags-file.js";
import { type Catalog, type ChangeSet, createCatalog, type Resource, type SnapshotWorld } from "../world/index.js";
import { type ApplyReport, type ApplyTarget, applyWorld, type WorldEntry } from "../world-file/index.js";
import { ChangeFeed, type ChangeListener } from "./change-feed.js";
import { runWrite, type WriteMethod, type WriteOptions } from "./write-path.js";

/** The well-known zero GUIDs of the local tenant and subscription. */
export const DEFAULT_TENANT_ID = "00000000-0000-0000-0000-000000000000";
export const DEFAULT_SUBSCRIPTION_ID = "00000000-0000-0000-0000-000000000000";

export interface OpenSystemOptions {
  /** Data directory (database and secrets); the store lives in `<data>/arclink.db`. */
  data?: string;
  /** Keep everything in memory (nothing is written unless `data` is also given for the CA). */
  memory?: boolean;
  /** An already open store to own instead of opening one (`data` and `memory` are then ignored). */
  store?: Store;
  /** SQLite's `synchronous` for a data directory: `FULL` (default) or `NORMAL` (see Store). */
  synchronous?: Synchronous;
  /** World entries (from `parseWorld`) applied at open, all or nothing; a refusal throws `WorldRefusedError`. */
  world?: readonly WorldEntry[];
  /** The virtual clock; default real time. World files and labs pass `VirtualClock.fixed(…)`. */
  clock?: VirtualClock;
  /** Facts that are not resources (service tags); default the built-in catalog, or `$ARCLINK_SERVICE_TAGS`. */
  catalog?: Catalog;
  tenantId?: string;
  subscriptionId?: string;
  pageSize?: number;
  providers?: readonly Provider[];
  rules?: readonly Rule[];
}

/**
 * The system hub: it owns the store, the clock, the catalog, the principals and the
 * write path, and publishes every change on a versioned feed. The ARM front, the CLI,
 * the labs, the verifier's world sources and every live plane are adapters over it.
 */
export interface System extends ApplyTarget {
  readonly tenantId: string;
  readonly subscriptionId: string;
  /** Absolute data directory; undefined when in memory. */
  readonly dataDir: string | undefined;
  readonly store: Store;
  readonly clock: VirtualClock;
  readonly catalog: Catalog;
  readonly principals: Principals;
  readonly operations: Operations;
  readonly env: EngineEnv;
  /** The feed's version: one more after every commit, clock move and reset. */
  readonly version: number;
  /** The current world: immutable, shared with the feed's last entry. */
  snapshot(): SnapshotWorld;
  now(): Date;
  /** Called after every commit, clock move and reset with `{ version, cause, changes, snapshot, now }`. */
  subscribe(listener: ChangeListener): () => void;
  /** Commits a change set (already validated by the engine) in one transaction, with `extra` writes in it. */
  commit(changes: ChangeSet, extra?: () => void): SnapshotWorld;
  /** PUT through the engine and rules, committed; returns the stored resource. Throws `ArmError` when refused. */
  put(id: string, body: unknown, options?: WriteOptions): Resource;
  /** PATCH through the engine and rules, committed; returns the stored resource. */
  patch(id: string, body: unknown, options?: WriteOptions): Resource;
  /** DELETE through the engine and rules, committed (cascades as ARM does). */
  delete(id: string, options?: WriteOptions): void;
  /** Applies world entries all or nothing (see `applyWorld`). */
  apply(entries: readonly WorldEntry[], options?: { principalId?: string; dryRun?: boolean }): ApplyReport;
  /** Moves the virtual clock forward and publishes a clock entry. */
  advanceClock(ms: number): Date;
  /** Deletes every resource and operation; keeps the principals and settings. */
  reset(): void;
  close(): void;
}

/** A world given to `openSystem` was refused; nothing was written. */
export class WorldRefusedError extends Error {
  constructor(readonly report: ApplyReport) {
    const e = report.errors[0];
    super(`The world was refused: ${e ? `line ${e.line}: ${e.id}: ${e.code}: ${e.message}` : "unknown error"}`);
  }
}

/**
 * Opens the system hub over a data directory or in memory.
 *
 * @example
 * const system = openSystem({ memory: true, world: parseWorld(text, "w.yaml", DEFAULT_SUBSCRIPTION_ID) });
 * const stop = system.subscribe(({ version, snapshot }) => console.log(version, snapshot.size));
 * system.put(scopeId, { location: "westeurope", properties: { publicNetworkAccess: "Disabled" } });
 */
export function openSystem({
  data,
  memory = false,
  store: givenStore,
  synchronous,
  world,
  clock = new VirtualClock(),
  catalog = catalogFromEnvironment(),
  tenantId = DEFAULT_TENANT_ID,
  subscriptionId = DEFAULT_SUBSCRIPTION_ID,
  pageSize = 100,
  providers = PROVIDERS,
  rules = RULES,
}: OpenSystemOptions = {}): System {
  const dataDir = data === undefined ? undefined : resolve(data);
  const store = givenStore ?? new Store({ dataDir, inMemory: memory || dataDir === undefined, synchronous });
  store.setCatalog(catalog);
  const principals = new Principals(store);
  principals.ensureDefault(clock.now());
  const operations = new Operations(store);
  const feed = new ChangeFeed();
  const env: EngineEnv = { registry: new Registry(providers), rules, subscriptions: [subscriptionId], pageSize };

  const publishClock = (now: Date) =>
    feed.publish({ cause: "clock", changes: { puts: [], deletes: [] }, snapshot: store.snapshot(), now });
  const stopClock = clock.onAdvance(publishClock);

  function write(method: WriteMethod, id: string, body: unknown, options: WriteOptions = {}): Resource | undefined {
    const outcome = runWrite(
      {
        env,
        world: store.world,
        now: clock.now(),
        tenantId,
        principalId: options.principalId ?? system.defaultPrincipalId(),
      },
      method,
      id,
      body,
      options,
    );
    const op = outcome.operation;
    const after = system.commit(
      outcome.changes ?? { puts: [], deletes: [] },
      op ? () => operations.put(op) : undefined,
    );
    return after.get(id);
  }

  const system: System = {
    tenantId,
    subscriptionId,
    dataDir,
    store,
    clock,
    catalog,
    principals,
    operations,
    env,
    get version() {
      return feed.version;
    },
    snapshot: () => store.snapshot(),
    now: () => clock.now(),
    defaultPrincipalId: () => principals.ensureDefault(clock.now()).clientId,
    subscribe: (listener) => feed.subscribe(listener),
    commit(changes, extra) {
      const before = store.snapshot();
      const after = store.commit(changes, extra);
      if (after !== before) feed.publish({ cause: "commit", changes, snapshot: after, now: clock.now() });
      return after;
    },
    put: (id, body, options) => write("PUT", id, body, options)!,
    patch: (id, body, options) => write("PATCH", id, body, options)!,
    delete(id, options) {
      write("DELETE", id, undefined, options);
    },
    apply: (entries, options) => applyWorld(system, entries, options),
    advanceClock: (ms) => clock.advance(ms),
    reset() {
      const gone = store
        .snapshot()
        .all()
        .map((r) => r.id);
      const after = store.reset();
      feed.publish({ cause: "reset", changes: { puts: [], deletes: gone }, snapshot: after, now: clock.now() });
    },
    close() {
      stopClock();
      store.close();
    },
  };
  if (world) {
    const report = system.apply(world);
    if (report.errors.length > 0) {
      system.close();
      throw new WorldRefusedError(report);
    }
  }
  return system;
}

/** The catalog named by `$ARCLINK_SERVICE_TAGS`, or the built-in one. */
export function catalogFromEnvironment(env: NodeJS.ProcessEnv = process.env): Catalog {
  return createCatalog({ serviceTags: serviceTagsFromEnvironment(env) });
}

/** The catalog with a downloaded service tags file. */
export function catalogFromFile(path: string): Catalog {
  return createCatalog({ serviceTags: loadServiceTagsFile(path) });
}

/** A temporary directory for an in-memory system's CA, removed by the returned function. */
export function temporaryDataDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "arclink-"));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
