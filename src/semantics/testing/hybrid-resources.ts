import type { Resource } from "../../world/resource.js";
import { DEFAULT_PLACEMENT, envelope, type Placement, topId } from "./resource-ids.js";

/** `Microsoft.HybridCompute/privateLinkScopes` [SPEC-PLS]. */
export function privateLinkScope(
  name: string,
  publicNetworkAccess: "Enabled" | "Disabled" = "Disabled",
  at: Placement = DEFAULT_PLACEMENT,
): Resource {
  return envelope(
    topId(at, "Microsoft.HybridCompute/privateLinkScopes", name),
    "Microsoft.HybridCompute/privateLinkScopes",
    { publicNetworkAccess, provisioningState: "Succeeded", privateLinkScopeId: `guid-${name}` },
    at.location,
  );
}

/** The scope's `privateEndpointConnections` child for one private endpoint [SPEC-PLS, EX-HC]. */
export function scopeConnection(scopeId: string, privateEndpointId: string, status: string): Resource {
  const name = `${privateEndpointId.split("/").at(-1)}.conn`;
  return envelope(
    `${scopeId}/privateEndpointConnections/${name}`,
    "Microsoft.HybridCompute/privateLinkScopes/privateEndpointConnections",
    {
      privateEndpoint: { id: privateEndpointId },
      privateLinkServiceConnectionState: {
        status,
        description: status === "Approved" ? "Auto-approved" : "",
        actionsRequired: "None",
      },
      groupIds: ["hybridcompute"],
      provisioningState: "Succeeded",
    },
  );
}

/** `Microsoft.HybridCompute/machines`, with `internal.privateLinkScopeAssociatedAt` (docs/premises.md). */
export function machine(
  name: string,
  spec: { scopeId?: string; associatedAt?: string } = {},
  at: Placement = DEFAULT_PLACEMENT,
): Resource {
  const r = envelope(
    topId(at, "Microsoft.HybridCompute/machines", name),
    "Microsoft.HybridCompute/machines",
    { status: "Connected", ...(spec.scopeId ? { privateLinkScopeResourceId: spec.scopeId } : {}) },
    at.location,
  );
  if (spec.associatedAt) r.internal = { privateLinkScopeAssociatedAt: spec.associatedAt };
  return r;
}
