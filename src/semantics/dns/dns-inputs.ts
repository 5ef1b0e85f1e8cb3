import { parseId } from "../../world/arm-id.js";
import type { ChangeSet } from "../../world/world.js";
import { MACHINE_TYPE } from "../model/hybrid-compute.js";

/**
 * Resource types no DNS answer, DNS listener or asker depends on: `resolve`, the hosts'
 * resolvers and the address realization never read an Arc machine (its status, scope or
 * key). Kept as data so `dns-inputs.test.ts` checks the claim over every lab.
 */
const DNS_BLIND_TYPES = [MACHINE_TYPE.toLowerCase()];

function blind(type: string | undefined): boolean {
  const t = type?.toLowerCase();
  return t !== undefined && DNS_BLIND_TYPES.some((b) => t === b || t.startsWith(`${b}/`));
}

/**
 * Whether a commit can change any DNS answer: false when it writes and deletes only
 * resources DNS never reads (a machine's status after a heartbeat, its association).
 *
 * @example
 * changesDns({ puts: [machine], deletes: [] }) // false
 */
export function changesDns(changes: ChangeSet): boolean {
  return changes.puts.some((r) => !blind(r.type)) || changes.deletes.some((id) => !blind(parseId(id)?.type));
}
