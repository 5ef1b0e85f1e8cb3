import { readSubnet } from "../../semantics/model/network.js";
import { usedAddresses } from "../../semantics/model/subnet-addresses.js";
import { canonicalAddress, reservedReason } from "../../semantics/net/cidr.js";
import { idKey, type Resource, sameId, typeKey, type World } from "../../world/index.js";
import { ArmError } from "../errors.js";
import type { Rule } from "../rule.js";
import { INBOUND_TYPE, nameOf, OUTBOUND_TYPE, parentOf, RESOLVER_TYPE, refId, VNET_TYPE } from "./types.js";

function vnetOf(world: World, id: string | undefined): Resource | undefined {
  const r = id ? world.get(id) : undefined;
  return r && typeKey(r.type) === typeKey(VNET_TYPE) ? r : undefined;
}

/**
 * A resolver sits in an existing virtual network of its own region, and a virtual
 * network holds at most one resolver [JS-DNSR, facts §6; DNS resolver limits].
 */
export const resolverVirtualNetwork: Rule = {
  name: "dns-resolver-virtual-network",
  source: "JS-DNSR",
  types: [RESOLVER_TYPE],
  checkPut(after, resolver) {
    const vnetId = refId(resolver.properties.virtualNetwork) ?? "";
    const vnet = vnetOf(after, vnetId);
    if (!vnet) {
      return new ArmError(
        "LinkedResourceNotFound",
        `Cannot create DNS resolver '${resolver.name}': the virtual network '${vnetId}' was not found.`,
        "properties.virtualNetwork.id",
      );
    }
    if (vnet.location !== resolver.location) {
      return new ArmError(
        "BadRequest",
        `The DNS resolver '${resolver.name}' is in '${resolver.location}' but its virtual network '${vnet.name}' is in '${vnet.location}'; they must be in the same region.`,
        "location",
      );
    }
    const other = after
      .ofType(RESOLVER_TYPE)
      .find((r) => idKey(r.id) !== idKey(resolver.id) && sameId(refId(r.properties.virtualNetwork), vnetId));
    if (!other) return undefined;
    return new ArmError(
      "Conflict",
      `The virtual network '${vnet.name}' already has DNS resolver '${other.name}'; a virtual network can hold only one DNS resolver.`,
    );
  },
};

function subnetIdsOf(ep: Resource): string[] {
  if (typeKey(ep.type) === typeKey(OUTBOUND_TYPE)) return [refId(ep.properties.subnet) ?? ""];
  const configs = Array.isArray(ep.properties.ipConfigurations) ? ep.properties.ipConfigurations : [];
  return configs.map((c) => refId((c as Record<string, unknown>).subnet) ?? "");
}

/**
 * An endpoint's subnet exists in its resolver's virtual network and serves no other
 * endpoint; the endpoint is in its resolver's region [JS-DNSR; resolver docs: each
 * endpoint needs its own dedicated subnet].
 */
export const endpointSubnet: Rule = {
  name: "dns-resolver-endpoint-subnet",
  source: "JS-DNSR",
  types: [INBOUND_TYPE, OUTBOUND_TYPE],
  checkPut(after, ep) {
    const resolver = after.get(parentOf(ep.id));
    if (!resolver) return undefined;
    if (ep.location !== resolver.location) {
      return new ArmError(
        "BadRequest",
        `The endpoint '${ep.name}' is in '${ep.location}' but its DNS resolver '${resolver.name}' is in '${resolver.location}'; they must be in the same region.`,
        "location",
      );
    }
    const vnetId = refId(resolver.properties.virtualNetwork);
    for (const subnetId of subnetIdsOf(ep)) {
      const subnet = readSubnet(after, subnetId);
      if (!subnet) {
        return new ArmError(
          "LinkedResourceNotFound",
          `Cannot create endpoint '${ep.name}': the subnet '${subnetId}' was not found.`,
          "subnet.id",
        );
      }
      if (!sameId(subnet.virtualNetworkId, vnetId)) {
        return new ArmError(
          "BadRequest",
          `The subnet '${subnetId}' of endpoint '${ep.name}' is not in the DNS resolver's virtual network '${vnetId}'.`,
          "subnet.id",
        );
      }
      const sharing = [...after.ofType(INBOUND_TYPE), ...after.ofType(OUTBOUND_TYPE)].find(
        (o) => idKey(o.id) !== idKey(ep.id) && subnetIdsOf(o).some((s) => sameId(s, subnetId)),
      );
      if (sharing) {
        return new ArmError(
          "Conflict",
          `The subnet '${nameOf(subnetId)}' is already used by DNS resolver endpoint '${sharing.name}'; each endpoint needs its own subnet.`,
          "subnet.id",
        );
      }
    }
    return undefined;
  },
};

/** A static inbound address lies in its subnet, outside Azure's reserved ones, and is free. */
export const inboundAddress: Rule = {
  name: "dns-resolver-inbound-address",
  source: "JS-DNSR",
  types: [INBOUND_TYPE],
  checkPut(after, ep) {
    const configs = (Array.isArray(ep.properties.ipConfigurations) ? ep.properties.ipConfigurations : []) as Record<
      string,
      unknown
    >[];
    for (const c of configs) {
      const subnetId = refId(c.subnet) ?? "";
      const ip = c.privateIpAddress;
      const subnet = readSubnet(after, subnetId);
      if (typeof ip !== "string" || !subnet) continue;
      const reasons = subnet.addressPrefixes.map((p) => reservedReason(ip, p));
      const fits = reasons.some((r) => r === undefined);
      if (!fits) {
        const reason = reasons.find((r) => !r?.startsWith("it is outside")) ?? reasons[0] ?? "the subnet has no prefix";
        return new ArmError(
          "PrivateIPAddressNotInSubnet",
          `The private IP address '${ip}' of endpoint '${ep.name}' cannot be used: ${reason}.`,
          "ipConfigurations.privateIpAddress",
        );
      }
      const holder = usedAddresses(after, subnetId, [ep.id]).get(canonicalAddress(ip));
      if (holder) {
        return new ArmError(
          "PrivateIPAddressInUse",
          `The private IP address '${ip}' of endpoint '${ep.name}' is already used by '${holder}'.`,
          "ipConfigurations.privateIpAddress",
        );
      }
    }
    return undefined;
  },
};
