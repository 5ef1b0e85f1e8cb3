import { existsSync } from "node:fs";
import { join } from "node:path";
import { createApp } from "../arm/app.js";
import { Store } from "../store/index.js";
import type { World } from "../world/index.js";
import { applyWorld } from "../world-file/index.js";
import { readWorldFile } from "./apply.js";
import { UsageError } from "./exit-codes.js";

export interface WorldSource {
  world?: string;
  data?: string;
}

export const DEFAULT_DATA_DIR = ".arclink";

/**
 * The world a generator reads: a world file applied through the ARM handlers into an
 * in-memory store (so it is validated exactly as `arclink apply` validates it), or the
 * store of a data directory, read as it is (WAL lets this run beside a server). With
 * neither, `./.arclink` when it holds a database.
 */
export async function loadWorld({ world, data }: WorldSource): Promise<World> {
  if (world && data) throw new UsageError("Options --world and --data cannot be used together: choose one.");
  if (world) return applyWorldFile(world);
  const dir = data ?? DEFAULT_DATA_DIR;
  if (!existsSync(join(dir, "arclink.db"))) {
    throw new UsageError(
      data
        ? `Data directory '${data}' holds no arclink database (arclink.db).`
        : "No world given: pass --world FILE or --data DIR (./.arclink holds no database).",
    );
  }
  const store = new Store({ dataDir: dir });
  try {
    return store.snapshot();
  } finally {
    store.close();
  }
}

async function applyWorldFile(path: string): Promise<World> {
  const entries = readWorldFile(path);
  const store = new Store({ inMemory: true });
  try {
    const report = applyWorld(await createApp({ store }), entries);
    const first = report.errors[0];
    if (first) {
      const more =
        report.errors.length > 1 ? ` (and ${report.errors.length - 1} more error(s); 'arclink apply' lists them)` : "";
      throw new UsageError(`${path}:${first.line}: ${first.id}: ${first.code}: ${first.message}${more}`);
    }
    return store.snapshot();
  } finally {
    store.close();
  }
}
