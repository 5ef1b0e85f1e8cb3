import { idKey, parseId, typeKey } from "../world/arm-id.js";
import type { Resource } from "../world/resource.js";
import type { World } from "../world/world.js";
import { GENERATE_ERRORS, GenerateError } from "./errors.js";

/**
 * Finds a resource of one type by full ARM id or by name. A name must match exactly
 * one resource of that type (case-insensitively, as ARM compares names); otherwise the
 * error lists the candidates so the user can pass the id.
 *
 * @example
 * findResource(world, "arc-pe", "Microsoft.Network/privateEndpoints", "Private endpoint")
 */
export function findResource(world: World, ref: string, type: string, label: string): Resource {
  const wanted = ref.trim();
  if (wanted === "") throw new GenerateError(GENERATE_ERRORS.InvalidOption, `${label} name or id is empty.`);
  if (wanted.startsWith("/")) {
    const found = world.get(wanted);
    if (found && typeKey(found.type) === typeKey(type)) return found;
    if (found) {
      throw new GenerateError(
        GENERATE_ERRORS.NotFound,
        `'${wanted}' is a ${found.type}, not a ${type}: expected a ${label.toLowerCase()}.`,
      );
    }
    if (!parseId(wanted)) {
      throw new GenerateError(GENERATE_ERRORS.InvalidOption, `'${wanted}' is not a valid ARM resource id.`);
    }
    throw new GenerateError(GENERATE_ERRORS.NotFound, `${label} '${wanted}' is not in the world.`);
  }
  const matches = world.ofType(type).filter((r) => r.name.toLowerCase() === wanted.toLowerCase());
  if (matches.length === 1) return matches[0];
  if (matches.length === 0) {
    const known = world
      .ofType(type)
      .map((r) => r.name)
      .sort();
    const hint = known.length ? ` Known: ${known.map((n) => `'${n}'`).join(", ")}.` : ` The world has none.`;
    throw new GenerateError(GENERATE_ERRORS.NotFound, `${label} '${wanted}' is not in the world.${hint}`);
  }
  const ids = matches.map((r) => r.id).sort((a, b) => (idKey(a) < idKey(b) ? -1 : 1));
  throw new GenerateError(
    GENERATE_ERRORS.Ambiguous,
    `${label} name '${wanted}' matches ${matches.length} resources; pass the full id: ${ids.join(", ")}.`,
  );
}
