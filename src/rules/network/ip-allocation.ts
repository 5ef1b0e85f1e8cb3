import type { Resource, World } from "../../world/index.js";
import { sameId } from "../../world/index.js";
import { ArmError } from "../errors.js";
import { canonicalAddress, firstFree, inPrefixRange, isReserved, type Prefix, parsePrefix } from "./address-space.js";
import { INBOUND_ENDPOINT_TYPE, list, NIC_TYPE, obj, refId, subnetPrefixes } from "./read.js";

/**
 * Private IP allocation from a subnet, as Azure does it for a private endpoint's NIC:
 * dynamic addresses are the lowest free ones after the four reserved at the start
 * (the last is reserved too); a static address must be inside the subnet, not
 * reserved and not taken [Azure vnet FAQ; error codes as Azure reports them].
 */
export interface AddressRequest {
  key: string;
  /** A static address, if the client asked for one. */
  address?: string;
  /** Where the static address came from, for the error target. */
  target?: string;
}

/** Addresses of a subnet already held by NIC IP configurations and DNS resolver inbound endpoints. */
export function usedAddresses(world: World, subnetId: string, ignoreIds: readonly string[] = []): Map<string, string> {
  const used = new Map<string, string>();
  const ignored = (id: string) => ignoreIds.some((x) => sameId(x, id));
  for (const nic of world.ofType(NIC_TYPE)) {
    if (ignored(nic.id)) continue;
    for (const c of list(nic.properties.ipConfigurations)) {
      const p = obj(c.properties);
      if (sameId(refId(p.subnet), subnetId) && typeof p.privateIPAddress === "string") {
        used.set(canonicalAddress(p.privateIPAddress), String(c.id ?? nic.id));
      }
    }
  }
  for (const ep of world.ofType(INBOUND_ENDPOINT_TYPE)) {
    for (const c of list(ep.properties.ipConfigurations)) {
      if (sameId(refId(c.subnet), subnetId) && typeof c.privateIpAddress === "string") {
        used.set(canonicalAddress(c.privateIpAddress), ep.id);
      }
    }
  }
  return used;
}

function prefixesOf(subnet: Resource): Prefix[] {
  return subnetPrefixes(subnet).flatMap((text) => {
    const parsed = parsePrefix(text);
    return parsed.ok && parsed.prefix.kind === "ipv4" ? [parsed.prefix] : [];
  });
}

/**
 * One address per request, static ones first; throws the Azure error for a static
 * address outside the subnet, reserved or taken, and `SubnetIsFull` when the dynamic
 * ones do not fit.
 */
export function allocateAddresses(
  world: World,
  subnet: Resource,
  requests: readonly AddressRequest[],
  ignoreIds: readonly string[] = [],
): Map<string, string> {
  const used = usedAddresses(world, subnet.id, ignoreIds);
  const prefixes = prefixesOf(subnet);
  const out = new Map<string, string>();
  const taken = new Set(used.keys());
  for (const r of requests) {
    if (!r.address) continue;
    const address = canonicalAddress(r.address);
    const home = prefixes.find((p) => inPrefixRange(address, p));
    if (!home) {
      throw new ArmError(
        "PrivateIPAddressNotInSubnet",
        `Private static IP address ${r.address} does not belong to the range of subnet prefix ${subnetPrefixes(subnet).join(", ")} of subnet ${subnet.id}.`,
        r.target,
      );
    }
    if (isReserved(address, home)) {
      throw new ArmError(
        "PrivateIPAddressInReservedRange",
        `Private static IP address ${r.address} falls within reserved IP range of subnet prefix ${home.text}: Azure reserves the first four addresses and the last one of every subnet.`,
        r.target,
      );
    }
    if (taken.has(address)) {
      throw new ArmError(
        "PrivateIPAddressIsAllocated",
        `IP configuration ${r.key} is using the private IP address ${r.address} which is already allocated to resource ${used.get(address) ?? "another IP configuration of this request"}.`,
        r.target,
      );
    }
    taken.add(address);
    out.set(r.key, address);
  }
  const dynamic = requests.filter((r) => !r.address);
  for (const r of dynamic) {
    let address: string | undefined;
    for (const p of prefixes) {
      address = firstFree(p, taken);
      if (address) break;
    }
    if (!address) {
      throw new ArmError(
        "SubnetIsFull",
        `Subnet ${subnet.name} with address prefix ${subnetPrefixes(subnet).join(", ")} does not have enough capacity for ${dynamic.length} IP addresses: ${used.size} are in use and Azure reserves five per prefix.`,
        "properties.subnet.id",
      );
    }
    taken.add(address);
    out.set(r.key, address);
  }
  return out;
}
