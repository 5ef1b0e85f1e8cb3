import type { ChangeSet, SnapshotWorld } from "../world/index.js";

/** Why the world moved: a commit of resources, a jump of the virtual clock, or a reset. */
export type ChangeCause = "commit" | "clock" | "reset";

/**
 * One entry of the change feed. `version` grows by one with every entry; `snapshot` is the
 * immutable world after it (unchanged by a clock move); `changes` is what the commit wrote
 * (empty for a clock move; for a reset, every resource that was there, as deletes).
 */
export interface SystemChange {
  readonly version: number;
  readonly cause: ChangeCause;
  readonly changes: ChangeSet;
  readonly snapshot: SnapshotWorld;
  readonly now: Date;
}

export type ChangeListener = (change: SystemChange) => void;

/**
 * The versioned change feed: listeners are called in subscription order, synchronously
 * after each commit. A listener that throws is reported and does not stop the others or
 * the write that caused the entry.
 *
 * @example
 * const feed = new ChangeFeed();
 * const stop = feed.subscribe(({ version, snapshot }) => cache.swap(version, snapshot));
 */
export class ChangeFeed {
  #listeners = new Set<ChangeListener>();
  #version = 0;
  #onError: (error: unknown) => void;

  constructor({ onError = reportListenerError }: { onError?: (error: unknown) => void } = {}) {
    this.#onError = onError;
  }

  /** The version of the last entry (0 before any). */
  get version(): number {
    return this.#version;
  }

  subscribe(listener: ChangeListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  publish(entry: Omit<SystemChange, "version">): SystemChange {
    const change: SystemChange = Object.freeze({ ...entry, version: ++this.#version });
    for (const listener of [...this.#listeners]) {
      try {
        listener(change);
      } catch (error) {
        this.#onError(error);
      }
    }
    return change;
  }
}

function reportListenerError(error: unknown): void {
  console.error("arclink:system a change listener failed:", error);
}
