import { inPrefix, prefixesOverlap } from "../../semantics/net/cidr.js";
import { keyOf, type Resource, sameId, typeKey, type World } from "../../world/index.js";
import { ArmError } from "../errors.js";
import type { Rule } from "../rule.js";
import { addressPrefixes, connectedVnetIds, parentOf, SITE_CHILD_TYPES, SITE_TYPE, VNET_TYPE } from "./types.js";

/** A site's connections name existing virtual networks (docs/premises.md). */
export const siteConnectionsExist: Rule = {
  name: "premises-site-connections-exist",
  source: "docs/premises.md",
  types: [SITE_TYPE],
  checkPut(after, site) {
    for (const vnetId of connectedVnetIds(site)) {
      const vnet = after.get(vnetId);
      if (vnet && typeKey(vnet.type) === typeKey(VNET_TYPE)) continue;
      return new ArmError(
        "LinkedResourceNotFound",
        `The site '${site.name}' connects to virtual network '${vnetId}', which was not found.`,
        "properties.connections",
      );
    }
    return undefined;
  },
};

function overlap(site: Resource, vnet: Resource): ArmError | undefined {
  for (const s of addressPrefixes(site.properties)) {
    const v = addressPrefixes(vnet.properties).find((p) => prefixesOverlap(s, p));
    if (!v) continue;
    return new ArmError(
      "SiteAddressSpaceOverlapsVirtualNetwork",
      `The address space '${s}' of site '${site.name}' overlaps the address space '${v}' of virtual network '${vnet.name}' it connects to; routed networks must not overlap.`,
      "properties.addressSpace",
    );
  }
  return undefined;
}

function sitesConnectedTo(world: World, vnetId: string): Resource[] {
  return world.ofType(SITE_TYPE).filter((s) => connectedVnetIds(s).some((id) => sameId(id, vnetId)));
}

/**
 * A site and the virtual networks it connects to route to each other, so their address
 * spaces must not overlap — checked when either side is written (docs/premises.md; a
 * VPN or ExpressRoute connection refuses overlapping prefixes in Azure likewise).
 */
export const siteAddressSpaceNoOverlap: Rule = {
  name: "premises-site-address-space-no-overlap",
  source: "docs/premises.md",
  types: [SITE_TYPE, VNET_TYPE],
  checkPut(after, resource) {
    if (typeKey(resource.type) === typeKey(VNET_TYPE)) {
      for (const site of sitesConnectedTo(after, resource.id)) {
        const error = overlap(site, resource);
        if (error) return error;
      }
      return undefined;
    }
    for (const vnetId of connectedVnetIds(resource)) {
      const vnet = after.get(vnetId);
      const error = vnet && overlap(resource, vnet);
      if (error) return error;
    }
    return undefined;
  },
};

/**
 * The DNS servers, proxies and hosts of a site have addresses inside its address space,
 * each address used once — checked when a member or its site is written.
 */
export const siteMemberAddresses: Rule = {
  name: "premises-site-member-addresses",
  source: "docs/premises.md",
  types: [SITE_TYPE, ...SITE_CHILD_TYPES],
  checkPut(after, resource) {
    const isSite = typeKey(resource.type) === typeKey(SITE_TYPE);
    const site = isSite ? resource : after.get(parentOf(resource.id));
    if (!site) return undefined;
    const prefixes = addressPrefixes(site.properties);
    const members = SITE_CHILD_TYPES.flatMap((t) => after.under(site.id, t));
    // Members by address, in order: the twin of a member is the first other one at its address.
    const atAddress = new Map<unknown, Resource[]>();
    for (const o of members) {
      const same = atAddress.get(o.properties.address);
      if (same) same.push(o);
      else atAddress.set(o.properties.address, [o]);
    }
    const checked = isSite ? members : members.filter((m) => keyOf(m) === keyOf(resource));
    for (const m of checked) {
      const address = String(m.properties.address ?? "");
      if (!prefixes.some((p) => inPrefix(address, p))) {
        return new ArmError(
          "BadRequest",
          `The address '${address}' of '${m.name}' is outside the address space of site '${site.name}' (${prefixes.map((p) => `'${p}'`).join(", ")}).`,
          isSite ? "properties.addressSpace" : "properties.address",
        );
      }
      const twin = atAddress.get(address)?.find((o) => keyOf(o) !== keyOf(m));
      if (twin) {
        return new ArmError(
          "Conflict",
          `The address '${address}' of '${m.name}' is already used by '${twin.name}' in site '${site.name}'.`,
          "properties.address",
        );
      }
    }
    return undefined;
  },
};
