import { ArmError } from "../../../rules/index.js";
import { referenceNotFound } from "../../../rules/network/network-errors.js";
import { idKey, parentId, parseId, type Resource, sameId, type World } from "../../../world/index.js";
import type { TypeHandler } from "../provider.js";
import { membersInZone } from "./arc-members.js";
import {
  bodyEtag,
  CHILD_MEMBERS,
  checkMembers,
  isObject,
  type Json,
  optionalArray,
  optionalString,
  propertiesOf,
} from "./body.js";
import { NETWORK_API_VERSIONS } from "./network-api-versions.js";
import { A_RECORD_TYPE, PRIVATE_ZONE_TYPE, ZONE_GROUP_TYPE } from "./network-types.js";
import { endpointMembers } from "./private-endpoints.js";
import { ownedRecordIds, WRITTEN_BY } from "./zone-records.js";

/** TTL of the records a zone group writes [Azure private endpoint DNS integration]. */
export const ZONE_GROUP_TTL = 10;

interface ZoneConfig {
  name: string;
  zoneId: string;
}

function readConfigs(groupId: string, body: Json): ZoneConfig[] {
  const p = propertiesOf(body, CHILD_MEMBERS, ["privateDnsZoneConfigs", "provisioningState"], "PrivateDnsZoneGroup");
  const items = optionalArray(p.privateDnsZoneConfigs, "properties.privateDnsZoneConfigs") ?? [];
  // A zone group holds one to five zones [Azure private endpoint DNS integration docs].
  if (items.length < 1 || items.length > 5) {
    throw new ArmError(
      "InvalidParameter",
      `Private DNS zone group '${groupId}' has ${items.length} zone configs in 'privateDnsZoneConfigs'; it needs one to five.`,
      "properties.privateDnsZoneConfigs",
    );
  }
  const configs = items.map((item, i) => {
    const path = `properties.privateDnsZoneConfigs[${i}]`;
    if (!isObject(item))
      throw new ArmError("InvalidRequestContent", `The value of '${path}' must be a JSON object.`, path);
    checkMembers(item, ["name", "id", "type", "etag", "properties"], "PrivateDnsZoneConfig", path);
    checkMembers(
      item.properties ?? {},
      ["privateDnsZoneId", "recordSets"],
      "PrivateDnsZonePropertiesFormat",
      `${path}.properties`,
    );
    const zonePath = `${path}.properties.privateDnsZoneId`;
    const raw = optionalString((item.properties as Json | undefined)?.privateDnsZoneId, zonePath);
    const parsed = raw ? parseId(raw) : undefined;
    if (!parsed || idKey(parsed.type) !== idKey(PRIVATE_ZONE_TYPE)) {
      throw new ArmError(
        "LinkedInvalidPropertyId",
        `Property id '${raw ?? ""}' at path '${zonePath}' is invalid. Expect fully qualified resource Id of type '${PRIVATE_ZONE_TYPE}'.`,
        zonePath,
      );
    }
    const zoneId = parsed.id;
    const zoneName = zoneId.split("/").pop()!;
    return { name: optionalString(item.name, `${path}.name`) ?? zoneName.replace(/\./g, "-"), zoneId };
  });
  const twice = configs.find((c, i) => configs.findIndex((d) => sameId(d.zoneId, c.zoneId)) !== i);
  if (twice) {
    throw new ArmError(
      "InvalidParameter",
      `Private DNS zone group '${groupId}' lists zone ${twice.zoneId} more than once.`,
      "properties.privateDnsZoneConfigs",
    );
  }
  return configs;
}

/** The A record sets a group's configs produce from its endpoint's members and addresses. */
function recordsFor(
  world: World,
  pe: Resource,
  configs: readonly ZoneConfig[],
): { zoneId: string; name: string; fqdn: string; address: string }[] {
  const members = endpointMembers(pe);
  return configs.flatMap((c) => {
    const zone = world.get(c.zoneId);
    const zoneName = (zone?.name ?? c.zoneId.split("/").pop()!).toLowerCase();
    return membersInZone(members, zoneName).map((m) => ({
      zoneId: zone?.id ?? c.zoneId,
      name: m.recordName.toLowerCase(),
      fqdn: `${m.recordName.toLowerCase()}.${zoneName}`,
      address: m.address,
    }));
  });
}

/**
 * `privateEndpoints/{pe}/privateDnsZoneGroups/{name}` [JS-NET, EX-NET, facts §4.3]: the
 * "Integrate with private DNS zone" step. A PUT writes one A record set per member
 * whose zone is configured (`gbl` and `<hisCode>` in privatelink.his.arc.azure.com, …),
 * TTL 10, overwriting a record of the same name as Azure does; records the group wrote
 * and no longer produces, and all of them on DELETE, are removed.
 */
export const privateDnsZoneGroups: TypeHandler = {
  type: ZONE_GROUP_TYPE,
  kind: "proxy",
  apiVersions: NETWORK_API_VERSIONS,
  asyncPut: true,
  readOnly: ["properties.provisioningState"],
  put(ctx, { id, body }) {
    const configs = readConfigs(id.name, body);
    for (const [i, c] of configs.entries()) {
      const zone = ctx.world.get(c.zoneId);
      if (!zone || idKey(zone.type) !== idKey(PRIVATE_ZONE_TYPE)) {
        throw referenceNotFound(c.zoneId, id.id, `properties.privateDnsZoneConfigs[${i}].properties.privateDnsZoneId`);
      }
    }
    const pe = ctx.world.get(parentId(id)!)!;
    const records = recordsFor(ctx.world, pe, configs);
    const puts: Resource[] = records.map((rec) => ({
      id: `${rec.zoneId}/A/${rec.name}`,
      name: rec.name,
      type: A_RECORD_TYPE,
      etag: ctx.newGuid(),
      properties: { ttl: ZONE_GROUP_TTL, aRecords: [{ ipv4Address: rec.address }] },
      internal: { [WRITTEN_BY]: id.id },
    }));
    const deletes = ownedRecordIds(ctx.world, id.id).filter((old) => !puts.some((p) => sameId(p.id, old)));
    const resource: Resource = {
      id: id.id,
      name: id.name,
      type: ZONE_GROUP_TYPE,
      properties: {
        privateDnsZoneConfigs: configs.map((c) => ({ name: c.name, properties: { privateDnsZoneId: c.zoneId } })),
        provisioningState: "Succeeded",
      },
    };
    return { resource, effects: { puts, deletes } };
  },
  delete(ctx, r) {
    return { puts: [], deletes: [r.id, ...ownedRecordIds(ctx.world, r.id)] };
  },
  view(world, r) {
    const parsed = parseId(r.id);
    const pe = parsed ? world.get(parentId(parsed)!) : undefined;
    const configs = (
      r.properties.privateDnsZoneConfigs as { name: string; properties: { privateDnsZoneId: string } }[]
    ).map((c) => {
      const recordSets = pe
        ? recordsFor(world, pe, [{ name: c.name, zoneId: c.properties.privateDnsZoneId }]).map((rec) => ({
            recordType: "A",
            recordSetName: rec.name,
            fqdn: rec.fqdn,
            ttl: ZONE_GROUP_TTL,
            ipAddresses: [rec.address],
            provisioningState: "Succeeded",
          }))
        : [];
      return { name: c.name, properties: { privateDnsZoneId: c.properties.privateDnsZoneId, recordSets } };
    });
    return {
      id: r.id,
      name: r.name,
      type: ZONE_GROUP_TYPE,
      etag: bodyEtag(r),
      properties: { provisioningState: "Succeeded", privateDnsZoneConfigs: configs },
    };
  },
};
