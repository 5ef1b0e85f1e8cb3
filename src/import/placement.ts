import type { TemplatePlacement } from "./azure/arm-template.js";

/** The local tenant's subscription (docs/world-files.md). */
export const LOCAL_SUBSCRIPTION_ID = "00000000-0000-0000-0000-000000000000";

/** Where an ARM template's resources go unless the site file or flags say (a template names no resource group). */
export const armTemplatePlacementDefault: TemplatePlacement = {
  subscriptionId: LOCAL_SUBSCRIPTION_ID,
  resourceGroup: "imported",
  location: "westeurope",
};
