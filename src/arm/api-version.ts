import { ArmError } from "../rules/errors.js";

/**
 * ARM's api-version policy: the query parameter is required, and only the versions a
 * type supports are accepted (facts §1). Preview versions sort after their date.
 */
export function checkApiVersion(given: string | null, supported: readonly string[], what: string): string {
  if (!given) {
    throw new ArmError(
      "MissingApiVersionParameter",
      "The api-version query parameter (?api-version=) is required for all requests.",
    );
  }
  const match = supported.find((v) => v.toLowerCase() === given.toLowerCase());
  if (!match) {
    throw new ArmError(
      "InvalidApiVersionParameter",
      `The api-version '${given}' is invalid for ${what}. The supported versions are '${supported.join(",")}'.`,
      "api-version",
    );
  }
  return match;
}

/** Newest first; used where a client asks for "the latest" (provider listings). */
export function sortVersionsDesc(versions: readonly string[]): string[] {
  return [...versions].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
}
