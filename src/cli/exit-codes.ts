/** The `arclink` command's exit codes; docs/cli.md lists the same. */
export const EXIT = {
  /** Success (for `verify`: no finding of error severity). */
  OK: 0,
  /** The command ran and found problems (for `verify`: findings of error severity). */
  FINDINGS: 1,
  /** Bad input: unknown flag, bad value, unreadable or invalid file. Nothing was changed. */
  BAD_INPUT: 2,
  /** The system could not start or a server could not be reached. */
  FAILURE: 3,
} as const;

/** An error the CLI reports as one line with the BAD_INPUT exit code. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.BAD_INPUT,
  ) {
    super(message);
    this.name = "UsageError";
  }
}
