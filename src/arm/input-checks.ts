import { ArmError } from "../rules/errors.js";

/** Azure's tag limits: 50 tags, names of 1 to 512 characters, values of at most 256. */
export const TAG_LIMITS = { maxTags: 50, maxNameLength: 512, maxValueLength: 256 } as const;

// Azure refuses these in tag names, and control characters.
const RESERVED_TAG_CHARACTERS = /[<>%&\\?/\u0000-\u001f\u007f]/;

const shown = (text: string) => (text.length > 64 ? `${text.slice(0, 64)}…` : text);

/**
 * Checks a body's `tags` the way ARM does before any provider sees it: a JSON object of
 * strings, at most 50, names 1–512 characters without reserved characters, values at
 * most 256 characters. Undefined when the body has none.
 *
 * @example
 * checkTags({ env: "lab" }); // { env: "lab" }
 */
export function checkTags(tags: unknown): Record<string, string> | undefined {
  if (tags === undefined || tags === null) return undefined;
  if (typeof tags !== "object" || Array.isArray(tags)) {
    throw new ArmError("InvalidRequestContent", "The 'tags' property must be a JSON object of strings.", "tags");
  }
  const entries = Object.entries(tags);
  if (entries.length > TAG_LIMITS.maxTags) {
    throw new ArmError(
      "TooManyTags",
      `The resource has ${entries.length} tags: at most ${TAG_LIMITS.maxTags} tag name/value pairs are allowed.`,
      "tags",
    );
  }
  for (const [name, value] of entries) {
    if (typeof value !== "string") {
      throw new ArmError("InvalidRequestContent", `The value of tag '${shown(name)}' must be a string.`, "tags");
    }
    if (name.trim() === "" || name.length > TAG_LIMITS.maxNameLength) {
      throw new ArmError(
        "InvalidTagName",
        `Tag name '${shown(name)}' is not valid: a tag name must have 1 to ${TAG_LIMITS.maxNameLength} characters.`,
        "tags",
      );
    }
    if (RESERVED_TAG_CHARACTERS.test(name)) {
      throw new ArmError(
        "InvalidTagNameCharacters",
        `The tag names '${shown(name)}' have reserved characters '<,>,%,&,\\,?,/' or control characters.`,
        "tags",
      );
    }
    if (value.length > TAG_LIMITS.maxValueLength) {
      throw new ArmError(
        "InvalidTagValueLength",
        `Tag value too large. Following tag value '${shown(value)}' exceeded the maximum length. Maximum allowed length for tag value - '${TAG_LIMITS.maxValueLength}' characters.`,
        "tags",
      );
    }
  }
  return tags as Record<string, string>;
}

/** `properties`, when sent, is a JSON object (ARM's resource envelope), never a list or a scalar. */
export function checkPropertiesObject(body: Record<string, unknown>): void {
  const { properties } = body;
  if (properties === undefined || properties === null) return;
  if (typeof properties !== "object" || Array.isArray(properties)) {
    throw new ArmError(
      "InvalidRequestContent",
      `The request content was invalid: 'properties' must be a JSON object, not ${Array.isArray(properties) ? "an array" : `a ${typeof properties}`}.`,
      "properties",
    );
  }
}
