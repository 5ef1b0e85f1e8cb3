/**
 * The virtual clock: real time by default, optionally scaled, and advanced on demand
 * (tests jump over the 15-minute association delay). Pure code never reads it; it
 * receives `now` from a plane that does.
 *
 * @example
 * const clock = new VirtualClock();
 * clock.advance(15 * 60_000);
 */
export class VirtualClock {
  #offsetMs = 0;
  #startReal: number;
  #startVirtual: number;
  #listeners = new Set<(now: Date) => void>();

  constructor(
    private readonly scale = 1,
    private readonly realNow: () => number = Date.now,
  ) {
    this.#startReal = realNow();
    this.#startVirtual = this.#startReal;
  }

  now(): Date {
    const elapsed = (this.realNow() - this.#startReal) * this.scale;
    return new Date(this.#startVirtual + elapsed + this.#offsetMs);
  }

  /** Moves virtual time forward by `ms` (never backward). */
  advance(ms: number): Date {
    if (!Number.isFinite(ms) || ms < 0)
      throw new RangeError(`Cannot advance the clock by ${ms} ms: the amount must be a non-negative number.`);
    this.#offsetMs += ms;
    const now = this.now();
    for (const listener of this.#listeners) listener(now);
    return now;
  }

  /** Calls `listener` after every `advance` (real time passing is not an event). Returns an unsubscribe function. */
  onAdvance(listener: (now: Date) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** A clock that stands still at `at` (advanced only on demand): world files and labs apply at a fixed time. */
  static fixed(at: Date): VirtualClock {
    const ms = at.getTime();
    return new VirtualClock(1, () => ms);
  }

  get offsetMs(): number {
    return this.#offsetMs;
  }
}
