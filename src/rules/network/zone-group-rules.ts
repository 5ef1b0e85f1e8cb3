import { sameId } from "../../world/index.js";
import { ArmError } from "../errors.js";
import type { Rule } from "../rule.js";
import { referenceNotFound } from "./network-errors.js";
import { list, obj, PRIVATE_ZONE_TYPE, parentOf, typed, ZONE_GROUP_TYPE } from "./read.js";

/** A private endpoint has at most one private DNS zone group [JS-NET PrivateDnsZoneGroups]. */
export const oneZoneGroupPerEndpoint: Rule = {
  name: "one-zone-group-per-endpoint",
  source: "JS-NET",
  types: [ZONE_GROUP_TYPE],
  checkPut(after, group) {
    const peId = parentOf(group.id);
    const other = peId ? after.under(peId, ZONE_GROUP_TYPE).find((g) => !sameId(g.id, group.id)) : undefined;
    if (!other) return undefined;
    return new ArmError(
      "OnlyOnePrivateDnsZoneGroupPerPrivateEndpoint",
      `Private DNS zone group '${group.name}' cannot be added to private endpoint ${peId}: it already has zone group '${other.name}'. Add the zone to that group's privateDnsZoneConfigs instead.`,
    );
  },
};

/** Every configured zone exists [facts §4.3]. */
export const zoneGroupZonesExist: Rule = {
  name: "zone-group-zones-exist",
  source: "JS-NET",
  types: [ZONE_GROUP_TYPE],
  checkPut(after, group) {
    for (const [i, config] of list(group.properties.privateDnsZoneConfigs).entries()) {
      const zoneId = obj(config.properties).privateDnsZoneId as string | undefined;
      if (!typed(after, zoneId, PRIVATE_ZONE_TYPE)) {
        return referenceNotFound(
          zoneId ?? "(none)",
          group.id,
          `properties.privateDnsZoneConfigs[${i}].properties.privateDnsZoneId`,
        );
      }
    }
    return undefined;
  },
};
