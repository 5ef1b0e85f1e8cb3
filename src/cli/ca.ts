import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { Command } from "commander";
import { caPath } from "../pki/index.js";
import { UsageError } from "./exit-codes.js";

/** `arclink ca path`: prints the CA certificate of a data directory. */
export function registerCa(program: Command): void {
  const ca = program.command("ca").description("the local certificate authority");
  ca.command("path")
    .description("print the path of the CA certificate clients must trust")
    .option("--data <dir>", "data directory", ".arclink")
    .action((opts: { data: string }) => {
      const path = caPath(resolve(opts.data));
      if (!existsSync(path)) {
        throw new UsageError(
          `No CA in '${resolve(opts.data)}' yet: run 'arclink up --data ${opts.data}' once to create it.`,
        );
      }
      process.stdout.write(`${path}\n`);
    });
}
