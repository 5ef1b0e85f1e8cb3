import type { World } from "../world/world.js";

/** One commit of the world, as the change feed announces it. */
export interface WorldChange {
  version: number;
}

/**
 * What the portal's server side reads: the current world, the (virtual) time and the
 * change feed. The system hub (`openSystem`) provides exactly this; until it lands,
 * `storeSource` adapts a store and a clock.
 */
export interface PortalSource {
  snapshot(): World;
  /** The version of the world `snapshot()` returns; grows with every commit. */
  version(): number;
  now(): Date;
  /** Calls `listener` after every commit; returns the unsubscribe function. */
  subscribe(listener: (change: WorldChange) => void): () => void;
}

/**
 * A PortalSource over a store's `onChange`/`snapshot()` and a clock.
 *
 * @example
 * const source = storeSource(app.store, app.clock);
 * const off = source.subscribe(({ version }) => console.log(version));
 */
export function storeSource(
  store: { snapshot(): World; onChange(listener: (world: World) => void): () => void },
  clock: { now(): Date },
): PortalSource {
  let version = 1;
  const listeners = new Set<(change: WorldChange) => void>();
  store.onChange(() => {
    version++;
    for (const listener of listeners) listener({ version });
  });
  return {
    snapshot: () => store.snapshot(),
    version: () => version,
    now: () => clock.now(),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
