import ipaddr from "ipaddr.js";
import { SERVICE_TAGS } from "../world/catalog/service-tags.js";
import { GENERATE_ERRORS, GenerateError } from "./errors.js";

/** A service tag's prefixes, split by family. */
export interface TagPrefixes {
  name: string;
  ipv4: string[];
  ipv6: string[];
}

export interface ParsedServiceTags {
  changeNumber: string;
  cloud: string;
  tags: Map<string, TagPrefixes>;
}

function bad(source: string, what: string): GenerateError {
  return new GenerateError(GENERATE_ERRORS.InvalidServiceTags, `Service tags file '${source}' is not usable: ${what}.`);
}

/**
 * Reads a service tags document: the weekly download file (`{changeNumber, cloud,
 * values:[{name, id, properties:{addressPrefixes[]}}]}`) or the ARM API response,
 * which has the same `values` [ST, facts §4.5]. Every prefix is checked to be a CIDR.
 *
 * @example
 * parseServiceTags(JSON.parse(readFileSync("ServiceTags_Public_20230213.json", "utf8")), "ServiceTags_Public.json")
 */
export function parseServiceTags(doc: unknown, source: string): ParsedServiceTags {
  if (!doc || typeof doc !== "object" || !Array.isArray((doc as { values?: unknown }).values)) {
    throw bad(source, "expected an object with a 'values' list");
  }
  const d = doc as { changeNumber?: unknown; cloud?: unknown; values: unknown[] };
  const tags = new Map<string, TagPrefixes>();
  d.values.forEach((raw, i) => {
    const v = raw as { name?: unknown; properties?: { addressPrefixes?: unknown } } | null;
    if (!v || typeof v.name !== "string" || !Array.isArray(v.properties?.addressPrefixes)) {
      throw bad(source, `values[${i}] needs a 'name' and 'properties.addressPrefixes'`);
    }
    // Tag names go into scripts and rule comments: only the characters real tags use.
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(v.name))
      throw bad(source, `tag name '${v.name}' has characters service tags never use`);
    const entry: TagPrefixes = { name: v.name, ipv4: [], ipv6: [] };
    for (const prefix of v.properties.addressPrefixes as unknown[]) {
      if (typeof prefix !== "string" || !isCidr(prefix))
        throw bad(source, `'${String(prefix)}' in '${v.name}' is not a CIDR prefix`);
      (ipaddr.parseCIDR(prefix)[0].kind() === "ipv4" ? entry.ipv4 : entry.ipv6).push(prefix);
    }
    tags.set(v.name.toLowerCase(), entry);
  });
  return { changeNumber: String(d.changeNumber ?? ""), cloud: String(d.cloud ?? ""), tags };
}

function isCidr(prefix: string): boolean {
  try {
    ipaddr.parseCIDR(prefix);
    return true;
  } catch {
    return false;
  }
}

/** The built-in catalog (src/world/catalog/service-tags.ts), read the same way. */
export function builtInServiceTags(): ParsedServiceTags {
  return parseServiceTags(SERVICE_TAGS, "built-in catalog");
}

/** The named tags, in the order asked; an unknown name is an error that lists near names. */
export function pickTags(file: ParsedServiceTags, names: readonly string[], source: string): TagPrefixes[] {
  return names.map((name) => {
    const found = file.tags.get(name.trim().toLowerCase());
    if (found) return found;
    const stem = name.split(".")[0].toLowerCase();
    const near = [...file.tags.values()]
      .map((t) => t.name)
      .filter((n) => n.toLowerCase().startsWith(stem))
      .slice(0, 5);
    throw new GenerateError(
      GENERATE_ERRORS.InvalidOption,
      `Service tag '${name}' is not in ${source}.${near.length ? ` Similar: ${near.join(", ")}.` : ""}`,
    );
  });
}
