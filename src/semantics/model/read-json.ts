/**
 * Narrow readers for the untyped JSON of a resource body. Semantics never trust a
 * shape: a missing or mistyped property reads as absent, and the caller applies the
 * documented default.
 */
export type Json = Record<string, unknown>;

export function obj(value: unknown): Json {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Json) : {};
}

export function list(value: unknown): Json[] {
  return Array.isArray(value) ? value.map(obj) : [];
}

export function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

export function bool(value: unknown, fallback: boolean): boolean {
  return typeof value === "boolean" ? value : fallback;
}

export function num(value: unknown, fallback: number): number {
  return typeof value === "number" && Number.isFinite(value) ? value : fallback;
}

/** The `id` inside a `{id}` sub-resource reference, e.g. `subnet{id}`. */
export function refId(value: unknown): string | undefined {
  return str(obj(value).id);
}

/** A DNS name in canonical form: lower case, no trailing dot. */
export function canonicalName(name: string): string {
  return name.trim().toLowerCase().replace(/\.+$/, "");
}

/** True when `name` equals `domain` or lies under it. Both canonical. */
export function isAtOrUnder(name: string, domain: string): boolean {
  return domain === "" || name === domain || name.endsWith(`.${domain}`);
}

/** Sorts copies by a string key so choices never depend on resource order. */
export function sortedBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}
