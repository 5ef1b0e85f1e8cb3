import { PRIVATE_ENDPOINT_CONNECTION_TYPE } from "../../../rules/hybrid-compute/index.js";
import { childId, type Resource } from "../../../world/index.js";
import { type ConnectionStatus, HYBRID_COMPUTE_GROUP_ID } from "./private-link-group.js";

export interface ScopeConnectionInput {
  /** ARM id of the `Microsoft.HybridCompute/privateLinkScopes` the endpoint connects to. */
  scopeId: string;
  /** ARM id of the `Microsoft.Network/privateEndpoints` resource. */
  privateEndpointId: string;
  /** Name of the connection resource under the scope. */
  name: string;
  /** `Approved` for an auto-approved connection, `Pending` for a manual one. */
  status: ConnectionStatus;
  /** Default: `Auto-approved` when Approved, else empty (the PE's request message belongs here). */
  description?: string;
  /** Reported as `linkIdentifier` in the scope's validation details. */
  linkIdentifier?: string;
}

/**
 * Builds the `privateLinkScopes/privateEndpointConnections` child resource that
 * creating a private endpoint to a scope makes (the Microsoft.Network provider puts it
 * as an effect of the PE write). Pure: no ids are minted, no clock is read.
 *
 * @example
 * buildScopeConnection({ scopeId, privateEndpointId: peId, name: "pe1.conn", status: "Approved" })
 * // → { id: `${scopeId}/privateEndpointConnections/pe1.conn`, type: "Microsoft.HybridCompute/privateLinkScopes/privateEndpointConnections", properties: {…} }
 */
export function buildScopeConnection(input: ScopeConnectionInput): Resource {
  return {
    id: childId(input.scopeId, "privateEndpointConnections", input.name),
    name: input.name,
    type: PRIVATE_ENDPOINT_CONNECTION_TYPE,
    properties: {
      privateEndpoint: { id: input.privateEndpointId },
      privateLinkServiceConnectionState: {
        status: input.status,
        description: input.description ?? (input.status === "Approved" ? "Auto-approved" : ""),
        actionsRequired: "None",
      },
      groupIds: [HYBRID_COMPUTE_GROUP_ID],
      provisioningState: "Succeeded",
    },
    ...(input.linkIdentifier ? { internal: { linkIdentifier: input.linkIdentifier } } : {}),
  };
}
