import { ArmError } from "./errors.js";

/** Deep equality of JSON values; object key order does not matter, string case does. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => jsonEqual(v, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  for (const k of keys) if (!jsonEqual(ao[k], bo[k])) return false;
  return true;
}

function getPath(obj: unknown, path: string): unknown {
  let cur = obj;
  for (const part of path.split(".")) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/**
 * Refuses a PUT whose body carries a read-only property with a value other than the
 * server's: "If a PUT body carries a provisioningState that differs from the server
 * value, the RP should reject with 400; equal value is ignored" [RPC]. Paths are
 * dotted, relative to the resource body (for example `properties.privateLinkScopeId`).
 */
export function checkReadOnly(
  requested: unknown,
  resulting: unknown,
  readOnlyPaths: readonly string[],
): ArmError | undefined {
  for (const path of readOnlyPaths) {
    const sent = getPath(requested, path);
    if (sent === undefined || sent === null) continue;
    const actual = getPath(resulting, path);
    if (!jsonEqual(sent, actual)) {
      return new ArmError(
        "ReadOnlyPropertyChanged",
        `The property '${path}' is read-only and cannot be set to ${JSON.stringify(sent)}; its value is ${JSON.stringify(actual ?? null)}.`,
        path,
      );
    }
  }
  return undefined;
}

/**
 * Refuses members the type does not define, naming them, as ARM's strict JSON
 * deserialization does ("Could not find member 'x' on object of type 'y'").
 */
export function checkKnownMembers(
  obj: unknown,
  known: readonly string[],
  objectType: string,
  pathPrefix: string,
): ArmError | undefined {
  if (obj === undefined || obj === null) return undefined;
  if (typeof obj !== "object" || Array.isArray(obj)) {
    return new ArmError(
      "InvalidRequestContent",
      `The value of '${pathPrefix}' must be a JSON object, not ${JSON.stringify(obj)}.`,
      pathPrefix,
    );
  }
  const allowed = new Set(known.map((k) => k.toLowerCase()));
  for (const key of Object.keys(obj)) {
    if (!allowed.has(key.toLowerCase())) {
      return new ArmError(
        "InvalidRequestContent",
        `Could not find member '${key}' on object of type '${objectType}'. Path '${pathPrefix}.${key}'.`,
        `${pathPrefix}.${key}`,
      );
    }
  }
  return undefined;
}
