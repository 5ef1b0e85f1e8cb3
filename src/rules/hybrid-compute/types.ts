import { RESOURCE_TYPES } from "../../world/resource-types.js";
/** Microsoft.HybridCompute resource types the rules and the provider share [SPEC-PLS]. */
export const PRIVATE_LINK_SCOPE_TYPE = RESOURCE_TYPES.privateLinkScope;
export const MACHINE_TYPE = RESOURCE_TYPES.machine;
export const PRIVATE_ENDPOINT_CONNECTION_TYPE = RESOURCE_TYPES.privateEndpointConnection;
