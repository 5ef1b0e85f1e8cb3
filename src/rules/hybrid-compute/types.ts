/** Microsoft.HybridCompute resource types the rules and the provider share [SPEC-PLS]. */
export const PRIVATE_LINK_SCOPE_TYPE = "Microsoft.HybridCompute/privateLinkScopes";
export const MACHINE_TYPE = "Microsoft.HybridCompute/machines";
export const PRIVATE_ENDPOINT_CONNECTION_TYPE = "Microsoft.HybridCompute/privateLinkScopes/privateEndpointConnections";
