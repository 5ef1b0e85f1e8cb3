export { apiVersionAtLeast, HYBRID_COMPUTE_API_VERSIONS, SERVICE_EXTENSIONS_SINCE } from "./api-versions.js";
export { connectionDetails } from "./connection-details.js";
export { hybridComputeProvider } from "./hybrid-compute.js";
export { machines } from "./machines.js";
export { connectionView, privateEndpointConnections } from "./private-endpoint-connections.js";
export {
  CONNECTION_STATUSES,
  type ConnectionStatus,
  HYBRID_COMPUTE_GROUP_ID,
  HYBRID_COMPUTE_REQUIRED_MEMBERS,
  HYBRID_COMPUTE_ZONE_NAMES,
} from "./private-link-group.js";
export { privateLinkResources } from "./private-link-resources.js";
export { privateLinkScopes, scopeConnections, scopeView } from "./private-link-scopes.js";
export { buildScopeConnection, type ScopeConnectionInput } from "./scope-connection.js";
export { locationValidationDetails, machineValidationDetails, validationDetails } from "./validation-details.js";
