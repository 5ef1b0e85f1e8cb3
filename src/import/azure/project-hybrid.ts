import type { ImportedEntry } from "../imported-entry.js";
import { type Json, text } from "../json-text.js";
import { body, pick } from "./pick.js";
import type { RawResource } from "./raw-resource.js";

/** `Microsoft.HybridCompute/privateLinkScopes`: its public network access [SPEC-PLS]. */
export function scopeEntry(s: RawResource): ImportedEntry {
  return { id: s.id, body: body(s, pick(s.properties, ["publicNetworkAccess"])), file: s.file, line: s.line };
}

/**
 * `Microsoft.HybridCompute/machines`: OS, scope association and the types of its
 * extensions (from `properties.extensions` or `machines/extensions` children), which the
 * verifier reads for extension dependencies [SPEC-HC26, DOC-PL §3.7].
 */
export function machineEntry(m: RawResource, extensions: RawResource[]): ImportedEntry {
  const properties = pick(m.properties, ["osType", "privateLinkScopeResourceId"]);
  const types = new Map<string, Json>();
  for (const e of Array.isArray(m.properties.extensions) ? m.properties.extensions : []) {
    const type = text((e as Json)?.type);
    if (type) types.set(type.toLowerCase(), { name: text((e as Json).name) ?? type, type });
  }
  for (const e of extensions) {
    const type = text(e.properties.type);
    if (type) types.set(type.toLowerCase(), { name: e.name, type });
  }
  if (types.size > 0) properties.extensions = [...types.values()];
  if (typeof properties.osType === "string") properties.osType = properties.osType.toLowerCase();
  return { id: m.id, body: body(m, properties), file: m.file, line: m.line };
}
