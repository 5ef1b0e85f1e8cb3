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
  // Kahn's algorithm, taking the first ready entry in file order each time (a heap of
  // ready indexes); in a cycle, the first entry not yet placed.
  const waitingOn = entries.map((_e, i) => dependsOn.get(i)!.length);
  const dependents = entries.map((): number[] => []);
  for (const [i, deps] of dependsOn) for (const d of deps) dependents[d].push(i);
  const ready = new MinHeap();
  for (let i = 0; i < entries.length; i++) if (waitingOn[i] === 0) ready.push(i);
  const done = new Array<boolean>(entries.length).fill(false);
  const order: WorldEntry[] = [];
  let firstUndone = 0;
  while (order.length < entries.length) {
    let next = ready.pop();
    while (next !== undefined && done[next]) next = ready.pop();
    if (next === undefined) {
      while (done[firstUndone]) firstUndone++;
      next = firstUndone;
    }
    done[next] = true;
    order.push(entries[next]);
    for (const j of dependents[next]) if (--waitingOn[j] === 0 && !done[j]) ready.push(j);
  }
  return { order, dependsOn };
}

/** A binary min-heap of numbers. */
class MinHeap {
  #items: number[] = [];

  push(n: number): void {
    const a = this.#items;
    a.push(n);
    for (let i = a.length - 1; i > 0; ) {
      const up = (i - 1) >> 1;
      if (a[up] <= a[i]) break;
      [a[up], a[i]] = [a[i], a[up]];
      i = up;
    }
  }

  pop(): number | undefined {
    const a = this.#items;
    const top = a[0];
    const last = a.pop();
    if (a.length === 0 || last === undefined) return top;
    a[0] = last;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < a.length && a[l] < a[m]) m = l;
      if (r < a.length && a[r] < a[m]) m = r;
      if (m === i) break;
      [a[m], a[i]] = [a[i], a[m]];
      i = m;
    }
    return top;
  }
}
