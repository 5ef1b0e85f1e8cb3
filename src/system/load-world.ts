import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { VirtualClock } from "../fabric/clock.js";
import { Store } from "../store/index.js";
import type { Catalog, SnapshotWorld } from "../world/index.js";
import { type ApplyReport, parseWorld } from "../world-file/index.js";
import { catalogFromEnvironment, DEFAULT_SUBSCRIPTION_ID, openSystem } from "./system.js";

/**
 * When a world file is applied outside a running lab (`verify --world`, `generate --world`,
 * the labs, `import --verify`): one fixed instant, so association times (facts §3.10) and
 * every verdict that depends on them never depend on the day it runs.
 */
export const WORLD_FILE_APPLIED_AT = new Date("2026-01-01T00:00:00.000Z");

/** Where a world comes from: a world file, world-file text, or a data directory's store. */
export type WorldSource =
  | { kind: "file"; path: string }
  | { kind: "text"; text: string; path: string }
  | { kind: "data"; dir: string };

export interface LoadedWorld {
  /** The world as the engine stored it (addresses allocated, records written); empty when refused. */
  snapshot: SnapshotWorld;
  /** What a world file's apply reported; undefined for a data directory. */
  report?: ApplyReport;
  /** When a world file was applied (`WORLD_FILE_APPLIED_AT` unless `at` was given). */
  appliedAt?: Date;
}

/** A world source that cannot be read: a missing file or data directory, or a malformed file. */
export class WorldSourceError extends Error {}

/**
 * The one way to load a world. A world file goes through the same engine and rules as
 * `arclink apply`, into an in-memory system hub on a clock standing at `at` (default
 * `WORLD_FILE_APPLIED_AT`); a data directory is read as it is (WAL lets this run beside
 * a server). A refused file gives an empty snapshot and the report; parse errors throw.
 *
 * @example
 * const { snapshot, report } = loadWorld({ kind: "file", path: "worlds/default.yaml" });
 */
export function loadWorld(
  source: WorldSource,
  { at = WORLD_FILE_APPLIED_AT, catalog = catalogFromEnvironment() }: { at?: Date; catalog?: Catalog } = {},
): LoadedWorld {
  if (source.kind === "data") {
    if (!existsSync(join(source.dir, "arclink.db"))) {
      throw new WorldSourceError(
        `There is no arclink data in '${source.dir}': '${join(source.dir, "arclink.db")}' does not exist.`,
      );
    }
    const store = new Store({ dataDir: source.dir });
    try {
      return { snapshot: store.setCatalog(catalog) };
    } finally {
      store.close();
    }
  }
  const text = source.kind === "text" ? source.text : readWorldText(source.path);
  const entries = parseWorld(text, source.path, DEFAULT_SUBSCRIPTION_ID);
  const system = openSystem({ memory: true, clock: VirtualClock.fixed(at), catalog });
  try {
    const report = system.apply(entries);
    return { snapshot: system.snapshot(), report, appliedAt: at };
  } finally {
    system.close();
  }
}

function readWorldText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new WorldSourceError(
      `Cannot read world file '${path}': ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`,
    );
  }
}

/** The first errors of a refused world, one `file:line: id: code: message` line each. */
export function refusalLines(path: string, report: ApplyReport, max = 5): string[] {
  const lines = report.errors.slice(0, max).map((e) => `${path}:${e.line}: ${e.id}: ${e.code}: ${e.message}`);
  if (report.errors.length > max)
    lines.push(`… and ${report.errors.length - max} more error(s); 'arclink apply' lists them.`);
  return lines;
}
