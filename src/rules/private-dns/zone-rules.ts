import { idKey } from "../../world/index.js";
import { ArmError } from "../errors.js";
import type { Rule } from "../rule.js";
import { LIMITS, LINK_TYPE, nameOf, recordSetType, ZONE_TYPE, zoneIdOf } from "./types.js";

/**
 * "Private DNS zone cannot be deleted unless all virtual network links to it are
 * removed" [SPEC-PDNS PrivateZones_Delete]. Azure answers 409. Deleting the resource
 * group deletes the links with the zone, so that passes.
 */
export const zoneDeleteNeedsNoLinks: Rule = {
  name: "private-dns-zone-delete-needs-no-links",
  source: "SPEC-PDNS",
  types: [ZONE_TYPE],
  checkDelete(_before, after, zone) {
    const links = after.under(zone.id, LINK_TYPE);
    if (links.length === 0) return undefined;
    return new ArmError(
      "Conflict",
      `The private DNS zone '${zone.name}' cannot be deleted: it still has ${links.length} virtual network link(s) (${links.map((l) => `'${l.name}'`).join(", ")}). Remove the links first.`,
    );
  },
};

/** The SOA record set lives and dies with its zone [SPEC-PDNS: no SOA delete example]. */
export const soaRecordSetPermanent: Rule = {
  name: "private-dns-soa-permanent",
  source: "SPEC-PDNS",
  types: [recordSetType("SOA")],
  checkDelete(_before, after, soa) {
    const zoneId = zoneIdOf(soa.id);
    if (!after.get(zoneId)) return undefined;
    return new ArmError(
      "MethodNotAllowed",
      `The SOA record set of private DNS zone '${nameOf(zoneId)}' cannot be deleted; it is deleted with the zone.`,
    );
  },
};

/** At most 1000 private DNS zones per subscription [DOC-PDNS]. */
export const zonesPerSubscription: Rule = {
  name: "private-dns-zones-per-subscription",
  source: "DOC-PDNS",
  types: [ZONE_TYPE],
  checkPut(after, zone, previous) {
    if (previous) return undefined;
    const sub = idKey(zone.id).split("/")[2];
    const count = after.ofType(ZONE_TYPE).filter((z) => idKey(z.id).split("/")[2] === sub).length;
    if (count <= LIMITS.zonesPerSubscription) return undefined;
    return new ArmError(
      "QuotaExceeded",
      `Cannot create private DNS zone '${zone.name}': the subscription already has ${count - 1} private DNS zones, the limit is ${LIMITS.zonesPerSubscription}.`,
    );
  },
};
