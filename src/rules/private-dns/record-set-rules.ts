import type { Resource, World } from "../../world/index.js";
import { ArmError } from "../errors.js";
import type { Rule } from "../rule.js";
import { LIMITS, LINK_TYPE, nameOf, RECORD_SET_TYPES, recordTypeOf, zoneIdOf } from "./types.js";

function recordSetsAt(world: World, zoneId: string, name: string): Resource[] {
  const wanted = name.toLowerCase();
  return world.under(zoneId).filter((r) => recordTypeOf(r.type) && r.name.toLowerCase() === wanted);
}

/**
 * A CNAME is the only record set at its name (RFC 1034 §3.6.2; Azure refuses an A set
 * beside a CNAME set and a CNAME beside anything) [SPEC-PDNS CnameRecord].
 */
export const cnameExclusive: Rule = {
  name: "private-dns-cname-exclusive",
  source: "SPEC-PDNS",
  types: RECORD_SET_TYPES,
  checkPut(after, rs) {
    const others = recordSetsAt(after, zoneIdOf(rs.id), rs.name).filter((r) => r.type !== rs.type);
    const type = recordTypeOf(rs.type);
    const clash = type === "CNAME" ? others[0] : others.find((r) => recordTypeOf(r.type) === "CNAME");
    if (!clash) return undefined;
    return new ArmError(
      "Conflict",
      `Cannot create the ${type} record set '${rs.name}' in zone '${nameOf(zoneIdOf(rs.id))}': a ${recordTypeOf(clash.type)} record set already exists at that name, and a CNAME record set must be the only record set at its name.`,
    );
  },
};

function recordCount(rs: Resource): number {
  const type = recordTypeOf(rs.type);
  if (type === "SOA" || type === "CNAME") return 1;
  const data = Object.entries(rs.properties).find(([k]) => k.endsWith("Records"))?.[1];
  return Array.isArray(data) ? data.length : 0;
}

/** 20 records per record set; 25,000 record sets per zone [DOC-PDNS]. */
export const recordSetLimits: Rule = {
  name: "private-dns-record-set-limits",
  source: "DOC-PDNS",
  types: RECORD_SET_TYPES,
  checkPut(after, rs, previous) {
    const records = recordCount(rs);
    if (records > LIMITS.recordsPerRecordSet) {
      return new ArmError(
        "QuotaExceeded",
        `The record set '${rs.name}' has ${records} records; a private DNS record set holds at most ${LIMITS.recordsPerRecordSet}.`,
      );
    }
    if (previous) return undefined;
    const zoneId = zoneIdOf(rs.id);
    const count = after.under(zoneId).filter((r) => r.type !== LINK_TYPE && recordTypeOf(r.type)).length;
    if (count <= LIMITS.recordSetsPerZone) return undefined;
    return new ArmError(
      "QuotaExceeded",
      `Cannot create record set '${rs.name}': zone '${nameOf(zoneId)}' already has ${count - 1} record sets, the limit is ${LIMITS.recordSetsPerZone}.`,
    );
  },
};
