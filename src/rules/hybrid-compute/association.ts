import { parseId, type Resource, sameId, typeKey } from "../../world/index.js";
import { PRIVATE_LINK_SCOPE_TYPE } from "./types.js";

/** The machine's `properties.privateLinkScopeResourceId` as sent: absent is undefined. */
export function associationOf(machine: Resource | undefined): unknown {
  const value = machine?.properties.privateLinkScopeResourceId;
  return value === null || value === "" ? undefined : value;
}

/**
 * True when a write creates the machine with an association or changes it to another
 * value: the rules check an association only then, so a later change elsewhere (the
 * scope deleted, say) does not make unrelated writes to the machine fail.
 */
export function associationChanged(machine: Resource, previous: Resource | undefined): boolean {
  const now = associationOf(machine);
  if (now === undefined) return false;
  const before = associationOf(previous);
  if (typeof now === "string" && typeof before === "string") return !sameId(now, before);
  return true;
}

/** The value parsed as a private link scope id, or undefined when it is not one. */
export function asScopeId(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const id = parseId(value);
  if (!id?.resourceGroup || typeKey(id.type) !== typeKey(PRIVATE_LINK_SCOPE_TYPE)) return undefined;
  return id.id;
}
