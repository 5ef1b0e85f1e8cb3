import { ArmError, checkKnownMembers } from "../../../rules/index.js";
import { isIPv4, parsePrefix } from "../../../semantics/net/cidr.js";
import type { Resource } from "../../../world/index.js";
import { arrayAt, boolAt, type Json, knownObject, objectAt, stringAt, stringMapAt, stringsAt } from "../json-fields.js";

export { arrayAt, boolAt, type Json, knownObject, objectAt, stringAt, stringMapAt, stringsAt };

/**
 * Shape checks for request bodies, shared by the private DNS, DNS resolver and
 * premises handlers. They refuse what the type does not define, naming it (STYLE.md §14),
 * and throw ArmError so the engine renders the error and commits nothing.
 */

/** A value error in a request: Azure's DNS services answer these with `BadRequest`. */
export function badRequest(message: string, target?: string): ArmError {
  return new ArmError("BadRequest", message, target);
}

function throwIf(error: ArmError | undefined): void {
  if (error) throw error;
}

/** Checks the top-level members of a body and returns its `properties` object ({} when absent). */
export function bodyProperties(body: Json, allowedTop: readonly string[], objectType: string): Json {
  throwIf(checkKnownMembers(body, ["id", "name", "type", "systemData", "properties", ...allowedTop], objectType, "$"));
  return objectAt(body.properties, "properties") ?? {};
}

export function requiredString(value: unknown, path: string): string {
  const s = stringAt(value, path);
  if (s === undefined || s === "") throw badRequest(`The property '${path}' is required.`, path);
  return s;
}

/** An integer within [min, max]. */
export function intAt(value: unknown, path: string, min: number, max: number): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw badRequest(
      `The value ${JSON.stringify(value)} of '${path}' is invalid: it must be an integer from ${min} to ${max}.`,
      path,
    );
  }
  return value;
}

export function enumAt<T extends string>(value: unknown, path: string, allowed: readonly T[]): T | undefined {
  const s = stringAt(value, path);
  if (s === undefined) return undefined;
  const hit = allowed.find((a) => a.toLowerCase() === s.toLowerCase());
  if (!hit)
    throw badRequest(
      `The value '${s}' of '${path}' is invalid: it must be one of ${allowed.map((a) => `'${a}'`).join(", ")}.`,
      path,
    );
  return hit;
}

/** The `id` of a `{id}` sub-resource reference. */
export function refAt(value: unknown, path: string, required: boolean): string | undefined {
  const o = knownObject(value, ["id"], "SubResource", path);
  const id = stringAt(o?.id, `${path}.id`);
  if (required && !id) throw badRequest(`The property '${path}.id' is required.`, `${path}.id`);
  return id;
}

export { isIPv4 };

export function ipv4At(value: unknown, path: string, required = false): string | undefined {
  const s = required ? requiredString(value, path) : stringAt(value, path);
  if (s !== undefined && !isIPv4(s))
    throw badRequest(`The value '${s}' of '${path}' is not a valid IPv4 address.`, path);
  return s;
}

/** A CIDR prefix in canonical form (`10.0.0.0/16`); refuses host bits set, as Azure does. */
export function cidrAt(value: unknown, path: string): string {
  const s = requiredString(value, path);
  const parsed = parsePrefix(s);
  if (!parsed.ok && parsed.reason === "format")
    throw badRequest(`The value '${s}' of '${path}' is not a valid CIDR prefix.`, path);
  const canonical = parsed.ok ? parsed.prefix.text : parsed.canonical;
  if (canonical.includes(":")) throw badRequest(`The value '${s}' of '${path}' is not an IPv4 CIDR prefix.`, path);
  if (!parsed.ok) {
    throw badRequest(
      `The value '${s}' of '${path}' is not a valid CIDR prefix: its network address is '${canonical}'.`,
      path,
    );
  }
  return canonical;
}

/**
 * A body's `etag` may echo the current one (a GET-modify-PUT) but not claim another:
 * the body's etag is a precondition like `If-Match`.
 */
export function checkBodyEtag(body: Json, existing: Resource | undefined): void {
  const sent = stringAt(body.etag, "etag");
  if (sent === undefined || sent === "") return;
  const bare = (t: string) => t.replace(/^W\//, "").replace(/^"|"$/g, "");
  if (!existing?.etag || bare(existing.etag) !== bare(sent)) {
    throw new ArmError(
      "PreconditionFailed",
      existing
        ? `The etag '${sent}' in the body does not match the resource's current etag '${existing.etag}'.`
        : `The etag '${sent}' in the body names a version of a resource that does not exist.`,
      "etag",
    );
  }
}

/** `global` (any case) or nothing: the only location of global DNS resources. */
export function checkGlobalLocation(body: Json, type: string): void {
  const loc = stringAt(body.location, "location");
  if (loc !== undefined && loc.toLowerCase() !== "global") {
    throw new ArmError(
      "LocationNotAvailableForResourceType",
      `The provided location '${loc}' is not available for resource type '${type}'. List of available regions for the resource type is 'global'.`,
      "location",
    );
  }
}
