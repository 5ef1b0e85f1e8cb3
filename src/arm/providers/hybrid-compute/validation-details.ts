import { ArmError } from "../../../rules/errors.js";
import { asScopeId, MACHINE_TYPE, PRIVATE_LINK_SCOPE_TYPE } from "../../../rules/hybrid-compute/index.js";
import { type ArmId, findRegion, parentId, type Resource, type World } from "../../../world/index.js";
import type { TypeHandler } from "../provider.js";
import { connectionDetails } from "./connection-details.js";

/** `PrivateLinkScopeValidationDetails` of a scope [SPEC-PLS, facts §2.4]. */
export function validationDetails(world: World, scope: Resource): Record<string, unknown> {
  return {
    id: scope.id,
    publicNetworkAccess: scope.properties.publicNetworkAccess ?? "Disabled",
    connectionDetails: connectionDetails(world, scope.id),
  };
}

/**
 * `GET /subscriptions/{s}/providers/Microsoft.HybridCompute/locations/{location}/privateLinkScopes/{privateLinkScopeId}`
 * (PrivateLinkScopes_GetValidationDetails): the scope is found by its GUID
 * `properties.privateLinkScopeId`, not its name. The location must be a region; the
 * spec's example passes one unrelated to the scope (`wus2`), so it is not matched
 * against the scope's location.
 */
export const locationValidationDetails: TypeHandler = {
  type: "Microsoft.HybridCompute/locations/privateLinkScopes",
  kind: "virtual",
  get(ctx, id: ArmId) {
    if (!findRegion(id.names[0])) {
      throw new ArmError("LocationNotAvailableForResourceType", `The location '${id.names[0]}' is not a known region.`);
    }
    const guid = id.name.toLowerCase();
    const scope = ctx.world
      .ofType(PRIVATE_LINK_SCOPE_TYPE)
      .find(
        (s) =>
          s.id.toLowerCase().startsWith(`/subscriptions/${id.subscriptionId.toLowerCase()}/`) &&
          String(s.properties.privateLinkScopeId ?? "").toLowerCase() === guid,
      );
    if (!scope) {
      throw new ArmError(
        "ResourceNotFound",
        `No private link scope with privateLinkScopeId '${id.name}' was found in subscription '${id.subscriptionId}'.`,
      );
    }
    return validationDetails(ctx.world, scope);
  },
};

/**
 * `GET .../machines/{machineName}/privateLinkScopes/current`
 * (PrivateLinkScopes_GetValidationDetailsForMachine): the details of the scope the
 * machine is associated with.
 */
export const machineValidationDetails: TypeHandler = {
  type: "Microsoft.HybridCompute/machines/privateLinkScopes",
  kind: "virtual",
  get(ctx, id: ArmId) {
    if (id.name.toLowerCase() !== "current") return undefined;
    const machineId = parentId(id);
    const machine = machineId ? ctx.world.get(machineId) : undefined;
    if (!machine || machine.type.toLowerCase() !== MACHINE_TYPE.toLowerCase()) return undefined;
    const scopeId = asScopeId(machine.properties.privateLinkScopeResourceId);
    const scope = scopeId ? ctx.world.get(scopeId) : undefined;
    if (!scope) {
      throw new ArmError(
        "ResourceNotFound",
        scopeId
          ? `The private link scope '${scopeId}' of machine '${machine.name}' was not found.`
          : `Machine '${machine.name}' is not associated with a private link scope.`,
      );
    }
    return validationDetails(ctx.world, scope);
  },
};
