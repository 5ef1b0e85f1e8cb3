import { idKey, typeKey } from "../world/arm-id.js";
import type { Catalog } from "../world/catalog/catalog.js";
import type { Resource } from "../world/resource.js";
import type { World } from "../world/world.js";

/**
 * A read-through cache over an immutable snapshot: `ofType` and `under` answers are
 * computed once per argument and then returned as the same array. One verify run asks
 * the same questions many times (the hosts of a site, the connections of a scope);
 * this makes each a map lookup. Only valid over a snapshot that never changes.
 *
 * @example
 * const world = new IndexedWorld(store.snapshot());
 */
export class IndexedWorld implements World {
  readonly #base: World;
  readonly #ofType = new Map<string, readonly Resource[]>();
  readonly #under = new Map<string, readonly Resource[]>();
  readonly #children = new Map<string, Map<string, Resource[]>>();
  #all: readonly Resource[] | undefined;

  constructor(base: World) {
    this.#base = base;
  }

  get version(): number {
    return this.#base.version;
  }

  /** Only valid over a snapshot that never changes, so it never changes either. */
  get frozen(): boolean {
    return true;
  }

  /** The snapshot's catalog (service tags): the semantics read it through `catalogOf`. */
  get catalog(): Catalog | undefined {
    return this.#base.catalog;
  }

  get(id: string): Resource | undefined {
    return this.#base.get(id);
  }

  ofType(type: string): readonly Resource[] {
    const key = typeKey(type);
    let found = this.#ofType.get(key);
    if (!found) {
      found = this.#base.ofType(type);
      this.#ofType.set(key, found);
    }
    return found;
  }

  all(): readonly Resource[] {
    this.#all ??= this.#base.all();
    return this.#all;
  }

  under(prefixId: string, type?: string): readonly Resource[] {
    const key = `${idKey(prefixId)}|${type ? typeKey(type) : ""}`;
    let found = this.#under.get(key);
    if (!found) {
      found = this.#underAll(prefixId, type);
      this.#under.set(key, found);
    }
    return found;
  }

  /**
   * Groups a whole type by parent id on first use (hosts by site, record sets by zone),
   * so asking for one parent's children is a lookup; other prefixes ask the base once.
   */
  #underAll(prefixId: string, type?: string): readonly Resource[] {
    // Untyped prefixes (a zone's record sets) are few per run: the base scans each once.
    if (!type) return this.#base.under(prefixId, type);
    const tk = typeKey(type);
    let groups = this.#children.get(tk);
    if (!groups) {
      groups = new Map();
      for (const r of this.ofType(type)) {
        // Stored ids are already normalized: lower-casing is their key.
        const key = r.id.toLowerCase();
        const parent = key.slice(0, key.lastIndexOf("/", key.lastIndexOf("/") - 1));
        let g = groups.get(parent);
        if (!g) {
          g = [];
          groups.set(parent, g);
        }
        g.push(r);
      }
      this.#children.set(tk, groups);
    }
    const direct = groups.get(idKey(prefixId));
    if (direct) return direct;
    return this.#base.under(prefixId, type);
  }
}
