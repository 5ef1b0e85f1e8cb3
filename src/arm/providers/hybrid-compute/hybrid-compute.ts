import type { Provider } from "../provider.js";
import { HYBRID_COMPUTE_API_VERSIONS } from "./api-versions.js";
import { machines } from "./machines.js";
import { privateEndpointConnections } from "./private-endpoint-connections.js";
import { privateLinkResources } from "./private-link-resources.js";
import { privateLinkScopes } from "./private-link-scopes.js";
import { locationValidationDetails, machineValidationDetails } from "./validation-details.js";

/**
 * `Microsoft.HybridCompute`: Arc private link scopes, their private endpoint
 * connections and private link resources, the two validation-details lookups, and
 * Arc-enabled machines [SPEC-PLS, SPEC-HC26, facts §2].
 */
export const hybridComputeProvider: Provider = {
  namespace: "Microsoft.HybridCompute",
  apiVersions: HYBRID_COMPUTE_API_VERSIONS,
  types: [
    privateLinkScopes,
    privateEndpointConnections,
    privateLinkResources,
    locationValidationDetails,
    machineValidationDetails,
    machines,
  ],
};
