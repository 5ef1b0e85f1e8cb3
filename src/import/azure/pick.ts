import { isObject, type Json } from "../json-text.js";

/** The members of `from` named in `keys` that are present (not undefined or null). */
export function pick(from: Json, keys: readonly string[]): Json {
  const out: Json = {};
  for (const k of keys) if (from[k] !== undefined && from[k] !== null) out[k] = from[k];
  return out;
}

/** `{id}` of a reference object, or undefined. */
export function ref(v: unknown): { id: string } | undefined {
  return isObject(v) && typeof v.id === "string" ? { id: v.id } : undefined;
}

export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function objects(v: unknown): Json[] {
  return arr(v).filter(isObject);
}

/** `properties` of an embedded child (`{name, properties}`), or the object itself when flattened (az CLI). */
export function childProperties(child: Json): Json {
  return isObject(child.properties) ? child.properties : child;
}

/** The resource body: location, tags and kind when present, and `properties` when not empty. */
export function body(r: { location?: string; tags?: Json; kind?: string }, properties: Json): Json {
  return {
    ...(r.location ? { location: r.location } : {}),
    ...(r.tags && Object.keys(r.tags).length > 0 ? { tags: r.tags } : {}),
    ...(Object.keys(properties).length > 0 ? { properties } : {}),
  };
}
