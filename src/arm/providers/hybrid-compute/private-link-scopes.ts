import { ArmError } from "../../../rules/errors.js";
import {
  PRIVATE_ENDPOINT_CONNECTION_TYPE,
  PRIVATE_LINK_SCOPE_TYPE,
  SCOPE_NAME,
} from "../../../rules/hybrid-compute/index.js";
import { checkKnownMembers } from "../../../rules/read-only.js";
import { idKey, type Resource, type World } from "../../../world/index.js";
import type { TypeHandler } from "../provider.js";
import { apiVersionAtLeast, SERVICE_EXTENSIONS_SINCE } from "./api-versions.js";
import { must, optionalEnum, optionalObject } from "./request-body.js";
import { checkServiceExtensions } from "./service-extensions.js";

/** `PublicNetworkAccessType` [SPEC-PLS]; `SecuredByPerimeter` (NSP) is not emulated. */
const PUBLIC_NETWORK_ACCESS = ["Enabled", "Disabled"] as const;

/** The connections of a scope, in the embedded `PrivateEndpointConnectionDataModel` shape [SPEC-PLS]. */
export function scopeConnections(world: World, scopeId: string): Record<string, unknown>[] {
  return [...world.under(scopeId, PRIVATE_ENDPOINT_CONNECTION_TYPE)]
    .sort((a, b) => (idKey(a.id) < idKey(b.id) ? -1 : 1))
    .map((c) => ({ id: c.id, name: c.name, type: PRIVATE_ENDPOINT_CONNECTION_TYPE, properties: c.properties }));
}

/** The body of a scope for an api-version: `HybridComputePrivateLinkScope` [SPEC-PLS, SPEC-HC26]. */
export function scopeView(world: World, r: Resource, apiVersion: string): Record<string, unknown> {
  const { serviceExtensions, ...props } = r.properties;
  const withExtensions = apiVersionAtLeast(apiVersion, SERVICE_EXTENSIONS_SINCE) && serviceExtensions !== undefined;
  return {
    id: r.id,
    name: r.name,
    type: PRIVATE_LINK_SCOPE_TYPE,
    location: r.location,
    tags: r.tags ?? {},
    ...(r.systemData ? { systemData: r.systemData } : {}),
    properties: {
      ...props,
      privateEndpointConnections: scopeConnections(world, r.id),
      ...(withExtensions ? { serviceExtensions } : {}),
    },
  };
}

/**
 * `Microsoft.HybridCompute/privateLinkScopes` [SPEC-PLS, facts §2.1]: synchronous PUT
 * (200/201, `location` required, `publicNetworkAccess` defaulting to `Disabled`), GET,
 * lists, PATCH of tags only (`TagsResource`), DELETE as a long-running operation that
 * also deletes the scope's connections. `privateLinkScopeId` is a GUID minted at
 * creation and kept; `privateEndpointConnections` is computed from the child resources.
 */
export const privateLinkScopes: TypeHandler = {
  type: PRIVATE_LINK_SCOPE_TYPE,
  kind: "tracked",
  namePattern: SCOPE_NAME,
  readOnly: ["properties.provisioningState", "properties.privateLinkScopeId", "properties.privateEndpointConnections"],
  put(ctx, { body, existing }) {
    must(
      checkKnownMembers(
        body,
        ["id", "name", "type", "location", "tags", "properties", "systemData"],
        "HybridComputePrivateLinkScope",
        "$",
      ),
    );
    const props = optionalObject(body.properties, "properties") ?? {};
    const extensionsAllowed = apiVersionAtLeast(ctx.apiVersion, SERVICE_EXTENSIONS_SINCE);
    if (props.serviceExtensions !== undefined && !extensionsAllowed) {
      throw new ArmError(
        "InvalidRequestContent",
        `The property 'properties.serviceExtensions' is not supported by api-version '${ctx.apiVersion}'; it needs api-version '${SERVICE_EXTENSIONS_SINCE}' or later.`,
        "properties.serviceExtensions",
      );
    }
    must(
      checkKnownMembers(
        props,
        [
          "publicNetworkAccess",
          "provisioningState",
          "privateLinkScopeId",
          "privateEndpointConnections",
          "serviceExtensions",
        ],
        "HybridComputePrivateLinkScopeProperties",
        "properties",
      ),
    );
    const access = optionalEnum(props.publicNetworkAccess, PUBLIC_NETWORK_ACCESS, "properties.publicNetworkAccess");
    // Older api-versions cannot see serviceExtensions, so their PUT keeps what a newer one set.
    const extensions = extensionsAllowed
      ? checkServiceExtensions(props.serviceExtensions)
      : existing?.properties.serviceExtensions;
    const resource: Resource = {
      id: "",
      name: "",
      type: "",
      properties: {
        publicNetworkAccess: access ?? "Disabled",
        provisioningState: "Succeeded",
        privateLinkScopeId: existing?.properties.privateLinkScopeId ?? ctx.newGuid(),
        ...(extensions !== undefined ? { serviceExtensions: extensions } : {}),
      },
    };
    return { resource };
  },
  patch(_ctx, { body, existing }) {
    must(checkKnownMembers(body, ["tags"], "TagsResource", "$"));
    return { resource: existing };
  },
  view: scopeView,
};
