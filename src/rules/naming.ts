import { ArmError } from "./errors.js";

/**
 * ARM naming rules. Resource group names: 1–90 characters of letters, digits,
 * underscores, hyphens, periods and parentheses, not ending in a period [CT3, newer
 * common types `^[-\w\._\(\)]+$`]. Resource names: no `<>%&:\?/#` and control characters, not
 * ending in a period or space (ARM's generic rule); types may narrow this further.
 */
const RESOURCE_GROUP = /^[-\w._()]{1,90}$/u;
const FORBIDDEN = /[<>%&:\\?/#*\u0000-\u001f]/u;

export function checkResourceGroupName(name: string): ArmError | undefined {
  if (!RESOURCE_GROUP.test(name) || name.endsWith(".")) {
    return new ArmError(
      "InvalidResourceGroupName",
      `Resource group name '${name}' is invalid. It must be 1-90 characters of letters, digits, underscores, hyphens, periods and parentheses, and must not end in a period.`,
      "resourceGroupName",
    );
  }
  return undefined;
}

export interface NamePattern {
  pattern: RegExp;
  min: number;
  max: number;
  /** Human description of the allowed characters, for the message. */
  describe: string;
}

/** Checks a resource name against ARM's generic rule and, if given, the type's own pattern. */
export function checkResourceName(name: string, type: string, rule?: NamePattern): ArmError | undefined {
  const bad =
    name.length === 0 ||
    FORBIDDEN.test(name) ||
    name.endsWith(".") ||
    name.endsWith(" ") ||
    (rule && (name.length < rule.min || name.length > rule.max || !rule.pattern.test(name)));
  if (!bad) return undefined;
  const detail = rule ? ` It must be ${rule.min}-${rule.max} characters of ${rule.describe}.` : "";
  return new ArmError(
    "InvalidResourceName",
    `The resource name '${name}' for type '${type}' is invalid.${detail}`,
    "name",
  );
}
