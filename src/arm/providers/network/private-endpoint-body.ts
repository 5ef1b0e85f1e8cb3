import { ArmError } from "../../../rules/index.js";
import { type ArmId, parseId } from "../../../world/index.js";
import {
  CHILD_MEMBERS,
  checkMembers,
  isObject,
  type Json,
  optionalArray,
  optionalEnum,
  optionalRef,
  optionalString,
  propertiesOf,
  stringArray,
  TRACKED_MEMBERS,
} from "./body.js";
import { SCOPE_TYPE, SUBNET_TYPE } from "./network-types.js";

const KNOWN = [
  "subnet",
  "privateLinkServiceConnections",
  "manualPrivateLinkServiceConnections",
  "ipConfigurations",
  "customNetworkInterfaceName",
  "applicationSecurityGroups",
  "ipVersionType",
  // Read-only (a client may echo a GET).
  "customDnsConfigs",
  "networkInterfaces",
  "provisioningState",
];
const CONNECTION_KNOWN = [
  "privateLinkServiceId",
  "groupIds",
  "requestMessage",
  "privateLinkServiceConnectionState",
  "provisioningState",
];

export interface ConnectionRequest {
  manual: boolean;
  name: string;
  scopeId: string;
  groupIds: string[];
  requestMessage?: string;
  /** Path of the connection in the body, for error targets. */
  path: string;
}

export interface StaticAddress {
  name: string;
  memberName: string;
  groupId: string;
  address: string;
  path: string;
}

export interface PrivateEndpointRequest {
  subnetId: string;
  connection: ConnectionRequest;
  staticAddresses: StaticAddress[];
  customNetworkInterfaceName?: string;
}

function readConnections(p: Json, manual: boolean): ConnectionRequest[] {
  const key = manual ? "manualPrivateLinkServiceConnections" : "privateLinkServiceConnections";
  return (optionalArray(p[key], `properties.${key}`) ?? []).map((item, i) => {
    const path = `properties.${key}[${i}]`;
    if (!isObject(item))
      throw new ArmError("InvalidRequestContent", `The value of '${path}' must be a JSON object.`, path);
    const cp = propertiesOf(item, CHILD_MEMBERS, CONNECTION_KNOWN, "PrivateLinkServiceConnection", path);
    const raw = optionalString(cp.privateLinkServiceId, `${path}.properties.privateLinkServiceId`);
    const parsed = raw ? parseId(raw) : undefined;
    if (!parsed || parsed.type.toLowerCase() !== SCOPE_TYPE.toLowerCase()) {
      throw new ArmError(
        "InvalidParameter",
        `The private link service id '${raw ?? ""}' is not supported: arclink emulates private endpoints to Azure Arc private link scopes ('${SCOPE_TYPE}') only.`,
        `${path}.properties.privateLinkServiceId`,
      );
    }
    const scopeId = parsed.id;
    return {
      manual,
      name: optionalString(item.name, `${path}.name`) ?? "",
      scopeId,
      groupIds: stringArray(cp.groupIds, `${path}.properties.groupIds`) ?? [],
      requestMessage: optionalString(cp.requestMessage, `${path}.properties.requestMessage`),
      path,
    };
  });
}

function readStaticAddresses(p: Json): StaticAddress[] {
  return (optionalArray(p.ipConfigurations, "properties.ipConfigurations") ?? []).map((item, i) => {
    const path = `properties.ipConfigurations[${i}]`;
    if (!isObject(item))
      throw new ArmError("InvalidRequestContent", `The value of '${path}' must be a JSON object.`, path);
    const cp = propertiesOf(
      item,
      ["name", "etag", "type", "properties"],
      ["groupId", "memberName", "privateIPAddress"],
      "PrivateEndpointIPConfiguration",
      path,
    );
    const field = (k: string) => {
      const v = optionalString(cp[k], `${path}.properties.${k}`);
      if (!v)
        throw new ArmError(
          "InvalidRequestFormat",
          `The IP configuration '${path}' needs 'properties.${k}'.`,
          `${path}.properties.${k}`,
        );
      return v;
    };
    return {
      name: optionalString(item.name, `${path}.name`) ?? `ipconfig${i + 1}`,
      groupId: field("groupId"),
      memberName: field("memberName"),
      address: field("privateIPAddress"),
      path: `${path}.properties.privateIPAddress`,
    };
  });
}

/** Reads a `PrivateEndpoint` PUT body [JS-NET PrivateEndpointProperties, facts §4.2]. */
export function readPrivateEndpoint(id: ArmId, body: Json): PrivateEndpointRequest {
  const p = propertiesOf(body, [...TRACKED_MEMBERS], KNOWN, "PrivateEndpoint");
  const subnetId = optionalRef(p.subnet, "properties.subnet", SUBNET_TYPE);
  if (!subnetId) {
    throw new ArmError(
      "InvalidRequestFormat",
      `Private endpoint '${id.name}' needs 'properties.subnet.id'.`,
      "properties.subnet.id",
    );
  }
  if ((optionalArray(p.applicationSecurityGroups, "properties.applicationSecurityGroups") ?? []).length > 0) {
    throw new ArmError(
      "InvalidRequestContent",
      "The property 'properties.applicationSecurityGroups' is not supported by arclink; remove it from the request.",
      "properties.applicationSecurityGroups",
    );
  }
  optionalEnum(p.ipVersionType, ["IPv4"], "properties.ipVersionType");
  const connections = [...readConnections(p, false), ...readConnections(p, true)];
  if (connections.length !== 1) {
    throw new ArmError(
      "InvalidParameter",
      `Private endpoint '${id.name}' has ${connections.length} connections; it must have exactly one, in 'privateLinkServiceConnections' (auto-approved) or 'manualPrivateLinkServiceConnections' (approved on the scope).`,
      "properties.privateLinkServiceConnections",
    );
  }
  const custom = optionalString(p.customNetworkInterfaceName, "properties.customNetworkInterfaceName");
  checkMembers(p.subnet, ["id", "name", "type", "etag", "properties"], "Subnet", "properties.subnet");
  return {
    subnetId,
    connection: connections[0],
    staticAddresses: readStaticAddresses(p),
    ...(custom ? { customNetworkInterfaceName: custom } : {}),
  };
}
