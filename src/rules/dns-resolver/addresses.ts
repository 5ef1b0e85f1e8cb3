import ipaddr from "ipaddr.js";
import { idKey, sameId, typeKey, type World } from "../../world/index.js";
import { INBOUND_TYPE, NIC_TYPE, PRIVATE_ENDPOINT_TYPE, parentOf, refId, SUBNET_TYPE, VNET_TYPE } from "./types.js";

export interface SubnetInfo {
  id: string;
  virtualNetworkId: string;
  addressPrefixes: string[];
}

type Json = Record<string, unknown>;

function prefixesOf(props: Json): string[] {
  const list = Array.isArray(props.addressPrefixes) ? props.addressPrefixes : [];
  const one = typeof props.addressPrefix === "string" ? [props.addressPrefix] : [];
  return [...one, ...list].filter((p): p is string => typeof p === "string");
}

/**
 * A subnet by id, stored as a child resource (`virtualNetworks/{v}/subnets/{s}`) or
 * listed inline in its vnet's `properties.subnets[]`.
 */
export function findSubnet(world: World, subnetId: string): SubnetInfo | undefined {
  const child = world.get(subnetId);
  if (child && typeKey(child.type) === typeKey(SUBNET_TYPE)) {
    return { id: child.id, virtualNetworkId: parentOf(child.id), addressPrefixes: prefixesOf(child.properties) };
  }
  const vnetId = parentOf(subnetId);
  const vnet = world.get(vnetId);
  if (!vnet || typeKey(vnet.type) !== typeKey(VNET_TYPE)) return undefined;
  const name = subnetId.split("/").pop()?.toLowerCase();
  const inline = (Array.isArray(vnet.properties.subnets) ? vnet.properties.subnets : []) as Json[];
  const hit = inline.find((s) => typeof s?.name === "string" && s.name.toLowerCase() === name);
  if (!hit) return undefined;
  return { id: subnetId, virtualNetworkId: vnet.id, addressPrefixes: prefixesOf((hit.properties as Json) ?? {}) };
}

function list(value: unknown): Json[] {
  return Array.isArray(value) ? (value.filter((v) => v && typeof v === "object") as Json[]) : [];
}

/**
 * Private addresses already taken in a subnet, with what holds each: resolver inbound
 * endpoints, network interfaces and private endpoints (their `ipConfigurations` and
 * `customDnsConfigs`). `exceptId` leaves one resource out (the one being written).
 */
export function usedAddresses(world: World, subnetId: string, exceptId?: string): Map<string, string> {
  const used = new Map<string, string>();
  const skip = (id: string) => exceptId !== undefined && idKey(id) === idKey(exceptId);
  for (const ep of world.ofType(INBOUND_TYPE)) {
    if (skip(ep.id)) continue;
    for (const c of list(ep.properties.ipConfigurations)) {
      if (sameId(refId(c.subnet), subnetId) && typeof c.privateIpAddress === "string")
        used.set(c.privateIpAddress, ep.id);
    }
  }
  for (const nic of world.ofType(NIC_TYPE)) {
    if (skip(nic.id)) continue;
    for (const c of list(nic.properties.ipConfigurations)) {
      const p = (c.properties as Json) ?? {};
      if (sameId(refId(p.subnet), subnetId) && typeof p.privateIPAddress === "string")
        used.set(p.privateIPAddress, nic.id);
    }
  }
  for (const pe of world.ofType(PRIVATE_ENDPOINT_TYPE)) {
    if (skip(pe.id) || !sameId(refId(pe.properties.subnet), subnetId)) continue;
    for (const c of list(pe.properties.ipConfigurations)) {
      const ip = (c.properties as Json | undefined)?.privateIPAddress;
      if (typeof ip === "string") used.set(ip, pe.id);
    }
    for (const c of list(pe.properties.customDnsConfigs)) {
      for (const ip of Array.isArray(c.ipAddresses) ? c.ipAddresses : [])
        if (typeof ip === "string") used.set(ip, pe.id);
    }
  }
  return used;
}

/**
 * Why an address cannot be assigned in a subnet prefix, or undefined when it can: Azure
 * reserves the network address, the next three (gateway, two DNS) and the broadcast
 * address of every subnet.
 */
export function reservedReason(address: string, prefix: string): string | undefined {
  const [net, bits] = ipaddr.parseCIDR(prefix);
  const ip = ipaddr.parse(address);
  if (ip.kind() !== net.kind() || !ip.match(net, bits)) return `it is outside the subnet prefix '${prefix}'`;
  const first = ipaddr.IPv4.networkAddressFromCIDR(prefix).toByteArray();
  const last = ipaddr.IPv4.broadcastAddressFromCIDR(prefix).toByteArray();
  const n = (b: number[]) => b.reduce((acc, x) => acc * 256 + x, 0);
  const offset = n(ip.toByteArray()) - n(first);
  if (offset < 4) return `Azure reserves the first four addresses of subnet '${prefix}'`;
  if (n(ip.toByteArray()) === n(last)) return `Azure reserves the last address of subnet '${prefix}'`;
  return undefined;
}

/** The first address of a subnet that is neither reserved nor used, or undefined when full. */
export function firstFreeAddress(
  prefix: string,
  used: ReadonlySet<string> | ReadonlyMap<string, string>,
): string | undefined {
  const base = ipaddr.IPv4.networkAddressFromCIDR(prefix).toByteArray();
  const bits = Number(prefix.split("/")[1]);
  const size = 2 ** (32 - bits);
  const start = base.reduce((acc, x) => acc * 256 + x, 0);
  for (let k = 4; k < size - 1; k++) {
    const v = start + k;
    const ip = [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join(".");
    if (!used.has(ip)) return ip;
  }
  return undefined;
}
