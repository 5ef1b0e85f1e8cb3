import { parseId } from "../../world/index.js";
import type { ImportLog } from "../import-log.js";
import { isObject, type Json, linesOfKey } from "../json-text.js";
import { armTemplateResources, isArmTemplate, type TemplatePlacement } from "./arm-template.js";
import type { RawResource } from "./raw-resource.js";

/**
 * Whether a JSON value is an Azure export: an ARM template, a Resource Graph answer
 * (`{data: [...]}`, `az graph query`), a REST list (`{value: [...]}`), a list of
 * resources (`az resource list`, `az network vnet list`, …) or one resource (`az … show`).
 */
export function isAzureJson(value: unknown): boolean {
  if (isArmTemplate(value)) return true;
  const rows = azureRows(value);
  return rows?.some(isResourceLike) ?? false;
}

function isResourceLike(v: unknown): boolean {
  return (
    isObject(v) &&
    typeof v.type === "string" &&
    v.type.includes("/") &&
    (typeof v.id === "string" || typeof v.name === "string")
  );
}

const ENVELOPE = new Set([
  "id",
  "name",
  "type",
  "location",
  "tags",
  "etag",
  "kind",
  "resourcegroup",
  "subscriptionid",
  "tenantid",
  "managedby",
  "sku",
  "plan",
  "identity",
  "zones",
  "extendedlocation",
  "systemdata",
]);

/** The `az network …` commands print SDK models flattened: the properties are the row's other members. */
function flattened(row: Json): Json {
  return Object.fromEntries(Object.entries(row).filter(([k]) => !ENVELOPE.has(k.toLowerCase())));
}

function azureRows(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value.flatMap((v) => (Array.isArray(v) ? v : [v]));
  if (!isObject(value)) return undefined;
  if (Array.isArray(value.data)) return value.data; // Resource Graph [RG-QUERY]
  if (Array.isArray(value.value)) return value.value; // ARM REST list [RPC]
  if (isResourceLike(value)) return [value];
  return undefined;
}

/**
 * Every resource of an Azure JSON export, with the line of its `"id"`. Rows that are not
 * resources (no `type`, or no `id` outside a template) are problems; nothing throws.
 *
 * @example
 * readAzureJson(JSON.parse(text), text, "rg.json", log, placement)
 */
export function readAzureJson(
  value: unknown,
  text: string,
  file: string,
  log: ImportLog,
  placement: TemplatePlacement,
): RawResource[] {
  if (isArmTemplate(value)) return armTemplateResources(value as Json, text, file, log, placement);
  const rows = azureRows(value) ?? [];
  const lines = linesOfKey(text, "id");
  const out: RawResource[] = [];
  rows.forEach((row, index) => {
    if (!isObject(row)) {
      log.problem(file, 1, `a resource object (row ${index + 1})`, typeof row);
      return;
    }
    const id = typeof row.id === "string" ? row.id : undefined;
    const line = (id && lines.get(id.toLowerCase())) || 1;
    const parsed = id ? parseId(id) : undefined;
    if (!id || !parsed || typeof row.type !== "string") {
      log.problem(
        file,
        line,
        `a resource with an ARM 'id' and a 'type' (row ${index + 1})`,
        id ? `id ${JSON.stringify(id)}` : "none",
      );
      return;
    }
    out.push({
      id: parsed.id,
      type: row.type,
      name: typeof row.name === "string" ? row.name : parsed.name,
      ...(typeof row.location === "string" ? { location: row.location } : {}),
      ...(typeof row.kind === "string" ? { kind: row.kind } : {}),
      ...(isObject(row.tags) ? { tags: row.tags } : {}),
      properties: isObject(row.properties) ? row.properties : flattened(row),
      file,
      line,
    });
  });
  return out;
}
