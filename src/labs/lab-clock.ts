import { VirtualClock } from "../fabric/clock.js";
import { WORLD_FILE_APPLIED_AT } from "../system/load-world.js";
import type { Lab } from "./lab-types.js";
import { DEFAULT_VERIFY_AFTER_MINUTES } from "./render-lab.js";

/** When a lab is applied, so its verdicts never depend on the day it runs (association times, facts §3.10). */
export const LAB_APPLIED_AT = WORLD_FILE_APPLIED_AT;

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

/** A virtual clock standing at the lab's apply time, for `openSystem({ clock })`. */
export function labClock(): VirtualClock {
  return VirtualClock.fixed(LAB_APPLIED_AT);
}
