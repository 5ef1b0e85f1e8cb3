import { resolve } from "node:path";

/**
 * `shared/reference/` (the REST specs and the facts file) sits beside the repository, on
 * developers' machines and in CI alike.
 */
export const REFERENCE = resolve(import.meta.dirname, "../../../shared/reference");

/** A spec file under `shared/reference/azure-rest-api-specs/specification/`. */
export function specPath(relative: string): string {
  return resolve(REFERENCE, "azure-rest-api-specs/specification", relative);
}
