import { VirtualClock } from "../fabric/clock.js";
import type { Lab } from "./lab-types.js";
import { DEFAULT_VERIFY_AFTER_MINUTES } from "./render-lab.js";

/** When a lab is applied, so its verdicts never depend on the day it runs (association times, facts §3.10). */
export const LAB_APPLIED_AT = new Date("2026-01-01T00:00:00.000Z");

/**
 * When to apply a lab and when to verify it: the verifier must run at `verifyAt` for
 * the lab's expected findings to hold.
 *
 * @example
 * labTimes(requireLab("association-pending")).verifyAt // 2026-01-01T00:05:00.000Z
 */
export function labTimes(lab: Lab): { appliedAt: Date; verifyAt: Date } {
  const minutes = lab.verifyAfterMinutes ?? DEFAULT_VERIFY_AFTER_MINUTES;
  return { appliedAt: LAB_APPLIED_AT, verifyAt: new Date(LAB_APPLIED_AT.getTime() + minutes * 60_000) };
}

/** A virtual clock standing at the lab's apply time, for `createApp({ clock })` before `applyWorld`. */
export function labClock(): VirtualClock {
  const at = LAB_APPLIED_AT.getTime();
  return new VirtualClock(1, () => at);
}
