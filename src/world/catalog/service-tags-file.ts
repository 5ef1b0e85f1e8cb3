import { readFileSync } from "node:fs";
import ipaddr from "ipaddr.js";
import type { ServiceTag, ServiceTagsFile } from "./service-tags.js";

/**
 * Loads a downloaded "Azure IP Ranges and Service Tags" file (`ServiceTags_Public_*.json`)
 * [ST] so the catalog matches the real ranges. Set `ARCLINK_SERVICE_TAGS=/path/file.json`
 * before `arclink up` (or pass the path to `startSystem`); the file replaces the built-in
 * table as a whole. Throws a plain Error naming the path and the first problem found.
 *
 * @example
 * createCatalog({ serviceTags: loadServiceTagsFile("/data/ServiceTags_Public_20260105.json") });
 */
export const SERVICE_TAGS_ENV = "ARCLINK_SERVICE_TAGS";

function isCidr(prefix: string): boolean {
  try {
    ipaddr.parseCIDR(prefix);
    return true;
  } catch {
    return false;
  }
}

function fail(path: string, problem: string): never {
  throw new Error(`The service tags file '${path}' cannot be used: ${problem}.`);
}

export function parseServiceTagsFile(text: string, path = "(text)"): ServiceTagsFile {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    fail(path, `it is not JSON (${(error as Error).message})`);
  }
  return parseServiceTagsDocument(data, path);
}

/**
 * A parsed service tags document — the weekly download or the ARM API's answer, which
 * share `values` [ST, facts §4.5] — checked: every tag has a name of the characters real
 * tags use and CIDR prefixes.
 */
export function parseServiceTagsDocument(data: unknown, path = "(document)"): ServiceTagsFile {
  const top = data as Record<string, unknown>;
  if (!top || typeof top !== "object" || !Array.isArray(top.values)) fail(path, "it has no 'values' array");
  const values: ServiceTag[] = top.values.map((v: unknown, i: number) => {
    const tag = v as Record<string, unknown>;
    const p = (tag?.properties ?? {}) as Record<string, unknown>;
    if (typeof tag?.name !== "string" || !Array.isArray(p.addressPrefixes)) {
      fail(path, `values[${i}] needs a 'name' and 'properties.addressPrefixes'`);
    }
    // Tag names end up in scripts and rule comments: only the characters real tags use.
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(tag.name))
      fail(path, `tag name '${tag.name}' has characters service tags never use`);
    for (const prefix of p.addressPrefixes) {
      if (typeof prefix !== "string" || !isCidr(prefix))
        fail(path, `'${String(prefix)}' in '${tag.name}' is not a CIDR prefix`);
    }
    return {
      name: tag.name,
      id: typeof tag.id === "string" ? tag.id : tag.name,
      properties: {
        changeNumber: Number(p.changeNumber ?? 0),
        region: typeof p.region === "string" ? p.region : "",
        regionId: Number(p.regionId ?? 0),
        platform: typeof p.platform === "string" ? p.platform : "Azure",
        systemService: typeof p.systemService === "string" ? p.systemService : "",
        addressPrefixes: p.addressPrefixes.filter((x): x is string => typeof x === "string"),
        networkFeatures: Array.isArray(p.networkFeatures) ? p.networkFeatures.filter((x) => typeof x === "string") : [],
      },
    };
  });
  return {
    changeNumber: Number(top.changeNumber ?? 0),
    cloud: typeof top.cloud === "string" ? top.cloud : "Public",
    values,
  };
}

export function loadServiceTagsFile(path: string): ServiceTagsFile {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    fail(path, (error as Error).message);
  }
  return parseServiceTagsFile(text, path);
}

/** The file named by `ARCLINK_SERVICE_TAGS`, or undefined when the variable is unset. */
export function serviceTagsFromEnvironment(env: NodeJS.ProcessEnv = process.env): ServiceTagsFile | undefined {
  const path = env[SERVICE_TAGS_ENV];
  return path ? loadServiceTagsFile(path) : undefined;
}
