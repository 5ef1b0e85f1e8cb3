import { idKey, typeKey } from "./arm-id.js";
import type { Catalog } from "./catalog/catalog.js";
import { ChildIndex, indexedChanges, scanUnder } from "./child-index.js";
import type { Resource } from "./resource.js";

/**
 * A read-only view of every resource. Semantic functions, rules and handlers take a
 * World; they never see the store. Lookups are case-insensitive on ids and types.
 *
 * @example
 * const scopes = world.ofType("Microsoft.HybridCompute/privateLinkScopes");
 */
export interface World {
  get(id: string): Resource | undefined;
  /** Every resource of a type, in insertion order. */
  ofType(type: string): readonly Resource[];
  /** Every resource, in insertion order. */
  all(): readonly Resource[];
  /** Resources whose id starts with `prefixId/` (descendants), optionally of one type. */
  under(prefixId: string, type?: string): readonly Resource[];
  /** A number that changes whenever the contents change. */
  readonly version: number;
  /** True when the contents never change (a snapshot): pure readers may memoize per world object. */
  readonly frozen?: boolean;
  /** The non-resource facts the semantics read (service tags); absent means the built-in catalog (`catalogOf`). */
  readonly catalog?: Catalog;
}

/** A change to the world: resources written and ids deleted. */
export interface ChangeSet {
  puts: Resource[];
  deletes: string[];
}

export function emptyChanges(): ChangeSet {
  return { puts: [], deletes: [] };
}

const KEYS = new WeakMap<Resource, string>();

/** `idKey(r.id)`, computed once per resource object: lists compare keys of every item. */
export function keyOf(r: Resource): string {
  let key = KEYS.get(r);
  if (key === undefined) {
    key = idKey(r.id);
    KEYS.set(r, key);
  }
  return key;
}

/**
 * A mutable World over maps, owned by the store (and by tests). Readers that must not
 * see later writes take `snapshot()`, which freezes a copy once per version.
 */
export class MapWorld implements World {
  #byId = new Map<string, Resource>();
  /** By the id exactly as stored: most lookups pass an id read from a resource, so skip `idKey`. */
  #byExactId = new Map<string, Resource>();
  #byType = new Map<string, Map<string, Resource>>();
  #version = 0;
  #snapshot: World | undefined;
  #isFrozen = false;
  /** Built after `SCAN_LIMIT` calls of `under`, then kept up to date. */
  #index: ChildIndex | undefined;
  #scans = 0;

  constructor(resources: Iterable<Resource> = []) {
    for (const r of resources) this.#set(r);
  }

  get version(): number {
    return this.#version;
  }

  get(id: string): Resource | undefined {
    return this.#byExactId.get(id) ?? this.#byId.get(idKey(id));
  }

  ofType(type: string): readonly Resource[] {
    const m = this.#byType.get(typeKey(type));
    return m ? [...m.values()] : [];
  }

  all(): readonly Resource[] {
    return [...this.#byId.values()];
  }

  under(prefixId: string, type?: string): readonly Resource[] {
    const key = idKey(prefixId);
    const tk = type ? typeKey(type) : undefined;
    // A world asked a few times (the verifier caches its answers) is scanned; one asked often is indexed.
    if (!this.#index && ++this.#scans <= SCAN_LIMIT)
      return tk ? scanUnder(this.#byType.get(tk) ?? [], key, undefined) : scanUnder(this.#byId, key, undefined);
    this.#index ??= indexOf(this.#byId);
    return this.#index.under(key, tk, (k) => this.#byId.get(k)) ?? scanUnder(this.#byId, key, tk);
  }

  /** Applies a change set in place. */
  apply(changes: ChangeSet): void {
    for (const id of changes.deletes) this.#delete(id);
    for (const r of changes.puts) this.#set(r);
    this.#index = this.#index?.with(...indexedChanges(changes));
    this.#version++;
    this.#snapshot = undefined;
  }

  clear(): void {
    this.#byId.clear();
    this.#byExactId.clear();
    this.#byType.clear();
    this.#index = undefined;
    this.#version++;
    this.#snapshot = undefined;
  }

  /** An immutable copy, rebuilt only after the contents change. */
  snapshot(): World {
    this.#snapshot ??= new MapWorld(this.#byId.values()).#frozen(this.#version);
    return this.#snapshot;
  }

  #frozen(version: number): World {
    this.#version = version;
    this.#isFrozen = true;
    return this;
  }

  /** True for the copies `snapshot()` returns, which nothing writes to. */
  get frozen(): boolean {
    return this.#isFrozen;
  }

  #set(r: Resource): void {
    const key = idKey(r.id);
    const old = this.#byId.get(key);
    if (old) this.#byExactId.delete(old.id);
    this.#byId.set(key, r);
    this.#byExactId.set(r.id, r);
    const tk = typeKey(r.type);
    let m = this.#byType.get(tk);
    if (!m) {
      m = new Map();
      this.#byType.set(tk, m);
    }
    m.set(key, r);
  }

  #delete(id: string): void {
    const key = idKey(id);
    const r = this.#byId.get(key);
    if (!r) return;
    this.#byId.delete(key);
    this.#byExactId.delete(r.id);
    this.#byType.get(typeKey(r.type))?.delete(key);
  }
}

