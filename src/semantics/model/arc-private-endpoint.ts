import { parseId } from "../../world/arm-id.js";
import type { World } from "../../world/world.js";
import { SCOPE_TYPE } from "./hybrid-compute.js";
import { readPrivateEndpoint } from "./network.js";

/**
 * The Arc private link scope a private endpoint connects to: its first
 * `privateLinkServiceConnections[].privateLinkServiceId` that is a
 * `Microsoft.HybridCompute/privateLinkScopes` id [SPEC-PLS]; undefined for an endpoint
 * to anything else, or no endpoint. The one test of "is this an Arc private endpoint".
 *
 * @example
 * arcScopeOf(world, peId) // "/subscriptions/…/providers/Microsoft.HybridCompute/privateLinkScopes/scope1"
 */
export function arcScopeOf(world: World, privateEndpointId: string): string | undefined {
  const pe = readPrivateEndpoint(world, privateEndpointId);
  return pe?.privateLinkServiceIds.find(isArcScopeId);
}

/** Whether an id names an Arc private link scope. */
export function isArcScopeId(id: string): boolean {
  return parseId(id)?.type.toLowerCase() === SCOPE_TYPE.toLowerCase();
}
