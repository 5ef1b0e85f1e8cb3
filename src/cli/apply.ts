import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { DEFAULT_SUBSCRIPTION_ID, openSystem } from "../system/index.js";
import { type ApplyReport, parseWorld, WorldFileError } from "../world-file/index.js";
import { EXIT, UsageError } from "./exit-codes.js";
import { adminRequest, runningServer } from "./server-record.js";

/** Reads and parses a world file; unreadable or malformed files are one-line usage errors. */
export function readWorldFile(path: string) {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new UsageError(
      `Cannot read world file '${path}': ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`,
    );
  }
  try {
    return parseWorld(text, path, DEFAULT_SUBSCRIPTION_ID);
  } catch (error) {
    if (error instanceof WorldFileError) throw new UsageError(error.message);
    throw error;
  }
}

/** Prints an apply report; returns the exit code. */
export function printReport(report: ApplyReport, path: string, json: boolean): number {
  if (json) process.stdout.write(`${JSON.stringify(report)}\n`);
  if (report.errors.length === 0) {
    if (!json) process.stdout.write(`Applied ${report.applied} resources from ${path}.\n`);
    return EXIT.OK;
  }
  if (!json) {
    for (const e of report.errors) process.stderr.write(`${path}:${e.line}: ${e.id}: ${e.code}: ${e.message}\n`);
    process.stderr.write(`arclink: nothing was applied: ${report.errors.length} resource(s) failed.\n`);
  }
  return EXIT.BAD_INPUT;
}

/** `arclink apply FILE`: validates and applies a world file, all or nothing. */
export function registerApply(program: Command): void {
  program
    .command("apply")
    .description("apply a world file (YAML or JSON list of resources) through the ARM handlers, all or nothing")
    .argument("<file>", "world file")
    .option("--data <dir>", "data directory (a running server of it applies the file itself)", ".arclink")
    .option("--json", "print the report as JSON")
    .action(async (file: string, opts: { data: string; json?: boolean }) => {
      const entries = readWorldFile(file);
      const server = runningServer(opts.data);
      let report: ApplyReport;
      if (server) {
        const res = await adminRequest(server, "POST", "/_arclink/apply", { resources: entries });
        report = res.body as ApplyReport;
      } else {
        const system = openSystem({ data: opts.data });
        try {
          report = system.apply(entries);
        } finally {
          system.close();
        }
      }
      process.exitCode = printReport(report, file, opts.json ?? false);
    });
}
