import type { World } from "../../world/world.js";

const memos = new WeakMap<World, Map<string, unknown>>();

/**
 * `compute()` once per key over a world that never changes (`world.frozen`: snapshots
 * and the verifier's indexed view), and every time over one that may (a mutable map, the
 * overlay rules check a write against). The memo lives as long as the world object.
 * What it returns is shared by every caller: read it, never change it.
 *
 * @example
 * const vnets = perSnapshot(world, "vnets", () => world.ofType(VNET_TYPE).map(read));
 */
export function perSnapshot<T>(world: World, key: string, compute: () => T): T {
  if (!world.frozen) return compute();
  let memo = memos.get(world);
  if (!memo) {
    memo = new Map();
    memos.set(world, memo);
  }
  if (memo.has(key)) return memo.get(key) as T;
  const value = compute();
  memo.set(key, value);
  return value;
}
