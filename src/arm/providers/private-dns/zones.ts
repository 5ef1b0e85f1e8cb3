import { type ChangeSet, childId, type Resource, typeKey, type World } from "../../../world/index.js";
import type { HandlerContext, TypeHandler } from "../provider.js";
import { bodyProperties, checkBodyEtag, checkGlobalLocation, type Json, knownObject } from "./body.js";
import { DEFAULT_SOA, LIMITS, LINK_TYPE, PRIVATE_DNS_API_VERSIONS, ZONE_TYPE } from "./constants.js";
import { checkZoneName } from "./zone-name.js";

const READ_ONLY_PROPS = [
  "maxNumberOfRecordSets",
  "numberOfRecordSets",
  "maxNumberOfVirtualNetworkLinks",
  "numberOfVirtualNetworkLinks",
  "maxNumberOfVirtualNetworkLinksWithRegistration",
  "numberOfVirtualNetworkLinksWithRegistration",
  "provisioningState",
  "internalId",
];

/** Record sets of a zone: every descendant but its virtual network links. */
export function recordSetsOf(world: World, zoneId: string): readonly Resource[] {
  const links = typeKey(LINK_TYPE);
  return world.under(zoneId).filter((r) => typeKey(r.type) !== links);
}

function checkShape(body: Json): void {
  const props = bodyProperties(body, ["location", "tags", "etag"], "PrivateZone");
  knownObject(props, READ_ONLY_PROPS, "PrivateZoneProperties", "properties");
  checkGlobalLocation(body, ZONE_TYPE);
}

/** The SOA record set Azure creates with every zone; `derivedFrom` keeps it out of world exports. */
function soaRecordSet(ctx: HandlerContext, zoneId: string): Resource {
  return {
    id: childId(zoneId, "SOA", "@"),
    name: "@",
    type: `${ZONE_TYPE}/SOA`,
    etag: ctx.newGuid(),
    properties: { ttl: 3600, soaRecord: { ...DEFAULT_SOA } },
    internal: { derivedFrom: zoneId },
  };
}

/**
 * `Microsoft.Network/privateDnsZones` [SPEC-PDNS, facts §5]: location `global`, etag in
 * the body, every property read-only. PUT creates the SOA record set; PUT, PATCH and
 * DELETE are long-running in the spec (the work is done at once). DELETE removes the
 * record sets; a rule refuses it while virtual network links remain.
 */
export const privateDnsZones: TypeHandler = {
  type: ZONE_TYPE,
  kind: "tracked",
  apiVersions: PRIVATE_DNS_API_VERSIONS,
  fixedLocation: "global",
  etagInBody: true,
  asyncPut: true,
  readOnly: READ_ONLY_PROPS.map((p) => `properties.${p}`),
  put(ctx, { id, body, existing }) {
    const nameError = checkZoneName(id.name);
    if (nameError) throw nameError;
    checkShape(body);
    checkBodyEtag(body, existing);
    const internalId =
      existing?.properties.internalId ?? Buffer.from(`ImmutableZoneIdentity;${ctx.newGuid()};0`).toString("base64");
    const resource = {
      id: id.id,
      name: id.name,
      type: ZONE_TYPE,
      properties: { provisioningState: "Succeeded", internalId },
    };
    const effects: ChangeSet = { puts: existing ? [] : [soaRecordSet(ctx, id.id)], deletes: [] };
    return { resource, effects };
  },
  patch(_ctx, { body, existing }) {
    checkShape(body);
    checkBodyEtag(body, existing);
    return { resource: { ...existing } };
  },
  delete(ctx, zone) {
    return { puts: [], deletes: [zone.id, ...recordSetsOf(ctx.world, zone.id).map((r) => r.id)] };
  },
  view(world, r) {
    const links = world.under(r.id, LINK_TYPE);
    const registering = links.filter((l) => l.properties.registrationEnabled === true);
    return {
      id: r.id,
      name: r.name,
      type: ZONE_TYPE,
      etag: r.etag,
      location: "global",
      tags: r.tags ?? {},
      properties: {
        maxNumberOfRecordSets: LIMITS.recordSetsPerZone,
        numberOfRecordSets: recordSetsOf(world, r.id).length,
        maxNumberOfVirtualNetworkLinks: LIMITS.linksPerZone,
        numberOfVirtualNetworkLinks: links.length,
        maxNumberOfVirtualNetworkLinksWithRegistration: LIMITS.registrationLinksPerZone,
        numberOfVirtualNetworkLinksWithRegistration: registering.length,
        provisioningState: r.properties.provisioningState ?? "Succeeded",
        internalId: r.properties.internalId,
      },
    };
  },
};

export { zoneIdOf } from "../../../rules/private-dns/types.js";
