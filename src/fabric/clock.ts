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
    return this.now();
  }

  get offsetMs(): number {
    return this.#offsetMs;
  }
}
