import { type Resource, sameId, type World } from "../../../world/index.js";
import { A_RECORD_TYPE } from "./network-types.js";

/** The key in an A record's `internal` naming the zone group that wrote it. */
export const WRITTEN_BY = "privateDnsZoneGroupId";

/**
 * A record sets a zone group wrote and still owns: another endpoint writing the same
 * name into the zone takes it over (Azure overwrites), and then deleting the first
 * group leaves the record alone.
 */
export function ownedRecords(world: World, groupId: string): Resource[] {
  return world.ofType(A_RECORD_TYPE).filter((r) => sameId(r.internal?.[WRITTEN_BY] as string | undefined, groupId));
}

export function ownedRecordIds(world: World, groupId: string): string[] {
  return ownedRecords(world, groupId).map((r) => r.id);
}
