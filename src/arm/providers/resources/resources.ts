import type { Provider } from "../provider.js";
import { resourceGroups } from "./resource-groups.js";

/** `Microsoft.Resources`: resource groups (subscriptions and tenants are served by the front). */
export const resourcesProvider: Provider = {
  namespace: "Microsoft.Resources",
  // JS SDK @azure/arm-resources 8.0.0 sends 2025-04-01; Azure CLI 2.45 sends 2021-04-01 [facts §1].
  apiVersions: [
    "2019-10-01",
    "2020-06-01",
    "2020-10-01",
    "2021-01-01",
    "2021-04-01",
    "2022-09-01",
    "2023-07-01",
    "2024-03-01",
    "2024-07-01",
    "2024-11-01",
    "2025-01-01",
    "2025-03-01",
    "2025-04-01",
  ],
  types: [resourceGroups],
};
