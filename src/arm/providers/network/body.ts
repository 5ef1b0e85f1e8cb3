import { ArmError, checkKnownMembers } from "../../../rules/index.js";
import { parseId, type Resource } from "../../../world/index.js";
import { isObject, type Json, stringAt as optionalString } from "../json-fields.js";

/**
 * Reading Microsoft.Network request bodies strictly: unknown members are refused by
 * name (STYLE.md §14), wrong types are refused with the path, and read-only members a
 * client echoes from a GET are accepted and dropped.
 */
export type { Json } from "../json-fields.js";
// The generic readers, under the names this provider's files use.
export {
  arrayAt as optionalArray,
  boolAt as optionalBoolean,
  isObject,
  stringAt as optionalString,
  stringsAt as stringArray,
} from "../json-fields.js";

/** Envelope members every Microsoft.Network body may carry. */
export const TRACKED_MEMBERS = ["id", "name", "type", "location", "tags", "etag", "properties"] as const;
export const CHILD_MEMBERS = ["id", "name", "type", "etag", "properties"] as const;

export function checkMembers(obj: unknown, known: readonly string[], objectType: string, path: string): void {
  const error = checkKnownMembers(obj, known, objectType, path);
  if (error) throw error;
}

/** Path of `properties` inside the object at `path` (`$` is the request body itself). */
export function propsPath(path: string): string {
  return path === "$" ? "properties" : `${path}.properties`;
}

/** `properties` of the object at `path`, both checked against the known member names. */
export function propertiesOf(
  body: Json,
  envelope: readonly string[],
  known: readonly string[],
  objectType: string,
  path = "$",
): Json {
  checkMembers(body, envelope, objectType, path);
  const p = body.properties ?? {};
  checkMembers(p, known, `${objectType}PropertiesFormat`, propsPath(path));
  return p as Json;
}

/** One of the allowed values, compared case-insensitively and returned in canonical case. */
export function optionalEnum<T extends string>(value: unknown, allowed: readonly T[], path: string): T | undefined {
  const s = optionalString(value, path);
  if (s === undefined) return undefined;
  const hit = allowed.find((a) => a.toLowerCase() === s.toLowerCase());
  if (!hit) {
    throw new ArmError(
      "InvalidParameter",
      `The value '${s}' of '${path}' is invalid. Allowed values are ${allowed.map((a) => `'${a}'`).join(", ")}.`,
      path,
    );
  }
  return hit;
}

/** A `{id}` sub-resource reference whose id parses as an ARM id (of `type`, if given). */
export function optionalRef(value: unknown, path: string, type?: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) {
    throw new ArmError("InvalidRequestContent", `The value of '${path}' must be an object with an 'id'.`, path);
  }
  const id = optionalString(value.id, `${path}.id`);
  const parsed = id ? parseId(id) : undefined;
  if (!id || !parsed || (type && parsed.type.toLowerCase() !== type.toLowerCase())) {
    throw new ArmError(
      "LinkedInvalidPropertyId",
      `Property id '${id ?? ""}' at path '${path}.id' is invalid. Expect fully qualified resource Id${type ? ` of type '${type}'` : ""}.`,
      `${path}.id`,
    );
  }
  return parsed.id;
}

/** Refuses a property arclink knows but does not emulate, rather than ignoring it. */
export function refuseUnsupported(p: Json, names: readonly string[], path: string): void {
  for (const name of names) {
    if (p[name] !== undefined && p[name] !== null) {
      throw new ArmError(
        "InvalidRequestContent",
        `The property '${path}.${name}' is not supported by arclink; remove it from the request.`,
        `${path}.${name}`,
      );
    }
  }
}

/** Microsoft.Network renders etags as weak validators in the body. */
export function bodyEtag(r: Resource): string {
  return `W/"${r.etag ?? ""}"`;
}

/** The ARM envelope of a Microsoft.Network resource body. */
export function envelope(r: Resource, properties: Json): Json {
  return {
    id: r.id,
    name: r.name,
    type: r.type,
    ...(r.location ? { location: r.location } : {}),
    ...(r.location ? { tags: r.tags ?? {} } : {}),
    etag: bodyEtag(r),
    properties,
  };
}
