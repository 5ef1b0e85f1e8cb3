export * from "./body.js";
export * from "./constants.js";
export { privateDnsTypes } from "./private-dns-types.js";
export * from "./record-data.js";
export { allRecordSets, recordSetFqdn, recordSetHandler, recordSetHandlers, renderRecordSet } from "./record-sets.js";
export { virtualNetworkLinks } from "./virtual-network-links.js";
export { checkZoneName, RESERVED_ZONE_NAMES } from "./zone-name.js";
export { privateDnsZones, recordSetsOf, zoneIdOf } from "./zones.js";
