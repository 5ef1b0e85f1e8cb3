import { idKey, typeKey } from "./arm-id.js";
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
}

/** A change to the world: resources written and ids deleted. */
export interface ChangeSet {
  puts: Resource[];
  deletes: string[];
}

export function emptyChanges(): ChangeSet {
  return { puts: [], deletes: [] };
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
    const prefix = `${idKey(prefixId)}/`;
    const pool = type ? (this.#byType.get(typeKey(type))?.values() ?? []) : this.#byId.values();
    const out: Resource[] = [];
    for (const r of pool) if (idKey(r.id).startsWith(prefix)) out.push(r);
    return out;
  }

  /** Applies a change set in place. */
  apply(changes: ChangeSet): void {
    for (const id of changes.deletes) this.#delete(id);
    for (const r of changes.puts) this.#set(r);
    this.#version++;
    this.#snapshot = undefined;
  }

  clear(): void {
    this.#byId.clear();
    this.#byExactId.clear();
    this.#byType.clear();
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
    return this;
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
  #deleted = new Set<string>();

  constructor(
    readonly base: World,
    changes: ChangeSet = emptyChanges(),
  ) {
    this.add(changes);
  }

  get version(): number {
    return this.base.version + 0.5;
  }

  /** Adds more changes on top of the ones already held. */
  add(changes: ChangeSet): void {
    for (const id of changes.deletes) {
      const key = idKey(id);
      this.#puts.delete(key);
      this.#deleted.add(key);
    }
    for (const r of changes.puts) {
      const key = idKey(r.id);
      this.#deleted.delete(key);
      this.#puts.set(key, r);
    }
  }

  /** Everything added so far, as one change set. */
  changes(): ChangeSet {
    return { puts: [...this.#puts.values()], deletes: [...this.#deleted] };
  }

  get(id: string): Resource | undefined {
    const key = idKey(id);
    if (this.#puts.has(key)) return this.#puts.get(key);
    if (this.#deleted.has(key)) return undefined;
    return this.base.get(id);
  }

  ofType(type: string): readonly Resource[] {
    const tk = typeKey(type);
    return this.#merge(this.base.ofType(type), (r) => typeKey(r.type) === tk);
  }

  all(): readonly Resource[] {
    return this.#merge(this.base.all(), () => true);
  }

  under(prefixId: string, type?: string): readonly Resource[] {
    const prefix = `${idKey(prefixId)}/`;
    const tk = type && typeKey(type);
    return this.#merge(
      this.base.under(prefixId, type),
      (r) => idKey(r.id).startsWith(prefix) && (!tk || typeKey(r.type) === tk),
    );
  }

  #merge(base: readonly Resource[], match: (r: Resource) => boolean): Resource[] {
    if (this.#puts.size === 0 && this.#deleted.size === 0) return [...base];
    const out: Resource[] = [];
    const seen = new Set<string>();
    for (const r of base) {
      const key = idKey(r.id);
      if (this.#deleted.has(key)) continue;
      const replaced = this.#puts.get(key);
      seen.add(key);
      if (replaced) {
        if (match(replaced)) out.push(replaced);
      } else out.push(r);
    }
    for (const [key, r] of this.#puts) if (!seen.has(key) && match(r)) out.push(r);
    return out;
  }
}
