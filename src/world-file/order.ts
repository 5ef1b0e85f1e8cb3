import { idKey, parentId, parseId } from "../world/index.js";
import type { WorldEntry } from "./parse.js";

/** Every string inside a JSON value. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === "object") for (const v of Object.values(value)) strings(v, out);
  return out;
}

/** The entry an id belongs to: the id itself, or its nearest ancestor that is an entry (inline subnets). */
function owner(id: string, keys: Map<string, number>): number | undefined {
  let current = parseId(id);
  while (current) {
    const hit = keys.get(idKey(current.id));
    if (hit !== undefined) return hit;
    const up = parentId(current);
    current = up ? parseId(up) : undefined;
  }
  return undefined;
}

/**
 * Orders entries so that each comes after what it depends on: its parent (resource
 * group, parent resource) and every resource whose id appears in its body. Where
 * dependencies form a cycle (two peered vnets), file order decides.
 */
export function dependencyOrder(entries: readonly WorldEntry[]): {
  order: WorldEntry[];
  dependsOn: Map<number, number[]>;
} {
  const keys = new Map<string, number>();
  for (const [i, e] of entries.entries()) keys.set(idKey(e.id), i);
  const dependsOn = new Map<number, number[]>();
  entries.forEach((entry, i) => {
    const deps = new Set<number>();
    const parsed = parseId(entry.id);
    const parent = parsed && parentId(parsed);
    if (parent) {
      const p = owner(parent, keys);
      if (p !== undefined) deps.add(p);
    }
    for (const s of strings(entry.body)) {
      if (!s.startsWith("/")) continue;
      const d = owner(s, keys);
      if (d !== undefined && d !== i) deps.add(d);
    }
    dependsOn.set(i, [...deps]);
  });
  const done = new Set<number>();
  const order: WorldEntry[] = [];
  while (done.size < entries.length) {
    let next = -1;
    for (let i = 0; i < entries.length; i++) {
      if (!done.has(i) && dependsOn.get(i)!.every((d) => done.has(d))) {
        next = i;
        break;
      }
    }
    // A cycle: take the first remaining entry in file order.
    if (next === -1) next = [...entries.keys()].find((i) => !done.has(i))!;
    done.add(next);
    order.push(entries[next]);
  }
  return { order, dependsOn };
}
