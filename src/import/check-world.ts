import { labClock } from "../labs/index.js";
import { openSystem } from "../system/index.js";
import type { World } from "../world/world.js";
import type { WorldEntry } from "../world-file/index.js";
import type { ImportLog } from "./import-log.js";
import type { ImportedEntry } from "./imported-entry.js";

export interface CheckedWorld {
  entries: ImportedEntry[];
  world: World;
}

/**
 * Applies the imported entries in memory through the same providers and rules as
 * `arclink apply` (at the labs' apply time, as `verify --world` does). An entry the rules
 * refuse is set aside with the ARM error, with what depends on it, and the rest is applied
 * again, so the world written is one `verify --world` accepts.
 *
 * @example
 * const { world, entries } = await checkWorld(built.entries, built.log);
 */
export async function checkWorld(input: ImportedEntry[], log: ImportLog): Promise<CheckedWorld> {
  let entries = input;
  for (let round = 0; ; round++) {
    const system = openSystem({ memory: true, clock: labClock() });
    try {
      const worldEntries: WorldEntry[] = entries.map((e, i) => ({ id: e.id, body: e.body, line: i + 1 }));
      const report = system.apply(worldEntries);
      if (report.errors.length === 0 || round >= 4) {
        if (report.errors.length > 0)
          throw new Error(
            `The imported world still has ${report.errors.length} refused resource(s) after ${round + 1} rounds.`,
          );
        return { entries, world: system.snapshot() };
      }
      const refused = new Set(report.errors.map((e) => e.line - 1));
      for (const e of report.errors) {
        const entry = entries[e.line - 1];
        const message =
          e.code === "DependencyFailed" ? "it depends on a resource that was refused" : `${e.code}: ${e.message}`;
        log.aside(entry.file, entry.line, entry.id, `refused by arclink's rules: ${message}`);
      }
      entries = entries.filter((_e, i) => !refused.has(i));
    } finally {
      system.close();
    }
  }
}
