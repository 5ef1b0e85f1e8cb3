import { usedAddresses } from "../../semantics/model/subnet-addresses.js";
import {
  canonicalAddress,
  contains,
  inPrefixRange,
  overlaps,
  type Prefix,
  parsePrefix,
} from "../../semantics/net/cidr.js";
import type { Resource, World } from "../../world/index.js";
import { ArmError } from "../errors.js";
import type { Rule } from "../rule.js";
import { isType, parentOf, SUBNET_TYPE, subnetPrefixes, typed, VNET_TYPE, vnetPrefixes } from "./read.js";

/** Parses a prefix of `owner`, or the Azure error for it. */
export function prefixOrError(text: string, owner: Resource, target: string): Prefix | ArmError {
  const parsed = parsePrefix(text);
  if (parsed.ok) return parsed.prefix;
  if (parsed.reason === "cidr") {
    return new ArmError(
      "InvalidCIDRNotation",
      `The address prefix ${text} in resource ${owner.id} has an invalid CIDR notation. For the given prefix length, the address prefix should be ${parsed.canonical}.`,
      target,
    );
  }
  return new ArmError(
    "InvalidAddressPrefixFormat",
    `The address prefix '${text}' of resource ${owner.id} is not a valid CIDR prefix (for example '10.0.0.0/24').`,
    target,
  );
}

/** The parseable prefixes of a subnet (invalid ones are the subnet rule's to report). */
function parsedSubnet(subnet: Resource): Prefix[] {
  return subnetPrefixes(subnet).flatMap((t) => {
    const p = parsePrefix(t);
    return p.ok ? [p.prefix] : [];
  });
}

function outside(vnet: Resource, vnetSpace: Prefix[], subnet: Resource): ArmError | undefined {
  for (const p of parsedSubnet(subnet)) {
    if (!vnetSpace.some((v) => contains(v, p))) {
      return new ArmError(
        "NetcfgSubnetRangeOutsideVnet",
        `Subnet '${subnet.name}' is not valid because its IP address range ${p.text} is outside the IP address range of virtual network '${vnet.name}' (${vnetPrefixes(vnet).join(", ")}).`,
        "properties.addressPrefix",
      );
    }
  }
  return undefined;
}

function vnetSpace(vnet: Resource): Prefix[] | ArmError {
  const out: Prefix[] = [];
  for (const [i, text] of vnetPrefixes(vnet).entries()) {
    const p = prefixOrError(text, vnet, `properties.addressSpace.addressPrefixes[${i}]`);
    if (p instanceof ArmError) return p;
    out.push(p);
  }
  return out;
}

/** A vnet's address prefixes are valid CIDRs and every subnet stays inside them [Azure vnet docs]. */
export const vnetAddressSpace: Rule = {
  name: "vnet-address-space",
  source: "JS-NET",
  types: [VNET_TYPE],
  checkPut(after, vnet) {
    const space = vnetSpace(vnet);
    if (space instanceof ArmError) return space;
    for (const subnet of after.under(vnet.id, SUBNET_TYPE)) {
      const error = outside(vnet, space, subnet);
      if (error) return error;
    }
    return undefined;
  },
};

/** A subnet's prefixes are valid, inside its vnet, and overlap no sibling subnet. */
export const subnetAddressPrefixes: Rule = {
  name: "subnet-address-prefixes",
  source: "JS-NET",
  types: [SUBNET_TYPE],
  checkPut(after, subnet) {
    const own: Prefix[] = [];
    for (const [i, text] of subnetPrefixes(subnet).entries()) {
      const target =
        typeof subnet.properties.addressPrefix === "string" && i === 0
          ? "properties.addressPrefix"
          : "properties.addressPrefixes";
      const p = prefixOrError(text, subnet, target);
      if (p instanceof ArmError) return p;
      own.push(p);
    }
    const vnet = typed(after, parentOf(subnet.id), VNET_TYPE);
    if (!vnet) return undefined;
    const space = vnetSpace(vnet);
    if (!(space instanceof ArmError)) {
      const error = outside(vnet, space, subnet);
      if (error) return error;
    }
    for (const sibling of after.under(vnet.id, SUBNET_TYPE)) {
      if (sibling.id.toLowerCase() === subnet.id.toLowerCase()) continue;
      for (const theirs of parsedSubnet(sibling)) {
        const mine = own.find((p) => overlaps(p, theirs));
        if (mine) {
          return new ArmError(
            "NetcfgSubnetRangesOverlap",
            `Subnet '${subnet.name}' is not valid because its IP address range ${mine.text} overlaps with that of subnet '${sibling.name}' (${theirs.text}) in virtual network '${vnet.name}'.`,
            "properties.addressPrefix",
          );
        }
      }
    }
    return undefined;
  },
};

/** Changing a subnet's prefixes may not strand the addresses endpoints already hold in it. */
export const subnetInUseUpdate: Rule = {
  name: "subnet-in-use-update",
  source: "JS-NET",
  types: [SUBNET_TYPE],
  checkPut(after: World, subnet, previous) {
    if (!previous || !isType(previous, SUBNET_TYPE)) return undefined;
    const prefixes = parsedSubnet(subnet);
    for (const [address, user] of usedAddresses(after, subnet.id)) {
      if (!prefixes.some((p) => inPrefixRange(canonicalAddress(address), p))) {
        return new ArmError(
          "InUseSubnetCannotBeUpdated",
          `Subnet ${subnet.name} is in use by ${user} with address ${address}, which would fall outside its new address prefix ${subnetPrefixes(subnet).join(", ")}. Delete the resources using the subnet first.`,
          "properties.addressPrefix",
        );
      }
    }
    return undefined;
  },
};
