import { Map as IMap } from "immutable";
import { idKey, typeKey } from "./arm-id.js";
import type { Resource } from "./resource.js";
import { type ChangeSet, keyOf } from "./world.js";

/**
 * A node of the path tree: a path prefix that ends before a `/` of some stored key.
 * `kids` are the next longer such prefixes (each a stored key, with its insertion
 * sequence, or -1 when it only leads to deeper resources); `types` holds the type key
 * of every resource below (it only grows: after a delete it may name a type no longer
 * there, which costs a wasted step, never a wrong answer).
 */
interface PathNode {
  readonly kids: IMap<string, number>;
  readonly types: ReadonlySet<string>;
}

interface Draft {
  kids: IMap<string, number>;
  types: ReadonlySet<string>;
  ownTypes: boolean;
}

/** A key and its type key, as `ChildIndex.with` takes puts. */
export interface IndexedPut {
  key: string;
  tk: string;
}

/** `ChildIndex.with`'s arguments for a change set. */
export function indexedChanges(changes: ChangeSet): [string[], IndexedPut[]] {
  return [changes.deletes.map(idKey), changes.puts.map((r) => ({ key: keyOf(r), tk: typeKey(r.type) }))];
}

/** The same question answered by a scan of `[key, resource]` entries, for prefixes the index does not take. */
export function scanUnder(
  entries: Iterable<[string, Resource]>,
  prefixKey: string,
  tk: string | undefined,
): Resource[] {
  const prefix = `${prefixKey}/`;
  const out: Resource[] = [];
  for (const [key, r] of entries)
    if (key.startsWith(prefix) && (tk === undefined || typeKey(r.type) === tk)) out.push(r);
  return out;
}

/** The path prefix one segment shorter: `/a/b/c` → `/a/b`; `/a` → `` (the root). */
function parentKey(key: string): string {
  const i = key.lastIndexOf("/");
  return i <= 0 ? "" : key.slice(0, i);
}

const EMPTY = new Set<string>();

/**
 * Which stored keys lie under which path prefix, as a persistent tree shared between
 * versions: `with(deletes, puts)` costs a few map updates per new or deleted key and
 * nothing for a key written again, and `under` costs what it finds (with the subtrees
 * that hold the type asked for), not the size of the world. Answers come in insertion
 * order (a key written again keeps its place; deleted and written again, it moves last),
 * the order of the worlds' `ofType` and `all`.
 *
 * @example
 * const index = ChildIndex.empty().with([], [{ key: "/s/a/b", tk: "t" }]);
 * index.under("/s/a", "t", (k) => resources.get(k)) // → [the resource of "/s/a/b"]
 */
export class ChildIndex {
  private constructor(
    readonly nodes: IMap<string, PathNode>,
    /** The sequence the next new key gets. */
    readonly nextSeq: number,
  ) {}

  static empty(): ChildIndex {
    return new ChildIndex(IMap(), 0);
  }

  /**
   * Resources whose key starts with `prefixKey/`, of type key `tk` when given, in
   * insertion order; `get` reads a stored key's resource. Undefined for the empty prefix
   * (every id), which the caller answers by a scan.
   */
  under(prefixKey: string, tk: string | undefined, get: (key: string) => Resource | undefined): Resource[] | undefined {
    if (prefixKey === "") return undefined;
    const start = this.nodes.get(prefixKey);
    if (!start || (tk !== undefined && !start.types.has(tk))) return [];
    const found: { seq: number; r: Resource }[] = [];
    const stack = [start];
    for (let node = stack.pop(); node; node = stack.pop()) {
      for (const [key, seq] of node.kids) {
        if (seq >= 0) {
          const r = get(key);
          if (r && (tk === undefined || typeKey(r.type) === tk)) found.push({ seq, r });
        }
        const below = this.nodes.get(key);
        if (below && (tk === undefined || below.types.has(tk))) stack.push(below);
      }
    }
    found.sort((a, b) => a.seq - b.seq);
    return found.map((f) => f.r);
  }

  /** The index after deleting `deletes` (keys; unknown ones are ignored), then adding `puts`. */
  with(deletes: readonly string[], puts: readonly IndexedPut[]): ChildIndex {
    // Keys written again (a PATCH, the hub's common commit) change nothing.
    if (deletes.length === 0 && puts.every((p) => this.#holds(p))) return this;
    const drafts = new Map<string, Draft>();
    const draft = (key: string): Draft => {
      let d = drafts.get(key);
      if (!d) {
        const node = this.nodes.get(key);
        d = { kids: (node?.kids ?? IMap<string, number>()).asMutable(), types: node?.types ?? EMPTY, ownTypes: false };
        drafts.set(key, d);
      }
      return d;
    };
    const kidsOf = (key: string) => drafts.get(key)?.kids ?? this.nodes.get(key)?.kids;
    const typesOf = (key: string) => drafts.get(key)?.types ?? this.nodes.get(key)?.types ?? EMPTY;
    let seq = this.nextSeq;
    for (const key of deletes) {
      if (key === "" || !((kidsOf(parentKey(key))?.get(key) ?? -1) >= 0)) continue;
      let child = key;
      let parent = parentKey(child);
      if ((kidsOf(child)?.size ?? 0) > 0) {
        draft(parent).kids.set(child, -1);
        continue;
      }
      // Drop the key, then every path node it leaves without kids that is no resource itself.
      for (;;) {
        const d = draft(parent);
        d.kids.delete(child);
        if (d.kids.size > 0 || parent === "" || (kidsOf(parentKey(parent))?.get(parent) ?? -1) >= 0) break;
        child = parent;
        parent = parentKey(child);
      }
    }
    for (const { key, tk } of puts) {
      if (key === "") continue;
      let child = key;
      let parent = parentKey(child);
      if ((kidsOf(parent)?.get(child) ?? -1) >= 0 && typesOf(parent).has(tk)) continue;
      for (;;) {
        const d = draft(parent);
        const was = d.kids.get(child);
        if (child === key ? !(was !== undefined && was >= 0) : was === undefined)
          d.kids.set(child, child === key ? seq++ : -1);
        const hadType = d.types.has(tk);
        if (!hadType) {
          if (!d.ownTypes) {
            d.types = new Set(d.types);
            d.ownTypes = true;
          }
          (d.types as Set<string>).add(tk);
        }
        if ((was !== undefined && hadType) || parent === "") break;
        child = parent;
        parent = parentKey(child);
      }
    }
    if (drafts.size === 0 && seq === this.nextSeq) return this;
    const nodes = this.nodes.asMutable();
    for (const [key, d] of drafts) {
      if (d.kids.size === 0) nodes.delete(key);
      else nodes.set(key, { kids: d.kids.asImmutable(), types: d.types });
    }
    return new ChildIndex(nodes.asImmutable(), seq);
  }

  /** Whether a put is already indexed, with its type. */
  #holds({ key, tk }: IndexedPut): boolean {
    const node = this.nodes.get(parentKey(key));
    return node !== undefined && (node.kids.get(key) ?? -1) >= 0 && node.types.has(tk);
  }
}
