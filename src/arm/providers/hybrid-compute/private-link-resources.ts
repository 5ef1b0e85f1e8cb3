import { PRIVATE_LINK_SCOPE_TYPE } from "../../../rules/hybrid-compute/index.js";
import { type ArmId, childId, parentId, type World } from "../../../world/index.js";
import { RESOURCE_TYPES } from "../../../world/resource-types.js";
import type { TypeHandler } from "../provider.js";
import {
  HYBRID_COMPUTE_GROUP_ID,
  HYBRID_COMPUTE_REQUIRED_MEMBERS,
  HYBRID_COMPUTE_ZONE_NAMES,
} from "./private-link-group.js";

const TYPE = RESOURCE_TYPES.privateLinkResource;

function resourceFor(world: World, scopeId: string): Record<string, unknown> | undefined {
  const scope = world.get(scopeId);
  if (!scope || scope.type.toLowerCase() !== PRIVATE_LINK_SCOPE_TYPE.toLowerCase()) return undefined;
  return {
    id: childId(scope.id, "privateLinkResources", HYBRID_COMPUTE_GROUP_ID),
    name: HYBRID_COMPUTE_GROUP_ID,
    type: TYPE,
    properties: {
      groupId: HYBRID_COMPUTE_GROUP_ID,
      requiredMembers: [...HYBRID_COMPUTE_REQUIRED_MEMBERS],
      requiredZoneNames: [...HYBRID_COMPUTE_ZONE_NAMES],
    },
  };
}

/**
 * `privateLinkScopes/privateLinkResources` [SPEC-PLS, facts §2.3]: computed, never
 * stored. Every scope has exactly one, `hybridcompute`.
 */
export const privateLinkResources: TypeHandler = {
  type: TYPE,
  kind: "virtual",
  get(ctx, id: ArmId) {
    if (id.name.toLowerCase() !== HYBRID_COMPUTE_GROUP_ID) return undefined;
    const scopeId = parentId(id);
    return scopeId ? resourceFor(ctx.world, scopeId) : undefined;
  },
  list(ctx, parent) {
    const item = resourceFor(ctx.world, parent);
    return item ? [item] : [];
  },
};
