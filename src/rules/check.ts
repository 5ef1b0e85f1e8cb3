import { type ChangeSet, OverlayWorld, typeKey, type World } from "../world/index.js";
import type { ArmError } from "./errors.js";
import type { Rule } from "./rule.js";

function applies(rule: Rule, type: string): boolean {
  const tk = typeKey(type);
  return rule.types.some((t) => t === "*" || typeKey(t) === tk);
}

/**
 * Runs `rules` over a change set: each put and each delete is checked against the
 * world as it would be after the whole change. Returns the first error, or undefined.
 */
export function checkChanges(
  rules: readonly Rule[],
  before: World,
  changes: ChangeSet,
  now: Date,
): ArmError | undefined {
  const after = new OverlayWorld(before, changes);
  for (const id of changes.deletes) {
    const resource = before.get(id);
    if (!resource) continue;
    for (const rule of rules) {
      if (!rule.checkDelete || !applies(rule, resource.type)) continue;
      const error = rule.checkDelete(before, after, resource, now);
      if (error) return error;
    }
  }
  for (const resource of changes.puts) {
    const previous = before.get(resource.id);
    for (const rule of rules) {
      if (!rule.checkPut || !applies(rule, resource.type)) continue;
      const error = rule.checkPut(after, resource, previous, now);
      if (error) return error;
    }
  }
  return undefined;
}
