import assert from "node:assert/strict";
import { test } from "node:test";
import { VirtualClock } from "./clock.js";

test("the clock follows real time, scaled, and jumps forward on demand", () => {
  let real = 1_000_000;
  const clock = new VirtualClock(60, () => real);
  const start = clock.now().getTime();
  real += 1000;
  assert.equal(clock.now().getTime() - start, 60_000, "one real second is a virtual minute at scale 60");
  clock.advance(15 * 60_000);
  assert.equal(clock.now().getTime() - start, 16 * 60_000);
  assert.equal(clock.offsetMs, 15 * 60_000);
});

test("the clock never goes back", () => {
  const clock = new VirtualClock();
  assert.throws(() => clock.advance(-1), /non-negative/);
  assert.throws(() => clock.advance(Number.NaN), /non-negative/);
});
