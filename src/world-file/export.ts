import { stringify } from "yaml";
import type { Registry } from "../arm/providers/index.js";
import type { Resource, World } from "../world/index.js";

function deletePath(obj: Record<string, unknown>, path: string): void {
  const parts = path.split(".");
  let cur: unknown = obj;
  for (const part of parts.slice(0, -1)) {
    if (!cur || typeof cur !== "object") return;
    cur = (cur as Record<string, unknown>)[part];
  }
  if (cur && typeof cur === "object") delete (cur as Record<string, unknown>)[parts[parts.length - 1]];
}

/**
 * The world as a list of entries `arclink apply` accepts: stored bodies without what
 * the server owns (etag, systemData, read-only properties, `internal`), and without
 * resources another resource's write derives (`internal.derivedFrom`: NICs, records a
 * zone group writes), which re-applying their source recreates. Every entry carries `id`
 * and `type`.
 */
export function exportWorld(world: World, registry: Registry): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const r of world.all()) {
    if (r.internal?.derivedFrom) continue;
    const handler = registry.type(r.type)?.handler;
    const { etag: _e, systemData: _s, internal: _i, name: _n, type, id, ...rest } = structuredClone(r) as Resource;
    for (const path of handler?.readOnly ?? []) deletePath(rest as Record<string, unknown>, path);
    if (rest.properties && Object.keys(rest.properties).length === 0) delete (rest as Partial<Resource>).properties;
    // `type` on every entry: a reader sees what each resource is without parsing its id.
    out.push({ id, type, ...rest });
  }
  return out;
}

export function formatWorld(entries: Record<string, unknown>[], format: "yaml" | "json"): string {
  return format === "json" ? `${JSON.stringify(entries, null, 2)}\n` : stringify(entries, { lineWidth: 0 });
}
