import { ArmError } from "../../../rules/index.js";
import type { Resource } from "../../../world/index.js";
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
  propsPath,
  refuseUnsupported,
  stringArray,
} from "./body.js";
import { NSG_TYPE, SUBNET_TYPE } from "./network-types.js";

/** Subnet properties arclink accepts [JS-NET SubnetPropertiesFormat, facts §4.1]. */
const KNOWN = [
  "addressPrefix",
  "addressPrefixes",
  "networkSecurityGroup",
  "privateEndpointNetworkPolicies",
  "privateLinkServiceNetworkPolicies",
  "serviceEndpoints",
  "delegations",
  "defaultOutboundAccess",
  "sharingScope",
  // Read-only: accepted when a client echoes a GET, never stored.
  "provisioningState",
  "privateEndpoints",
  "ipConfigurations",
  "purpose",
  "resourceNavigationLinks",
  "serviceAssociationLinks",
  // Known but not emulated: refused below with a clear message.
  "routeTable",
  "natGateway",
  "serviceEndpointPolicies",
  "ipAllocations",
  "applicationGatewayIPConfigurations",
  "ipamPoolPrefixAllocations",
  "serviceGateway",
];
const UNSUPPORTED = [
  "routeTable",
  "natGateway",
  "serviceEndpointPolicies",
  "ipAllocations",
  "applicationGatewayIPConfigurations",
  "ipamPoolPrefixAllocations",
  "serviceGateway",
];

export const PE_NETWORK_POLICIES = ["Enabled", "Disabled", "NetworkSecurityGroupEnabled", "RouteTableEnabled"] as const;

/**
 * Builds the stored subnet under `vnetId` from a subnet body (a child PUT body or one
 * element of a vnet's `properties.subnets`). Address validity, containment and overlap
 * are rules (src/rules/network), checked on the whole write.
 */
export function buildSubnet(vnetId: string, name: string, body: unknown, path: string, existing?: Resource): Resource {
  if (!isObject(body)) {
    throw new ArmError("InvalidRequestContent", `The value of '${path}' must be a JSON object.`, path);
  }
  const p = propertiesOf(body, CHILD_MEMBERS, KNOWN, "Subnet", path);
  const pp = propsPath(path);
  refuseUnsupported(p, UNSUPPORTED, pp);
  const addressPrefix = optionalString(p.addressPrefix, `${pp}.addressPrefix`);
  const addressPrefixes = stringArray(p.addressPrefixes, `${pp}.addressPrefixes`);
  if (!addressPrefix && !addressPrefixes?.length) {
    throw new ArmError(
      "InvalidRequestFormat",
      `Subnet '${name}' has no address prefix: set 'addressPrefix' or 'addressPrefixes'.`,
      `${pp}.addressPrefix`,
    );
  }
  for (const [i, d] of (optionalArray(p.delegations, `${pp}.delegations`) ?? []).entries()) {
    checkMembers(d, ["id", "name", "type", "etag", "properties"], "Delegation", `${pp}.delegations[${i}]`);
  }
  for (const [i, s] of (optionalArray(p.serviceEndpoints, `${pp}.serviceEndpoints`) ?? []).entries()) {
    checkMembers(
      s,
      ["service", "locations", "networkIdentifier", "provisioningState"],
      "ServiceEndpoint",
      `${pp}.serviceEndpoints[${i}]`,
    );
  }
  const nsg = optionalRef(p.networkSecurityGroup, `${pp}.networkSecurityGroup`, NSG_TYPE);
  const properties: Json = {
    ...(addressPrefix ? { addressPrefix } : {}),
    ...(addressPrefixes ? { addressPrefixes } : {}),
    ...(nsg ? { networkSecurityGroup: { id: nsg } } : {}),
    privateEndpointNetworkPolicies:
      optionalEnum(p.privateEndpointNetworkPolicies, PE_NETWORK_POLICIES, `${pp}.privateEndpointNetworkPolicies`) ??
      "Disabled",
    privateLinkServiceNetworkPolicies:
      optionalEnum(
        p.privateLinkServiceNetworkPolicies,
        ["Enabled", "Disabled"],
        `${pp}.privateLinkServiceNetworkPolicies`,
      ) ?? "Enabled",
    serviceEndpoints: p.serviceEndpoints ?? [],
    delegations: p.delegations ?? [],
    ...(p.defaultOutboundAccess !== undefined && p.defaultOutboundAccess !== null
      ? { defaultOutboundAccess: p.defaultOutboundAccess }
      : {}),
    ...(p.sharingScope
      ? { sharingScope: optionalEnum(p.sharingScope, ["Tenant", "DelegatedServices"], `${pp}.sharingScope`) }
      : {}),
    provisioningState: "Succeeded",
  };
  return {
    id: existing?.id ?? `${vnetId}/subnets/${name}`,
    name: existing?.name ?? name,
    type: SUBNET_TYPE,
    properties,
  };
}

/** All address prefixes of a stored subnet, single and plural. */
export function subnetPrefixes(subnet: Resource): string[] {
  const p = subnet.properties;
  const out: string[] = [];
  if (typeof p.addressPrefix === "string") out.push(p.addressPrefix);
  if (Array.isArray(p.addressPrefixes)) {
    for (const x of p.addressPrefixes) if (typeof x === "string" && !out.includes(x)) out.push(x);
  }
  return out;
}