/**
 * The world as it would be after `changes`, without copying the base: what rules
 * validate before anything is written. Later changes win over earlier ones.
 */
export class OverlayWorld implements World {
  #puts = new Map<string, Resource>();
  /** The puts again, by type key: rules list resources of one type after every write. */
  #putsByType = new Map<string, Map<string, Resource>>();
  #deleted = new Set<string>();
  /** The puts by path, built on the first `under`, then kept up to date. */
  #index: ChildIndex | undefined;

  constructor(
    readonly base: World,
    changes: ChangeSet = emptyChanges(),
  ) {
    this.add(changes);
  }

  get version(): number {
    return this.base.version + 0.5;
  }

  get catalog(): Catalog | undefined {
    return this.base.catalog;
  }

  /** Adds more changes on top of the ones already held. */
  add(changes: ChangeSet): void {
    for (const id of changes.deletes) {
      const key = idKey(id);
      const put = this.#puts.get(key);
      if (put) this.#putsByType.get(typeKey(put.type))?.delete(key);
      this.#puts.delete(key);
      this.#deleted.add(key);
    }
    for (const r of changes.puts) {
      const key = keyOf(r);
      this.#deleted.delete(key);
      this.#puts.set(key, r);
      const tk = typeKey(r.type);
      let m = this.#putsByType.get(tk);
      if (!m) {
        m = new Map();
        this.#putsByType.set(tk, m);
      }
      m.set(key, r);
    }
    this.#index = this.#index?.with(...indexedChanges(changes));
  }

  /** Everything added so far, as one change set. */
  changes(): ChangeSet {
    return { puts: [...this.#puts.values()], deletes: [...this.#deleted] };
  }

  get(id: string): Resource | undefined {
    const key = idKey(id);
    const put = this.#puts.get(key);
    if (put) return put;
    if (this.#deleted.has(key)) return undefined;
    return this.base.get(id);
  }

  ofType(type: string): readonly Resource[] {
    const mine = this.#putsByType.get(typeKey(type));
    return this.#merge(this.base.ofType(type), mine ? [...mine.values()] : []);
  }

  all(): readonly Resource[] {
    return this.#merge(this.base.all(), [...this.#puts.values()]);
  }

  under(prefixId: string, type?: string): readonly Resource[] {
    const key = idKey(prefixId);
    const tk = type ? typeKey(type) : undefined;
    // A rule checks each write against an overlay of that one write: scanning it is cheaper than indexing it.
    if (!this.#index && this.#puts.size <= SCAN_LIMIT)
      return this.#merge(this.base.under(prefixId, type), scanUnder(this.#puts, key, tk));
    this.#index ??= indexOf(this.#puts);
    const mine = this.#index.under(key, tk, (k) => this.#puts.get(k)) ?? scanUnder(this.#puts, key, tk);
    return this.#merge(this.base.under(prefixId, type), mine);
  }

  /** Base items in base order (replaced by their puts, without deleted ones), then new puts. */
  #merge(base: readonly Resource[], mine: readonly Resource[]): readonly Resource[] {
    if (mine.length === 0 && this.#deleted.size === 0) return base;
    const out: Resource[] = [];
    const seen = new Set<string>();
    for (const r of base) {
      const key = keyOf(r);
      if (this.#deleted.has(key)) continue;
      const replaced = this.#puts.get(key);
      if (replaced) seen.add(key);
      out.push(replaced ?? r);
    }
    for (const r of mine) if (!seen.has(keyOf(r))) out.push(r);
    return out;
  }
}

/** Up to this many puts, an overlay answers `under` by a scan of them; a map world, its first this many calls. */
const SCAN_LIMIT = 32;

/** A path index of resources by key, in the map's order. */
function indexOf(byKey: Map<string, Resource>): ChildIndex {
  return ChildIndex.empty().with(
    [],
    Array.from(byKey, ([key, r]) => ({ key, tk: typeKey(r.type) })),
  );
}
