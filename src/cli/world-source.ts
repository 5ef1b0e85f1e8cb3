import { existsSync } from "node:fs";
import { join } from "node:path";
import { BASE_WORLD_PATH, findLab, LAB_APPLIED_AT, LABS, labPath, labTimes } from "../labs/index.js";
import { loadWorld, refusalLines, WorldSourceError } from "../system/load-world.js";
import type { World } from "../world/index.js";
import { WorldFileError } from "../world-file/index.js";
import { UsageError } from "./exit-codes.js";

/** Where a command's world comes from: exactly one of these. */
export type CliWorldSource =
  | { kind: "world"; path: string }
  | { kind: "lab"; name: string }
  | { kind: "data"; dir: string };

export interface LoadedCliWorld {
  world: World;
  /** What to show as the source. */
  label: string;
  /** The instant the source suggests evaluating at (a lab's verify time); the CLI's `--at` wins. */
  suggestedNow?: Date;
}

export const DEFAULT_DATA_DIR = ".arclink";

/**
 * Loads a command's world through the system hub's one `loadWorld`: a world file at the
 * fixed apply time (so `verify` and `generate` see the same association times), a lab
 * (`default` is worlds/default.yaml) with its own verify time, or a data directory as it
 * is. Unreadable, malformed and refused sources are usage errors (exit 2).
 *
 * @example
 * const { world } = loadCliWorld({ kind: "lab", name: "no-vpn" });
 */
export function loadCliWorld(source: CliWorldSource): LoadedCliWorld {
  switch (source.kind) {
    case "world":
      return { world: fromFile(source.path), label: source.path };
    case "lab": {
      if (source.name === "default") {
        return { world: fromFile(BASE_WORLD_PATH), label: "lab default (worlds/default.yaml)" };
      }
      const lab = findLab(source.name);
      if (!lab) {
        const names = ["default", ...LABS.map((l) => l.name)].join(", ");
        throw new UsageError(`There is no lab '${source.name}': choose one of ${names}.`);
      }
      return { world: fromFile(labPath(lab.name)), label: `lab ${lab.name}`, suggestedNow: labTimes(lab).verifyAt };
    }
    case "data":
      return { world: usage(() => loadWorld({ kind: "data", dir: source.dir }).snapshot), label: `data ${source.dir}` };
  }
}

function fromFile(path: string): World {
  const { snapshot, report } = usage(() => loadWorld({ kind: "file", path }, { at: LAB_APPLIED_AT }));
  if (report && report.errors.length > 0) {
    const more =
      report.errors.length > 1 ? ` (and ${report.errors.length - 1} more error(s); 'arclink apply' lists them)` : "";
    throw new UsageError(`${refusalLines(path, report, 1)[0]}${more}`);
  }
  return snapshot;
}

function usage<T>(load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (error instanceof WorldSourceError || error instanceof WorldFileError) throw new UsageError(error.message);
    throw error;
  }
}

/** `--before` / `--after` take a world file path, or a lab name when no such file exists. */
export function sourceOf(value: string): CliWorldSource {
  return existsSync(value) ? { kind: "world", path: value } : { kind: "lab", name: value };
}

/**
 * The world of `--world FILE` or `--data DIR`; with neither, `./.arclink` when it holds a
 * database (generators read the live lab by default).
 */
export function worldOrData({ world, data }: { world?: string; data?: string }): CliWorldSource {
  if (world && data) throw new UsageError("Options --world and --data cannot be used together: choose one.");
  if (world) return { kind: "world", path: world };
  if (!data && !existsSync(join(DEFAULT_DATA_DIR, "arclink.db"))) {
    throw new UsageError("No world given: pass --world FILE or --data DIR (./.arclink holds no database).");
  }
  return { kind: "data", dir: data ?? DEFAULT_DATA_DIR };
}
