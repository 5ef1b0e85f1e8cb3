/**
 * Every Microsoft.HybridCompute api-version the front accepts [facts §1, HC-README]:
 * the stable ones of the spec repository, the 2024-03-31-preview the `connectedmachine`
 * CLI extension sends [CLI-EXT], and 2021-05-20, which `@azure/arm-hybridcompute@3.0.0`
 * sends [JS-HC].
 */
export const HYBRID_COMPUTE_API_VERSIONS: readonly string[] = [
  "2019-12-12",
  "2020-08-02",
  "2021-05-20",
  "2022-03-10",
  "2022-11-10",
  "2022-12-27",
  "2024-03-31-preview",
  "2024-07-10",
  "2025-01-13",
  "2026-07-15",
  "2026-09-01",
];

/** The first api-version with `properties.serviceExtensions` on a scope [SPEC-HC26, PY-CL]. */
export const SERVICE_EXTENSIONS_SINCE = "2026-07-15";

/** Whether an api-version (a preview sorts by its date) is at or after `since`. */
export function apiVersionAtLeast(apiVersion: string, since: string): boolean {
  return apiVersion.slice(0, 10) >= since;
}
