import { childId, idKey, parentId, parseId, sameId } from "../../world/arm-id.js";
import type { Resource } from "../../world/resource.js";
import { RESOURCE_TYPES } from "../../world/resource-types.js";
import type { World } from "../../world/world.js";
import { list, num, obj, refId, str, strings } from "./read-json.js";
import { perSnapshot } from "./snapshot-memo.js";

/** Microsoft.Network types read by the semantics [JS-NET, facts §4]. */
export const VNET_TYPE = RESOURCE_TYPES.virtualNetwork;
export const SUBNET_TYPE = RESOURCE_TYPES.subnet;
export const PEERING_TYPE = RESOURCE_TYPES.peering;
export const NSG_TYPE = RESOURCE_TYPES.networkSecurityGroup;
export const SECURITY_RULE_TYPE = RESOURCE_TYPES.securityRule;
export const PRIVATE_ENDPOINT_TYPE = RESOURCE_TYPES.privateEndpoint;

export interface Subnet {
  id: string;
  virtualNetworkId: string;
  addressPrefixes: string[];
  networkSecurityGroupId?: string;
  /** `Disabled` (the Azure default) means NSGs do not apply to private endpoints in it [facts §4.1]. */
  privateEndpointNetworkPolicies: string;
}

export interface VirtualNetwork {
  id: string;
  addressPrefixes: string[];
  dnsServers: string[];
  subnets: Subnet[];
  peeredVirtualNetworkIds: string[];
}

export interface SecurityRule {
  name: string;
  protocol: string;
  sourceAddressPrefixes: string[];
  destinationAddressPrefixes: string[];
  destinationPortRanges: string[];
  access: "Allow" | "Deny";
  priority: number;
  direction: "Inbound" | "Outbound";
}

export interface PrivateEndpoint {
  id: string;
  subnetId?: string;
  /** Addresses from `ipConfigurations[].properties.privateIPAddress` and `customDnsConfigs[].ipAddresses`. */
  addresses: string[];
  /** Target resources of `privateLinkServiceConnections` and `manualPrivateLinkServiceConnections`. */
  privateLinkServiceIds: string[];
}

function typed(world: World, id: string, type: string): Resource | undefined {
  const r = world.get(id);
  return r && r.type.toLowerCase() === type.toLowerCase() ? r : undefined;
}

/** Embedded children (`properties.<key>[]`) merged with child resources; child resources win by name. */
function embeddedAndChildren(world: World, parent: Resource, key: string, childType: string, segment: string) {
  const byName = new Map<string, { id: string; name: string; properties: Record<string, unknown> }>();
  for (const e of list(parent.properties[key])) {
    const name = str(e.name) ?? "";
    byName.set(name.toLowerCase(), {
      id: str(e.id) ?? childId(parent.id, segment, name),
      name,
      properties: obj(e.properties),
    });
  }
  for (const c of world.under(parent.id, childType)) {
    byName.set(c.name.toLowerCase(), { id: c.id, name: c.name, properties: c.properties });
  }
  return [...byName.values()].sort((a, b) => (idKey(a.id) < idKey(b.id) ? -1 : 1));
}

function subnetFrom(vnetId: string, id: string, p: Record<string, unknown>): Subnet {
  const prefixes = strings(p.addressPrefixes);
  const single = str(p.addressPrefix);
  return {
    id,
    virtualNetworkId: vnetId,
    addressPrefixes: single && !prefixes.includes(single) ? [single, ...prefixes] : prefixes,
    networkSecurityGroupId: refId(p.networkSecurityGroup),
    privateEndpointNetworkPolicies: str(p.privateEndpointNetworkPolicies) ?? "Disabled",
  };
}

/** A virtual network with its subnets and peerings; read once per snapshot. */
export function readVirtualNetwork(world: World, id: string): VirtualNetwork | undefined {
  return perSnapshot(world, `vnet|${id}`, () => readVirtualNetworkNow(world, id));
}

function readVirtualNetworkNow(world: World, id: string): VirtualNetwork | undefined {
  const r = typed(world, id, VNET_TYPE);
  if (!r) return undefined;
  const p = r.properties;
  const peered = embeddedAndChildren(world, r, "virtualNetworkPeerings", PEERING_TYPE, "virtualNetworkPeerings")
    .filter((e) => str(e.properties.peeringState) !== "Disconnected")
    .flatMap((e) => strings([refId(e.properties.remoteVirtualNetwork)]));
  return {
    id: r.id,
    addressPrefixes: strings(obj(p.addressSpace).addressPrefixes),
    dnsServers: strings(obj(p.dhcpOptions).dnsServers),
    subnets: embeddedAndChildren(world, r, "subnets", SUBNET_TYPE, "subnets").map((s) =>
      subnetFrom(r.id, s.id, s.properties),
    ),
    peeredVirtualNetworkIds: peered,
  };
}

