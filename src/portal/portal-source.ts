import type { World } from "../world/world.js";

/** One commit of the world, as the change feed announces it. */
export interface WorldChange {
  version: number;
}

/**
 * What the portal's server side reads: the current world, the (virtual) time and the
 * change feed, as the system hub (`openSystem`) provides them (`systemSource`).
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
 * The portal's view of the system hub: its snapshot, its feed's version, its clock and its
 * change feed.
 *
 * @example
 * const source = systemSource(system);
 * const off = source.subscribe(({ version }) => console.log(version));
 */
export function systemSource(system: {
  snapshot(): World;
  readonly version: number;
  now(): Date;
  subscribe(listener: (change: WorldChange) => void): () => void;
}): PortalSource {
  return {
    snapshot: () => system.snapshot(),
    version: () => system.version,
    now: () => system.now(),
    subscribe: (listener) => system.subscribe(listener),
  };
}
