import { Command, CommanderError } from "commander";
import { registerAddresses } from "./addresses.js";
import { registerAgent } from "./agent.js";
import { registerApply } from "./apply.js";
import { registerCa } from "./ca.js";
import { registerDns } from "./dns.js";
import { EXIT, UsageError } from "./exit-codes.js";
import { registerExport } from "./export.js";
import { registerGenerate } from "./generate.js";
import { registerImport } from "./import.js";
import { registerLogs } from "./logs.js";
import { registerUp } from "./up.js";
import { registerVerify } from "./verify.js";

/** Every command of `arclink`, in the order `--help` lists them. */
const COMMANDS: readonly ((program: Command) => void)[] = [
  registerUp,
  registerApply,
  registerExport,
  registerGenerate,
  registerVerify,
  registerImport,
  registerCa,
  registerAddresses,
  registerDns,
  registerLogs,
  registerAgent,
];

export function buildProgram(): Command {
  const program = new Command("arclink")
    .description("Azure Arc private link, whole and working, on one machine")
    .version("0.1.0")
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  for (const register of COMMANDS) register(program);
  for (const cmd of program.commands) cmd.exitOverride();
  return program;
}

/** Runs the CLI; every failure is one line on stderr and a non-zero exit code. */
export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv, { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) process.exit(0);
      process.exit(EXIT.BAD_INPUT);
    }
    if (error instanceof UsageError) {
      process.stderr.write(`arclink: ${error.message}\n`);
      process.exit(error.exitCode);
    }
    process.stderr.write(`arclink: ${(error as Error).message ?? String(error)}\n`);
    process.exit(EXIT.FAILURE);
  }
}

const invokedDirectly = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/"));
if (invokedDirectly) await main(process.argv.slice(2));
