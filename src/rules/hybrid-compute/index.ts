export { asScopeId, associationChanged, associationOf } from "./association.js";
export { machineScopeReference } from "./machine-scope-reference.js";
export { machineScopeRegion } from "./machine-scope-region.js";
export { MACHINE_NAME, SCOPE_NAME } from "./names.js";
export { MACHINE_TYPE, PRIVATE_ENDPOINT_CONNECTION_TYPE, PRIVATE_LINK_SCOPE_TYPE } from "./types.js";
