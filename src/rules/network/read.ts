import type { Resource, World } from "../../world/index.js";
import { idKey, parentId, parseId, sameId } from "../../world/index.js";
import { RESOURCE_TYPES } from "../../world/resource-types.js";

/** Narrow readers of stored Microsoft.Network bodies, shared by the network rules. */
export type Json = Record<string, unknown>;

export const VNET_TYPE = RESOURCE_TYPES.virtualNetwork;
export const SUBNET_TYPE = RESOURCE_TYPES.subnet;
export const PEERING_TYPE = RESOURCE_TYPES.peering;
export const NSG_TYPE = RESOURCE_TYPES.networkSecurityGroup;
export const SECURITY_RULE_TYPE = RESOURCE_TYPES.securityRule;
export const PRIVATE_ENDPOINT_TYPE = RESOURCE_TYPES.privateEndpoint;
export const ZONE_GROUP_TYPE = RESOURCE_TYPES.privateDnsZoneGroup;
export const NIC_TYPE = RESOURCE_TYPES.networkInterface;
export const PRIVATE_ZONE_TYPE = RESOURCE_TYPES.privateDnsZone;
export const SCOPE_TYPE = RESOURCE_TYPES.privateLinkScope;
/** Resources of the DNS resolver provider that take addresses from subnets [JS-DNSR]. */
export const INBOUND_ENDPOINT_TYPE = RESOURCE_TYPES.inboundEndpoint;
export const OUTBOUND_ENDPOINT_TYPE = RESOURCE_TYPES.outboundEndpoint;

export function obj(value: unknown): Json {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Json) : {};
}

export function list(value: unknown): Json[] {
  return Array.isArray(value) ? value.map(obj) : [];
}

export function refId(value: unknown): string | undefined {
  const id = obj(value).id;
  return typeof id === "string" ? id : undefined;
}

export function isType(r: Resource | undefined, type: string): r is Resource {
  return r !== undefined && idKey(r.type) === idKey(type);
}

export function typed(world: World, id: string | undefined, type: string): Resource | undefined {
  const r = id ? world.get(id) : undefined;
  return isType(r, type) ? r : undefined;
}

export function parentOf(id: string): string | undefined {
  const parsed = parseId(id);
  return parsed ? parentId(parsed) : undefined;
}

/** All address prefixes of a stored subnet. */
export function subnetPrefixes(subnet: Resource): string[] {
  const p = subnet.properties;
  const out: string[] = [];
  if (typeof p.addressPrefix === "string") out.push(p.addressPrefix);
  for (const x of Array.isArray(p.addressPrefixes) ? p.addressPrefixes : []) {
    if (typeof x === "string" && !out.includes(x)) out.push(x);
  }
  return out;
}

export function vnetPrefixes(vnet: Resource): string[] {
  const space = obj(vnet.properties.addressSpace).addressPrefixes;
  return Array.isArray(space) ? space.filter((x): x is string => typeof x === "string") : [];
}

/** Both connection lists of a private endpoint, with which list each came from. */
export function peConnections(pe: Resource): { manual: boolean; name: string; scopeId?: string; groupIds: string[] }[] {
  const read = (manual: boolean) =>
    list(pe.properties[manual ? "manualPrivateLinkServiceConnections" : "privateLinkServiceConnections"]).map((c) => {
      const p = obj(c.properties);
      return {
        manual,
        name: typeof c.name === "string" ? c.name : "",
        scopeId: typeof p.privateLinkServiceId === "string" ? p.privateLinkServiceId : undefined,
        groupIds: Array.isArray(p.groupIds) ? p.groupIds.filter((g): g is string => typeof g === "string") : [],
      };
    });
  return [...read(false), ...read(true)];
}

/** Everything in the world that holds an address of a subnet, by id (for InUse messages). */
export function subnetUsers(world: World, subnetId: string): string[] {
  const users: string[] = [];
  for (const pe of world.ofType(PRIVATE_ENDPOINT_TYPE))
    if (sameId(refId(pe.properties.subnet), subnetId)) users.push(pe.id);
  for (const nic of world.ofType(NIC_TYPE)) {
    for (const c of list(nic.properties.ipConfigurations)) {
      if (sameId(refId(obj(c.properties).subnet), subnetId)) users.push(String(c.id ?? nic.id));
    }
  }
  for (const ep of world.ofType(INBOUND_ENDPOINT_TYPE)) {
    if (list(ep.properties.ipConfigurations).some((c) => sameId(refId(c.subnet), subnetId))) users.push(ep.id);
  }
  for (const ep of world.ofType(OUTBOUND_ENDPOINT_TYPE))
    if (sameId(refId(ep.properties.subnet), subnetId)) users.push(ep.id);
  return users;
}
