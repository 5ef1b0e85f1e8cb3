import type { TypeHandler } from "../provider.js";
import { allRecordSets, recordSetHandlers } from "./record-sets.js";
import { virtualNetworkLinks } from "./virtual-network-links.js";
import { privateDnsZones } from "./zones.js";

/**
 * The private DNS types of `Microsoft.Network`, each with its own api-versions; the
 * network provider includes them in its `types`.
 */
export const privateDnsTypes: TypeHandler[] = [
  privateDnsZones,
  ...recordSetHandlers,
  allRecordSets,
  virtualNetworkLinks,
];
