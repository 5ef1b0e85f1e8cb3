import { builtInServiceTags as builtInFile, type ServiceTagsFile } from "../world/catalog/service-tags.js";
import { parseServiceTagsDocument } from "../world/catalog/service-tags-file.js";
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
  let file: ServiceTagsFile;
  try {
    file = parseServiceTagsDocument(doc, source);
  } catch (error) {
    throw bad(source, (error as Error).message.replace(/^.*cannot be used: /, "").replace(/\.$/, ""));
  }
  const tags = new Map<string, TagPrefixes>();
  for (const v of file.values) {
    const entry: TagPrefixes = { name: v.name, ipv4: [], ipv6: [] };
    for (const prefix of v.properties.addressPrefixes) {
      (prefix.includes(":") ? entry.ipv6 : entry.ipv4).push(prefix);
    }
    tags.set(v.name.toLowerCase(), entry);
  }
  return { changeNumber: String(file.changeNumber ?? ""), cloud: String(file.cloud ?? ""), tags };
}

/** The built-in catalog (src/world/catalog/service-tags.ts), read the same way. */
export function builtInServiceTags(): ParsedServiceTags {
  return parseServiceTags(builtInFile(), "built-in catalog");
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
