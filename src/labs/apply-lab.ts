import { loadWorld, refusalLines } from "../system/load-world.js";
import type { World } from "../world/index.js";
import type { ApplyReport } from "../world-file/index.js";
import { labPath, requireLab } from "./catalog.js";
import { LAB_APPLIED_AT, labTimes } from "./lab-clock.js";
import type { Lab } from "./lab-types.js";

export interface AppliedLab {
  lab: Lab;
  /** The world as the ARM handlers stored it (addresses allocated, records written). */
  world: World;
  /** When to verify it: the lab's expected findings hold at this time. */
  now: Date;
  report: ApplyReport;
}

/**
 * Applies a world file through the system hub at the labs' fixed apply time
 * (`LAB_APPLIED_AT`), exactly as `arclink apply` would; throws when the file is refused.
 */
export async function applyAtLabTime(path: string): Promise<{ world: World; report: ApplyReport }> {
  const { snapshot, report } = loadWorld({ kind: "file", path }, { at: LAB_APPLIED_AT });
  if (report && report.errors.length > 0) {
    throw new Error(`'${path}' is not a valid world: ${refusalLines(path, report, 1)[0]}`);
  }
  return { world: snapshot, report: report ?? { applied: 0, errors: [] } };
}

/** Applies world-file text at the labs' apply time and returns the report, refused or not. */
export async function tryApplyAtLabTime(text: string, path: string): Promise<{ world: World; report: ApplyReport }> {
  const { snapshot, report } = loadWorld({ kind: "text", text, path }, { at: LAB_APPLIED_AT });
  return { world: snapshot, report: report ?? { applied: 0, errors: [] } };
}

/**
 * A lab's world as stored after `arclink apply`, and the time to verify it at.
 *
 * @example
 * const { world, now } = await applyLab("no-vpn");
 * // verify(world, now) reports ARC-DNS-FAILED and ARC-NET-NO-ROUTE
 */
export async function applyLab(name: string): Promise<AppliedLab> {
  const lab = requireLab(name);
  const { world, report } = await applyAtLabTime(labPath(name));
  return { lab, world, now: labTimes(lab).verifyAt, report };
}

/** When the default world is verified in the conformance test: as long after applying as a lab is. */
export function defaultWorldVerifyAt(): Date {
  return new Date(LAB_APPLIED_AT.getTime() + 60 * 60_000);
}
