import { sameId } from "../../world/arm-id.js";
import { RESOURCE_TYPES } from "../../world/resource-types.js";
import type { World } from "../../world/world.js";
import { canonicalAddress } from "../net/cidr.js";
import { PRIVATE_ENDPOINT_TYPE } from "./network.js";
import { INBOUND_ENDPOINT_TYPE } from "./private-dns.js";
import { list, obj, refId } from "./read-json.js";

const NIC_TYPE = RESOURCE_TYPES.networkInterface;

/**
 * The private addresses of a subnet already held, canonical, each with its holder:
 * network interface IP configurations (by IP configuration id, as Azure's
 * `PrivateIPAddressIsAllocated` names them), DNS resolver inbound endpoints, and private
 * endpoints (`ipConfigurations`, `customDnsConfigs`) whose NIC is not stored. The first
 * holder found wins. Resources in `ignoreIds` (the one being written) are left out. The
 * one answer for the network and DNS resolver allocators and rules.
 *
 * @example
 * usedAddresses(world, subnetId).get("10.10.1.4") // ".../networkInterfaces/arc-pe.nic/ipConfigurations/…"
 */
export function usedAddresses(world: World, subnetId: string, ignoreIds: readonly string[] = []): Map<string, string> {
  const used = new Map<string, string>();
  const ignored = (id: string) => ignoreIds.some((x) => sameId(x, id));
  const hold = (address: unknown, holder: string) => {
    if (typeof address !== "string") return;
    const key = canonicalAddress(address);
    if (!used.has(key)) used.set(key, holder);
  };
  for (const nic of world.ofType(NIC_TYPE)) {
    if (ignored(nic.id)) continue;
    for (const c of list(nic.properties.ipConfigurations)) {
      const p = obj(c.properties);
      if (sameId(refId(p.subnet), subnetId)) hold(p.privateIPAddress, typeof c.id === "string" ? c.id : nic.id);
    }
  }
  for (const ep of world.ofType(INBOUND_ENDPOINT_TYPE)) {
    if (ignored(ep.id)) continue;
    for (const c of list(ep.properties.ipConfigurations)) {
      if (sameId(refId(c.subnet), subnetId)) hold(c.privateIpAddress, ep.id);
    }
  }
  for (const pe of world.ofType(PRIVATE_ENDPOINT_TYPE)) {
    if (ignored(pe.id) || !sameId(refId(pe.properties.subnet), subnetId)) continue;
    for (const c of list(pe.properties.ipConfigurations)) hold(obj(c.properties).privateIPAddress, pe.id);
    for (const c of list(pe.properties.customDnsConfigs)) {
      for (const ip of Array.isArray(c.ipAddresses) ? c.ipAddresses : []) hold(ip, pe.id);
    }
  }
  return used;
}
