/**
 * Microsoft.Network api-versions accepted for the types of this provider [facts §1]:
 * `@azure/arm-network` 39.0.0 sends 2026-01-01; Azure CLI 2.45 sends 2022-01-01; the
 * built-in Arc DNS policy deploys zone groups with 2020-03-01 [POL-DNS]; the stable
 * versions in between are the folders of the Network spec (readme tags).
 */
export const NETWORK_API_VERSIONS: readonly string[] = [
  "2020-03-01",
  "2020-04-01",
  "2020-05-01",
  "2020-06-01",
  "2020-07-01",
  "2020-08-01",
  "2020-11-01",
  "2021-02-01",
  "2021-03-01",
  "2021-05-01",
  "2021-08-01",
  "2022-01-01",
  "2022-05-01",
  "2022-07-01",
  "2022-09-01",
  "2022-11-01",
  "2023-02-01",
  "2023-04-01",
  "2023-05-01",
  "2023-06-01",
  "2023-09-01",
  "2023-11-01",
  "2024-01-01",
  "2024-03-01",
  "2024-05-01",
  "2024-07-01",
  "2024-10-01",
  "2025-01-01",
  "2025-03-01",
  "2025-05-01",
  "2025-07-01",
  "2025-09-01",
  "2026-01-01",
];
