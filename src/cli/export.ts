import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { openSystem } from "../system/index.js";
import { exportWorld, formatWorld } from "../world-file/index.js";
import { UsageError } from "./exit-codes.js";

/** `arclink export`: writes the current world as a file `arclink apply` accepts. */
export function registerExport(program: Command): void {
  program
    .command("export")
    .description("write the current world as a world file")
    .option("--data <dir>", "data directory", ".arclink")
    .option("--format <format>", "yaml or json", "yaml")
    .option("--out <file>", "write to a file instead of stdout")
    .action(async (opts: { data: string; format: string; out?: string }) => {
      if (opts.format !== "yaml" && opts.format !== "json") {
        throw new UsageError(`Invalid value for --format: '${opts.format}'. Expected 'yaml' or 'json'.`);
      }
      // SQLite in WAL mode lets this read while a server writes.
      const system = openSystem({ data: opts.data });
      try {
        const text = formatWorld(exportWorld(system.snapshot(), system.env.registry), opts.format);
        if (opts.out) writeFileSync(opts.out, text);
        else process.stdout.write(text);
      } finally {
        system.close();
      }
    });
}