/** Every virtual network in id order. */
export function allVirtualNetworks(world: World): readonly VirtualNetwork[] {
  return perSnapshot(world, "vnets", () =>
    world
      .ofType(VNET_TYPE)
      .map((r) => readVirtualNetwork(world, r.id)!)
      .sort((a, b) => (idKey(a.id) < idKey(b.id) ? -1 : 1)),
  );
}

/** Peerings count from either side: a peering listed on one vnet links both [simplification]. */
export function peersOf(world: World, vnetId: string): readonly string[] {
  return perSnapshot(world, `peers|${vnetId}`, () => {
    const out = new Set<string>();
    const own = readVirtualNetwork(world, vnetId);
    for (const id of own?.peeredVirtualNetworkIds ?? []) out.add(idKey(id));
    for (const id of peeringsNaming(world).get(idKey(vnetId)) ?? []) out.add(id);
    out.delete(idKey(vnetId));
    return [...out].sort();
  });
}

/** For each vnet (by key), the vnets whose peerings name it (keys). */
function peeringsNaming(world: World): Map<string, string[]> {
  return perSnapshot(world, "peerings-naming", () => {
    const out = new Map<string, string[]>();
    for (const v of allVirtualNetworks(world)) {
      for (const p of v.peeredVirtualNetworkIds) {
        const key = idKey(p);
        const named = out.get(key);
        if (named) named.push(idKey(v.id));
        else out.set(key, [idKey(v.id)]);
      }
    }
    return out;
  });
}

export function readSubnet(world: World, subnetId: string): Subnet | undefined {
  const parsed = parseId(subnetId);
  const vnetId = parsed && parentId(parsed);
  if (!vnetId) return undefined;
  return readVirtualNetwork(world, vnetId)?.subnets.find((s) => sameId(s.id, subnetId));
}

export function readSecurityRules(world: World, nsgId: string): SecurityRule[] | undefined {
  const r = typed(world, nsgId, NSG_TYPE);
  if (!r) return undefined;
  return embeddedAndChildren(world, r, "securityRules", SECURITY_RULE_TYPE, "securityRules").map(
    ({ name, properties: p }) => {
      const plural = (single: unknown, many: unknown) => {
        const s = str(single);
        return s ? [s, ...strings(many)] : strings(many);
      };
      return {
        name,
        protocol: str(p.protocol) ?? "*",
        sourceAddressPrefixes: plural(p.sourceAddressPrefix, p.sourceAddressPrefixes),
        destinationAddressPrefixes: plural(p.destinationAddressPrefix, p.destinationAddressPrefixes),
        destinationPortRanges: plural(p.destinationPortRange, p.destinationPortRanges),
        access: p.access === "Deny" ? "Deny" : "Allow",
        priority: num(p.priority, 4096),
        direction: p.direction === "Outbound" ? "Outbound" : "Inbound",
      };
    },
  );
}

export function readPrivateEndpoint(world: World, id: string): PrivateEndpoint | undefined {
  const r = typed(world, id, PRIVATE_ENDPOINT_TYPE);
  if (!r) return undefined;
  const p = r.properties;
  const addresses = [
    ...list(p.ipConfigurations).flatMap((c) => strings([obj(c.properties).privateIPAddress])),
    ...list(p.customDnsConfigs).flatMap((c) => strings(c.ipAddresses)),
  ];
  const connections = [...list(p.privateLinkServiceConnections), ...list(p.manualPrivateLinkServiceConnections)];
  return {
    id: r.id,
    subnetId: refId(p.subnet),
    addresses: [...new Set(addresses)],
    privateLinkServiceIds: connections.flatMap((c) => strings([obj(c.properties).privateLinkServiceId])),
  };
}

/** Private endpoints in id order. */
export function allPrivateEndpoints(world: World): PrivateEndpoint[] {
  return world
    .ofType(PRIVATE_ENDPOINT_TYPE)
    .map((r) => readPrivateEndpoint(world, r.id)!)
    .sort((a, b) => (idKey(a.id) < idKey(b.id) ? -1 : 1));
}
