import { existsSync } from "node:fs";
import { join } from "node:path";
import { createApp } from "../arm/app.js";
import { applyAtLabTime, BASE_WORLD_PATH, findLab, LABS, labClock, labPath, labTimes } from "../labs/index.js";
import { Store } from "../store/index.js";
import type { World } from "../world/world.js";
import { applyWorld } from "../world-file/index.js";
import { readWorldFile } from "./apply.js";
import { UsageError } from "./exit-codes.js";

/** Where a world to verify comes from: exactly one of these. */
export type WorldSource =
  | { kind: "world"; path: string }
  | { kind: "lab"; name: string }
  | { kind: "data"; dir: string };

export interface LoadedWorld {
  world: World;
  /** What to show as the source. */
  label: string;
  /** The instant the source suggests verifying at (a lab's time); the CLI's `--at` wins. */
  suggestedNow?: Date;
}

/**
 * A world file, validated by the same providers and rules as `arclink apply`, applied in
 * memory at the labs' fixed apply time (2026-01-01T00:00Z) so association times never
 * depend on the day it runs. Refused entries are bad input.
 */
async function fromWorldFile(path: string): Promise<World> {
  const entries = readWorldFile(path);
  const store = new Store({ inMemory: true });
  try {
    const report = applyWorld(await createApp({ store, clock: labClock() }), entries);
    if (report.errors.length > 0) {
      const shown = report.errors.slice(0, 5).map((e) => `${path}:${e.line}: ${e.id}: ${e.code}: ${e.message}`);
      throw new UsageError(`The world file '${path}' is not valid:\n${shown.join("\n")}`);
    }
    return store.snapshot();
  } finally {
    store.close();
  }
}

/**
 * Loads the world to verify: `--world FILE`, `--lab NAME` (`default` is worlds/default.yaml;
 * a lab suggests its own verify time), or `--data DIR` (the live state of a data
 * directory, read as it is).
 *
 * @example
 * const { world } = await loadWorld({ kind: "lab", name: "no-vpn" });
 */
export async function loadWorld(source: WorldSource): Promise<LoadedWorld> {
  switch (source.kind) {
    case "world":
      return { world: await fromWorldFile(source.path), label: source.path };
    case "lab": {
      if (source.name === "default") {
        return { world: (await applyAtLabTime(BASE_WORLD_PATH)).world, label: "lab default (worlds/default.yaml)" };
      }
      const lab = findLab(source.name);
      if (!lab) {
        const names = ["default", ...LABS.map((l) => l.name)].join(", ");
        throw new UsageError(`There is no lab '${source.name}': choose one of ${names}.`);
      }
      const { world } = await applyAtLabTime(labPath(lab.name));
      return { world, label: `lab ${lab.name}`, suggestedNow: labTimes(lab).verifyAt };
    }
    case "data": {
      if (!existsSync(join(source.dir, "arclink.db"))) {
        throw new UsageError(
          `There is no arclink data in '${source.dir}': '${join(source.dir, "arclink.db")}' does not exist.`,
        );
      }
      const store = new Store({ dataDir: source.dir });
      try {
        return { world: store.snapshot(), label: `data ${source.dir}` };
      } finally {
        store.close();
      }
    }
  }
}

/**
 * `--before` / `--after` take a world file path, or a lab name when no such file exists.
 */
export function sourceOf(value: string): WorldSource {
  return existsSync(value) ? { kind: "world", path: value } : { kind: "lab", name: value };
}
