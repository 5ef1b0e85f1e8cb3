import { ArmError, checkKnownMembers } from "../../rules/index.js";

/**
 * Strict readers of request-body values, shared by every provider: each returns the value
 * at `path` (undefined when absent or null) or throws `InvalidRequestContent` naming the
 * path and what was found. Unknown members are refused by name (STYLE.md §14).
 */
export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** An optional JSON object at `path`; refuses other JSON. */
export function objectAt(value: unknown, path: string): Json | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "object" || Array.isArray(value)) {
    throw new ArmError(
      "InvalidRequestContent",
      `The value of '${path}' must be a JSON object, not ${JSON.stringify(value)}.`,
      path,
    );
  }
  return value as Json;
}

/** An object whose members must all be among `known`. */
export function knownObject(
  value: unknown,
  known: readonly string[],
  objectType: string,
  path: string,
): Json | undefined {
  const o = objectAt(value, path);
  const error = checkKnownMembers(o, known, objectType, path);
  if (error) throw error;
  return o;
}

export function arrayAt(value: unknown, path: string): unknown[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) {
    throw new ArmError(
      "InvalidRequestContent",
      `The value of '${path}' must be a JSON array, not ${JSON.stringify(value)}.`,
      path,
    );
  }
  return value;
}

export function stringAt(value: unknown, path: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") {
    throw new ArmError(
      "InvalidRequestContent",
      `The value of '${path}' must be a string, not ${JSON.stringify(value)}.`,
      path,
    );
  }
  return value;
}

export function boolAt(value: unknown, path: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "boolean") {
    throw new ArmError(
      "InvalidRequestContent",
      `The value of '${path}' must be true or false, not ${JSON.stringify(value)}.`,
      path,
    );
  }
  return value;
}

/** A map of strings (tags, metadata). */
export function stringMapAt(value: unknown, path: string): Record<string, string> | undefined {
  const o = objectAt(value, path);
  if (!o) return undefined;
  for (const [k, v] of Object.entries(o)) stringAt(v, `${path}.${k}`);
  return o as Record<string, string>;
}

/** A list of strings. */
export function stringsAt(value: unknown, path: string): string[] | undefined {
  const a = arrayAt(value, path);
  return a?.map((v, i) => stringAt(v, `${path}[${i}]`) ?? "");
}
