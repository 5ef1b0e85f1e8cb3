import { usedAddresses } from "../../semantics/model/subnet-addresses.js";
import {
  canonicalAddress,
  firstFree,
  inPrefixRange,
  isReserved,
  type Prefix,
  parsePrefix,
} from "../../semantics/net/cidr.js";
import type { Resource, World } from "../../world/index.js";
import { ArmError } from "../errors.js";
import { subnetPrefixes } from "./read.js";

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
