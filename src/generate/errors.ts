/**
 * The generators' error catalogue. A generator throws a GenerateError for bad input
 * (an unknown resource, an option out of range, a world that cannot give what was
 * asked); the CLI prints its message as one line and exits with BAD_INPUT (2).
 * A code is never reused; README.md lists the same codes.
 */
export const GENERATE_ERRORS = {
  /** No resource of the expected type has that id or name. */
  NotFound: "GenerateNotFound",
  /** A name matches several resources: give the full id. */
  Ambiguous: "GenerateAmbiguous",
  /** An option is missing, unknown or malformed (format, mode, OS, address, tag). */
  InvalidOption: "GenerateInvalidOption",
  /** The private endpoint does not connect to a `Microsoft.HybridCompute/privateLinkScopes`. */
  NotArcEndpoint: "GenerateNotArcEndpoint",
  /** The world lacks what the output needs (no private endpoint, no Arc names, no resolver). */
  NothingToGenerate: "GenerateNothingToGenerate",
  /** A host that is not (yet) associated with a scope, and no scope or endpoint was given. */
  NotAssociated: "GenerateNotAssociated",
  /** A forwarding target on-premises must never be Azure's 168.63.129.16 [DOC-PEDNS]. */
  ForbiddenTarget: "GenerateForbiddenTarget",
  /** Machine and scope must be in the same region [DOC-PL, facts §3.3]. */
  RegionMismatch: "GenerateRegionMismatch",
  /** A service tags file that is not in the download (or API) shape. */
  InvalidServiceTags: "GenerateInvalidServiceTags",
} as const;

export type GenerateErrorCode = (typeof GENERATE_ERRORS)[keyof typeof GENERATE_ERRORS];

/**
 * Bad input to a generator: a catalogued code and a sentence-case message naming the
 * value and the state found.
 *
 * @example
 * throw new GenerateError(GENERATE_ERRORS.NotFound, "Private endpoint 'pe1' is not in the world.");
 */
export class GenerateError extends Error {
  constructor(
    readonly code: GenerateErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "GenerateError";
  }
}

/** Throws InvalidOption unless `value` is one of `allowed`. */
export function oneOf<T extends string>(option: string, value: string | undefined, allowed: readonly T[]): T {
  const found = allowed.find((a) => a === value?.toLowerCase());
  if (!found) {
    throw new GenerateError(
      GENERATE_ERRORS.InvalidOption,
      `Invalid value for ${option}: '${value ?? ""}'. Expected one of: ${allowed.join(", ")}.`,
    );
  }
  return found;
}
