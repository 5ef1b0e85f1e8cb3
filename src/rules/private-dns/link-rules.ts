import { idKey, type Resource, sameId, typeKey, type World } from "../../world/index.js";
import { ArmError } from "../errors.js";
import type { Rule } from "../rule.js";
import { LIMITS, LINK_TYPE, linkedVnetId, nameOf, VNET_TYPE, zoneIdOf } from "./types.js";

function linksOfVnet(world: World, vnetId: string): Resource[] {
  const vnetKey = idKey(vnetId);
  return world.ofType(LINK_TYPE).filter((l) => {
    const linked = linkedVnetId(l);
    return linked !== undefined && idKey(linked) === vnetKey;
  });
}

/** A link names an existing virtual network [SPEC-PDNS VirtualNetworkLinkProperties]. */
export const linkTargetExists: Rule = {
  name: "private-dns-link-target-exists",
  source: "SPEC-PDNS",
  types: [LINK_TYPE],
  checkPut(after, link) {
    const vnetId = linkedVnetId(link) ?? "";
    const vnet = after.get(vnetId);
    if (vnet && typeKey(vnet.type) === typeKey(VNET_TYPE)) return undefined;
    return new ArmError(
      "LinkedResourceNotFound",
      `Cannot link private DNS zone '${nameOf(zoneIdOf(link.id))}': the virtual network '${vnetId}' was not found.`,
      "properties.virtualNetwork.id",
    );
  },
};

/** "You can create only one link between a private DNS zone and a virtual network" [DOC-PDNS links]. */
export const oneLinkPerZoneAndVnet: Rule = {
  name: "private-dns-one-link-per-zone-and-vnet",
  source: "DOC-PDNS",
  types: [LINK_TYPE],
  checkPut(after, link) {
    const vnetId = linkedVnetId(link) ?? "";
    const zoneId = zoneIdOf(link.id);
    const other = after
      .under(zoneId, LINK_TYPE)
      .find((l) => idKey(l.id) !== idKey(link.id) && sameId(linkedVnetId(l), vnetId));
    if (!other) return undefined;
    return new ArmError(
      "Conflict",
      `The virtual network '${vnetId}' is already linked to private DNS zone '${nameOf(zoneId)}' by link '${other.name}'; a zone and a virtual network can have only one link.`,
    );
  },
};

/** A virtual network auto-registers into at most 1 zone [DOC-PDNS limits]; Azure's 409 message. */
export const singleRegistrationZone: Rule = {
  name: "private-dns-single-registration-zone",
  source: "DOC-PDNS",
  types: [LINK_TYPE],
  checkPut(after, link) {
    if (link.properties.registrationEnabled !== true) return undefined;
    const vnetId = linkedVnetId(link) ?? "";
    const other = linksOfVnet(after, vnetId).find(
      (l) => idKey(l.id) !== idKey(link.id) && l.properties.registrationEnabled === true,
    );
    if (!other) return undefined;
    return new ArmError(
      "Conflict",
      `A virtual network can only be linked to ${LIMITS.registrationZonesPerVnet} Private DNS zone(s) with auto-registration enabled; conflicting Private DNS zone is '${nameOf(zoneIdOf(other.id))}'.`,
    );
  },
};

/** 1000 links per zone, 100 of them with registration; 1000 zones per virtual network [DOC-PDNS]. */
export const linkLimits: Rule = {
  name: "private-dns-link-limits",
  source: "DOC-PDNS",
  types: [LINK_TYPE],
  checkPut(after, link, previous) {
    const zoneId = zoneIdOf(link.id);
    const links = after.under(zoneId, LINK_TYPE);
    const registering = links.filter((l) => l.properties.registrationEnabled === true).length;
    const zone = nameOf(zoneId);
    if (!previous && links.length > LIMITS.linksPerZone) {
      return new ArmError(
        "QuotaExceeded",
        `Private DNS zone '${zone}' already has ${links.length - 1} virtual network links, the limit is ${LIMITS.linksPerZone}.`,
      );
    }
    if (link.properties.registrationEnabled === true && registering > LIMITS.registrationLinksPerZone) {
      return new ArmError(
        "QuotaExceeded",
        `Private DNS zone '${zone}' already has ${registering - 1} links with auto-registration, the limit is ${LIMITS.registrationLinksPerZone}.`,
      );
    }
    const vnetLinks = linksOfVnet(after, linkedVnetId(link) ?? "").length;
    if (!previous && vnetLinks > LIMITS.zonesPerVnet) {
      return new ArmError(
        "QuotaExceeded",
        `The virtual network is already linked to ${vnetLinks - 1} private DNS zones, the limit is ${LIMITS.zonesPerVnet}.`,
      );
    }
    return undefined;
  },
};

/**
 * `resolutionPolicy: NxDomainRedirect` is "only applicable for virtual network links to
 * privatelink zones" [SPEC-PDNS ResolutionPolicy].
 */
export const nxDomainRedirectPrivatelinkOnly: Rule = {
  name: "private-dns-nxdomain-redirect-privatelink-only",
  source: "SPEC-PDNS",
  types: [LINK_TYPE],
  checkPut(_after, link) {
    const zone = nameOf(zoneIdOf(link.id)).toLowerCase();
    if (link.properties.resolutionPolicy !== "NxDomainRedirect" || zone.startsWith("privatelink.")) return undefined;
    return new ArmError(
      "BadRequest",
      `The resolution policy 'NxDomainRedirect' is only allowed on links to 'privatelink.' zones; zone '${zone}' is not one.`,
      "properties.resolutionPolicy",
    );
  },
};
