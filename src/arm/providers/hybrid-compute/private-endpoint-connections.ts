import { ArmError } from "../../../rules/errors.js";
import { PRIVATE_ENDPOINT_CONNECTION_TYPE } from "../../../rules/hybrid-compute/index.js";
import { checkKnownMembers } from "../../../rules/read-only.js";
import type { Resource } from "../../../world/index.js";
import type { TypeHandler } from "../provider.js";
import { CONNECTION_STATUSES } from "./private-link-group.js";
import { must, optionalEnum, optionalObject, requiredString } from "./request-body.js";

/** The body of a connection: `PrivateEndpointConnection` [SPEC-PLS]. */
export function connectionView(r: Resource): Record<string, unknown> {
  return {
    id: r.id,
    name: r.name,
    type: PRIVATE_ENDPOINT_CONNECTION_TYPE,
    ...(r.systemData ? { systemData: r.systemData } : {}),
    properties: r.properties,
  };
}

/**
 * `privateLinkScopes/privateEndpointConnections` [SPEC-PLS, facts §2.2]: created by the
 * Microsoft.Network provider with a private endpoint (see `buildScopeConnection`);
 * here a PUT approves, rejects or otherwise sets the connection state of an existing
 * connection (200, synchronous: the spec also allows 202, SDK 3.0.0 polls either),
 * and DELETE removes it as a long-running operation.
 */
export const privateEndpointConnections: TypeHandler = {
  type: PRIVATE_ENDPOINT_CONNECTION_TYPE,
  kind: "proxy",
  readOnly: [
    "properties.privateEndpoint.id",
    "properties.provisioningState",
    "properties.groupIds",
    "properties.privateLinkServiceConnectionState.actionsRequired",
  ],
  put(_ctx, { id, body, existing }) {
    if (!existing) {
      throw new ArmError(
        "ResourceNotFound",
        `The private endpoint connection '${id.name}' does not exist under private link scope '${id.names[0]}'; connections are made by creating a private endpoint (Microsoft.Network/privateEndpoints) to the scope.`,
      );
    }
    must(checkKnownMembers(body, ["id", "name", "type", "properties", "systemData"], "PrivateEndpointConnection", "$"));
    const props = optionalObject(body.properties, "properties") ?? {};
    must(
      checkKnownMembers(
        props,
        ["privateEndpoint", "privateLinkServiceConnectionState", "provisioningState", "groupIds"],
        "PrivateEndpointConnectionProperties",
        "properties",
      ),
    );
    const path = "properties.privateLinkServiceConnectionState";
    const state = optionalObject(props.privateLinkServiceConnectionState, path);
    if (!state) throw new ArmError("InvalidRequestContent", `The property '${path}' is required.`, path);
    must(
      checkKnownMembers(
        state,
        ["status", "description", "actionsRequired"],
        "PrivateLinkServiceConnectionStateProperty",
        path,
      ),
    );
    const status = optionalEnum(state.status, CONNECTION_STATUSES, `${path}.status`);
    if (!status)
      throw new ArmError("InvalidRequestContent", `The property '${path}.status' is required.`, `${path}.status`);
    const description = requiredString(state.description, `${path}.description`);
    return {
      resource: {
        ...existing,
        properties: {
          ...existing.properties,
          privateLinkServiceConnectionState: { status, description, actionsRequired: "None" },
          provisioningState: "Succeeded",
        },
      },
    };
  },
  view: (_world, r) => connectionView(r),
};
