import { OrderedMap } from "immutable";
import { idKey, typeKey } from "./arm-id.js";
import type { Catalog } from "./catalog/catalog.js";
import { ChildIndex, indexedChanges, scanUnder } from "./child-index.js";
import type { Resource } from "./resource.js";
import { type ChangeSet, keyOf, type World } from "./world.js";

type ById = OrderedMap<string, Resource>;

/**
 * An immutable world that shares structure with the one it came from: `with(changes)`
 * returns a new snapshot in O(k log n) for k changed resources (persistent hash tries
 * from Immutable.js), so a commit costs what it changes, not the size of the world.
 * Stored resources are frozen; lists per type are built once per snapshot and carried
 * over to the next snapshot for the types a change set did not touch.
 *
 * @example
 * const next = SnapshotWorld.empty().with({ puts: [vnet], deletes: [] });
 * next.version // 1
 */
export class SnapshotWorld implements World {
  readonly #byKey: ById;
  readonly #byType: OrderedMap<string, ById>;
  readonly #lists: Map<string, readonly Resource[]>;
  /** Keys by path prefix, so `under` costs what it finds. */
  readonly #index: ChildIndex;
  /** A snapshot never changes: readers may memoize per object (`World.frozen`). */
  readonly frozen = true;
  #all: readonly Resource[] | undefined;

  private constructor(
    byKey: ById,
    byType: OrderedMap<string, ById>,
    readonly version: number,
    readonly catalog: Catalog | undefined,
    lists: Map<string, readonly Resource[]>,
    index: ChildIndex,
  ) {
    this.#index = index;
    this.#byKey = byKey;
    this.#byType = byType;
    this.#lists = lists;
  }

  /** A world with no resources, at version 0. */
  static empty(catalog?: Catalog): SnapshotWorld {
    return new SnapshotWorld(OrderedMap(), OrderedMap(), 0, catalog, new Map(), ChildIndex.empty());
  }

  /** A snapshot of these resources, in order, at `version`. */
  static of(resources: Iterable<Resource>, version = 0, catalog?: Catalog): SnapshotWorld {
    const puts = [...resources];
    const base = SnapshotWorld.empty(catalog);
    return puts.length === 0 ? base : base.#next({ puts, deletes: [] }, version);
  }

  get size(): number {
    return this.#byKey.size;
  }

  get(id: string): Resource | undefined {
    return this.#byKey.get(idKey(id));
  }

  ofType(type: string): readonly Resource[] {
    const tk = typeKey(type);
    let list = this.#lists.get(tk);
    if (!list) {
      list = Object.freeze([...(this.#byType.get(tk)?.values() ?? [])]);
      this.#lists.set(tk, list);
    }
    return list;
  }

  all(): readonly Resource[] {
    this.#all ??= Object.freeze([...this.#byKey.values()]);
    return this.#all;
  }

  under(prefixId: string, type?: string): readonly Resource[] {
    const key = idKey(prefixId);
    const tk = type ? typeKey(type) : undefined;
    return this.#index.under(key, tk, (k) => this.#byKey.get(k)) ?? scanUnder(this.#byKey, key, tk);
  }

  /** The world after `changes` (deletes first, then puts), one version later. This one is unchanged. */
  with(changes: ChangeSet): SnapshotWorld {
    return this.#next(changes, this.version + 1);
  }

  /** The same resources carrying another catalog (service tags), one version later. */
  withCatalog(catalog: Catalog): SnapshotWorld {
    return new SnapshotWorld(this.#byKey, this.#byType, this.version + 1, catalog, new Map(this.#lists), this.#index);
  }

  #next(changes: ChangeSet, version: number): SnapshotWorld {
    const touched = new Set<string>();
    let byType = this.#byType;
    const byKey = this.#byKey.withMutations((keys) => {
      byType = byType.withMutations((types) => {
        for (const id of changes.deletes) {
          const key = idKey(id);
          const old = keys.get(key);
          if (!old) continue;
          keys.delete(key);
          const tk = typeKey(old.type);
          touched.add(tk);
          const of = types.get(tk);
          if (of) types.set(tk, of.delete(key));
        }
        for (const r of changes.puts) {
          const key = keyOf(r);
          const old = keys.get(key);
          const tk = typeKey(r.type);
          if (old && typeKey(old.type) !== tk) {
            const oldTk = typeKey(old.type);
            touched.add(oldTk);
            const of = types.get(oldTk);
            if (of) types.set(oldTk, of.delete(key));
          }
          keys.set(key, deepFreeze(r));
          touched.add(tk);
          types.set(tk, (types.get(tk) ?? OrderedMap<string, Resource>()).set(key, r));
        }
      });
    });
    const lists = new Map<string, readonly Resource[]>();
    for (const [tk, list] of this.#lists) if (!touched.has(tk)) lists.set(tk, list);
    const index = this.#index.with(...indexedChanges(changes));
    return new SnapshotWorld(byKey, byType, version, this.catalog, lists, index);
  }
}

/** Freezes a resource and everything it holds, so a snapshot cannot be changed through it. */
function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const v of Object.values(value as object)) deepFreeze(v);
  return value;
}
