import { resolve } from "node:path";

/**
 * The REST specs the traffic tests validate against, vendored under `test/fixtures/specs/`
 * (from Azure/azure-rest-api-specs, MIT; see its README and SOURCES.md), so a clone passes
 * `npm test` on its own.
 */
export const SPECS_ROOT = resolve(import.meta.dirname, "../fixtures/specs");

/** A spec file under `test/fixtures/specs/specification/`. */
export function specPath(relative: string): string {
  return resolve(SPECS_ROOT, "specification", relative);
}
