import { idKey, sameId } from "../../world/arm-id.js";
import { RESOURCE_TYPES } from "../../world/resource-types.js";
import type { World } from "../../world/world.js";
import { list, obj, refId, str } from "./read-json.js";

/** Microsoft.HybridCompute types read by the semantics [SPEC-PLS, facts §2]. */
export const MACHINE_TYPE = RESOURCE_TYPES.machine;
export const SCOPE_TYPE = RESOURCE_TYPES.privateLinkScope;
export const SCOPE_CONNECTION_TYPE = RESOURCE_TYPES.privateEndpointConnection;

export interface Machine {
  id: string;
  location?: string;
  privateLinkScopeResourceId?: string;
  /** `internal.privateLinkScopeAssociatedAt` (docs/premises.md); undefined when not recorded. */
  associatedAt?: Date;
  /** `internal.privateLinkScopeSetAtOnboarding`: onboarded with its scope, so effective at once (facts §3.10). */
  onboardedWithScope?: boolean;
}

export interface Scope {
  id: string;
  /** `Disabled` is the API default [SPEC-PLS]; `SecuredByPerimeter` reads as not `Enabled`. */
  publicNetworkAccess: string;
}

export function readMachine(world: World, id: string): Machine | undefined {
  const r = world.get(id);
  if (!r || r.type.toLowerCase() !== MACHINE_TYPE.toLowerCase()) return undefined;
  const at = str(r.internal?.privateLinkScopeAssociatedAt);
  const date = at ? new Date(at) : undefined;
  return {
    id: r.id,
    location: r.location,
    privateLinkScopeResourceId: str(r.properties.privateLinkScopeResourceId) || undefined,
    associatedAt: date && !Number.isNaN(date.getTime()) ? date : undefined,
    ...(r.internal?.privateLinkScopeSetAtOnboarding === true ? { onboardedWithScope: true } : {}),
  };
}

export function readScope(world: World, id: string): Scope | undefined {
  const r = world.get(id);
  if (!r || r.type.toLowerCase() !== SCOPE_TYPE.toLowerCase()) return undefined;
  return { id: r.id, publicNetworkAccess: str(r.properties.publicNetworkAccess) ?? "Disabled" };
}

/**
 * The `privateLinkServiceConnectionState.status` of the scope's connection for one
 * private endpoint: from the `privateEndpointConnections` child resources, else the
 * summary embedded in the scope's `properties.privateEndpointConnections[]`.
 */
export function scopeConnectionStatus(world: World, scopeId: string, privateEndpointId: string): string | undefined {
  const children = [...world.under(scopeId, SCOPE_CONNECTION_TYPE)].sort((a, b) =>
    idKey(a.id) < idKey(b.id) ? -1 : 1,
  );
  const embedded = list(world.get(scopeId)?.properties.privateEndpointConnections);
  for (const props of [...children.map((c) => c.properties), ...embedded.map((e) => obj(e.properties))]) {
    if (sameId(refId(props.privateEndpoint), privateEndpointId)) {
      return str(obj(props.privateLinkServiceConnectionState).status);
    }
  }
  return undefined;
}
