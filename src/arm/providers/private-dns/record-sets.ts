import { ArmError } from "../../../rules/index.js";
import { parseId, type Resource, type World } from "../../../world/index.js";
import type { TypeHandler } from "../provider.js";
import { bodyProperties, checkBodyEtag, type Json } from "./body.js";
import {
  PRIVATE_DNS_API_VERSIONS,
  RECORD_TYPES,
  type RecordType,
  recordSetType,
  recordTypeOf,
  ZONE_TYPE,
} from "./constants.js";
import { checkRelativeName, recordSetProperties } from "./record-data.js";
import { recordSetsOf, zoneIdOf } from "./zones.js";

const READ_ONLY = ["properties.fqdn", "properties.isAutoRegistered"];

function zoneName(recordSetId: string): string {
  return parseId(zoneIdOf(recordSetId))?.name ?? "";
}

/** The fully qualified name of a record set, with the trailing dot [SPEC-PDNS example]. */
export function recordSetFqdn(zone: string, relativeName: string): string {
  return `${relativeName === "@" ? "" : `${relativeName.toLowerCase()}.`}${zone.toLowerCase()}.`;
}

/** Record set names come back lower-cased [SPEC-PDNS RecordSetAPut example]. */
export function renderRecordSet(r: Resource): Json {
  const name = r.name.toLowerCase();
  const { metadata, ttl, ...records } = r.properties;
  return {
    id: `${zoneIdOf(r.id)}/${r.type.split("/")[2]}/${name}`,
    name,
    type: r.type,
    etag: r.etag,
    properties: {
      ...(metadata ? { metadata } : {}),
      ttl,
      fqdn: recordSetFqdn(zoneName(r.id), name),
      isAutoRegistered: false,
      ...records,
    },
  };
}

function writable(props: Json): Json {
  const { fqdn: _f, isAutoRegistered: _a, ...rest } = props;
  return rest;
}

/**
 * A record set type `Microsoft.Network/privateDnsZones/{TYPE}` at
 * `/{zone}/{TYPE}/{name}` [SPEC-PDNS]: PUT and PATCH are synchronous (200/201, 200),
 * DELETE answers 200 or 204. The data is checked here; CNAME exclusivity, the SOA's
 * permanence and the limits are rules (src/rules/private-dns/).
 */
export function recordSetHandler(recordType: RecordType): TypeHandler {
  return {
    type: recordSetType(recordType),
    kind: "proxy",
    apiVersions: PRIVATE_DNS_API_VERSIONS,
    etagInBody: true,
    syncDelete: true,
    readOnly: READ_ONLY,
    put(_ctx, { id, body, existing }) {
      const props = bodyProperties(body, ["etag"], "RecordSet");
      checkBodyEtag(body, existing);
      const name = id.name.toLowerCase();
      checkRelativeName(name, zoneName(id.id));
      return {
        resource: {
          id: id.id,
          name,
          type: recordSetType(recordType),
          properties: recordSetProperties(recordType, props, name),
        },
      };
    },
    patch(_ctx, { id, body, existing }) {
      const props = bodyProperties(body, ["etag"], "RecordSet");
      checkBodyEtag(body, existing);
      const merged = { ...writable(existing.properties), ...props };
      return { resource: { ...existing, properties: recordSetProperties(recordType, merged, id.name.toLowerCase()) } };
    },
    view: (_world, r) => renderRecordSet(r),
  };
}

/**
 * `GET /{zone}/ALL` lists every record set of a zone (RecordSets_List; the swagger path is
 * literally `ALL`). The engine routes a collection path by its last segment, so this
 * listing is a virtual type `privateDnsZones/ALL`; it has no instances.
 */
export const allRecordSets: TypeHandler = {
  type: `${ZONE_TYPE}/ALL`,
  kind: "virtual",
  apiVersions: PRIVATE_DNS_API_VERSIONS,
  get: () => undefined,
  list(ctx, parent) {
    if (!ctx.world.get(parent)) {
      throw new ArmError(
        "ResourceNotFound",
        `The private DNS zone '${parseId(parent)?.name ?? parent}' was not found.`,
      );
    }
    return sortedRecordSets(ctx.world, parent).map(renderRecordSet);
  },
};

function sortedRecordSets(world: World, zoneId: string): Resource[] {
  const order = (r: Resource) => RECORD_TYPES.indexOf(recordTypeOf(r.type) ?? "A");
  return [...recordSetsOf(world, zoneId)].sort((a, b) => order(a) - order(b) || (a.name < b.name ? -1 : 1));
}

/** One handler per record type of the spec. */
export const recordSetHandlers: readonly TypeHandler[] = RECORD_TYPES.map(recordSetHandler);
