/**
 * The AZCM error codes arclink's agent uses, with azcmagent's documented probable cause
 * [DOC-AZCM troubleshooting "Agent error codes"]. The process exits with the code's number
 * ("Agent exit codes": AZCM0026 → 26). One catalogue (STYLE.md §11); docs/agent.md lists
 * the same codes and a test checks both ways. A code is never reused.
 */
export const AZCM_CODES = {
  AZCM0000: "The action was successful",
  AZCM0003: "The requested operation isn't supported",
  AZCM0016: "Missing mandatory parameter",
  AZCM0020: "An unknown region was specified",
  AZCM0023: "The value provided for a parameter (argument) is invalid",
  AZCM0026: "There's an error in network configuration or some critical services are temporarily unavailable",
  AZCM0041: "The credentials supplied are invalid",
  AZCM0042: "Creation of the Azure Arc-enabled server resource failed",
  AZCM0043: "Deletion of the Azure Arc-enabled server resource failed",
  AZCM0044: "A resource with the same name already exists",
  AZCM0063: "An error occurred while disconnecting the server",
  AZCM0067: "The machine is already connected to Azure",
  AZCM0069: "An error occurred while completing the local configuration update",
  AZCM0081: "An error occurred while downloading the Microsoft Entra managed identity certificate",
} as const;

export type AzcmCode = keyof typeof AZCM_CODES;

/** The process exit code of an AZCM code: its number [DOC-AZCM "Agent exit codes"]. */
export const exitCodeOf = (code: AzcmCode): number => Number.parseInt(code.slice(4), 10);

/**
 * A failure of an agent command: azcmagent prints `CODE: message` and exits with the
 * code's number.
 *
 * @example
 * throw new AzcmError("AZCM0016", "Missing mandatory parameter: --location");
 */
export class AzcmError extends Error {
  readonly exitCode: number;
  constructor(
    readonly code: AzcmCode,
    message: string,
  ) {
    super(message);
    this.name = "AzcmError";
    this.exitCode = exitCodeOf(code);
  }
  /** The line azcmagent prints. */
  line(): string {
    return `${this.code}: ${this.message}`;
  }
}
