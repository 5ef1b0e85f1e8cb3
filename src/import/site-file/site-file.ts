import { isMap, isSeq, LineCounter, type Node, type Pair, parseDocument } from "yaml";
import { MAX_YAML_DEPTH, tooDeepAt } from "../../world-file/yaml-depth.js";
import type { ImportLog } from "../import-log.js";
import { isObject, type Json } from "../json-text.js";
import { isIpv4, lineOfOffset } from "../source-text.js";

/** A site as the site file describes it; the properties are docs/premises.md's. */
export interface SiteSpec {
  name: string;
  addressPrefixes?: string[];
  /** `virtualNetwork` is a vnet's name (looked up in the Azure exports) or its ARM id. */
  connections?: { name: string; kind?: string; virtualNetwork: string }[];
  internetAccess?: boolean;
  egressFirewall?: Json;
  proxies?: Json[];
  line: number;
}

/** An on-premises DNS server or host, as the site file completes it. */
export interface MemberSpec {
  address?: string;
  site?: string;
  os?: "windows" | "linux";
  dnsServers?: string[];
  machine?: string;
  line: number;
}

/** What the exports cannot say (docs/import.md, "The site file"). */
export interface SiteFile {
  subscriptionId?: string;
  resourceGroup?: string;
  location?: string;
  /** Region of machines no export places. */
  sites: SiteSpec[];
  dnsServers: Map<string, MemberSpec>;
  hosts: Map<string, MemberSpec>;
  /** A source path (as given, or its base name) → the server or host it belongs to. */
  sources: Map<string, string>;
}

const TOP = ["subscriptionId", "resourceGroup", "location", "sites", "dnsServers", "hosts", "sources"];
const SITE = ["name", "addressPrefixes", "connections", "internetAccess", "egressFirewall", "proxies"];
const MEMBER = ["address", "site", "os", "dnsServers", "machine"];

export function emptySiteFile(): SiteFile {
  return { sites: [], dnsServers: new Map(), hosts: new Map(), sources: new Map() };
}

/**
 * Reads a site file (YAML; docs/import.md has the format and an example). Unknown keys and
 * values of the wrong kind are problems at their line; what is valid is kept.
 *
 * @example
 * readSiteFile("sites:\n  - name: hq\n    addressPrefixes: [192.168.0.0/16]\n", "site.yaml", log).sites[0].name // "hq"
 */
export function readSiteFile(source: string, file: string, log: ImportLog): SiteFile {
  try {
    return readChecked(source, file, log);
  } catch (error) {
    // The YAML library recurses over nesting; a file nested thousands deep overflows it.
    log.problem(file, 1, "YAML nested a reasonable depth", (error as Error).message);
    return emptySiteFile();
  }
}

function readChecked(source: string, file: string, log: ImportLog): SiteFile {
  const out = emptySiteFile();
  const deep = tooDeepAt(source);
  if (deep !== undefined) {
    log.problem(file, lineOfOffset(source, deep), `YAML nested at most ${MAX_YAML_DEPTH} deep`, "deeper nesting");
    return out;
  }
  const lc = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lc, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    log.problem(file, e.linePos?.[0].line ?? 1, "YAML", e.message.split("\n")[0]);
    return out;
  }
  const lineOf = (node: unknown) => {
    const range = (node as Node | null)?.range;
    return range ? lc.linePos(range[0]).line : 1;
  };
  const root = doc.contents;
  if (root === null) return out;
  if (!isMap(root)) {
    log.problem(file, lineOf(root), "a mapping with keys " + TOP.join(", "), "another kind of value");
    return out;
  }
  let value: Json;
  try {
    value = doc.toJS({ maxAliasCount: 100 }) as Json;
  } catch (error) {
    log.problem(file, 1, "YAML whose aliases name anchors set before them", (error as Error).message);
    return out;
  }
  // The first pair of each key, per map: a site file lists thousands of hosts in one map.
  const pairs = new WeakMap<object, Map<unknown, Pair>>();
  const pairOf = (map: unknown, key: string): Pair | undefined => {
    if (!isMap(map)) return undefined;
    let byKey = pairs.get(map);
    if (!byKey) {
      byKey = new Map();
      for (const p of map.items) {
        const k = (p.key as { value?: unknown })?.value;
        if (!byKey.has(k)) byKey.set(k, p);
      }
      pairs.set(map, byKey);
    }
    return byKey.get(key);
  };
  const keyLine = (map: unknown, key: string) => lineOf(pairOf(map, key)?.key ?? map);
  const unknown = (map: unknown, obj: Json, known: string[], where: string) => {
    for (const k of Object.keys(obj))
      if (!known.includes(k)) log.problem(file, keyLine(map, k), `one of ${known.join(", ")} in ${where}`, `'${k}'`);
  };
  unknown(root, value, TOP, "the site file");
  for (const k of ["subscriptionId", "resourceGroup", "location"] as const) {
    if (value[k] === undefined) continue;
    if (typeof value[k] === "string") out[k] = value[k] as string;
    else log.problem(file, keyLine(root, k), `a string for '${k}'`, JSON.stringify(value[k]));
  }
  const sitesNode = root.get("sites", true);
  if (value.sites !== undefined && !isSeq(sitesNode))
    log.problem(file, keyLine(root, "sites"), "a list of sites", typeof value.sites);
  if (isSeq(sitesNode)) {
    sitesNode.items.forEach((node, i) => {
      const s = (value.sites as unknown[])[i];
      const line = lineOf(node);
      if (!isObject(s) || typeof s.name !== "string") {
        log.problem(file, line, "a site with a 'name'", JSON.stringify(s));
        return;
      }
      unknown(node, s, SITE, `site '${s.name}'`);
      const prefixes = Array.isArray(s.addressPrefixes) ? s.addressPrefixes.map(String) : undefined;
      const connections = Array.isArray(s.connections)
        ? s.connections.flatMap((c, k) => {
            if (isObject(c) && typeof c.virtualNetwork === "string")
              return [
                {
                  name: String(c.name ?? `${s.name}-${k + 1}`),
                  ...(typeof c.kind === "string" ? { kind: c.kind } : {}),
                  virtualNetwork: c.virtualNetwork,
                },
              ];
            log.problem(
              file,
              line,
              `a connection {name, kind, virtualNetwork: NAME-or-ID} in site '${s.name}'`,
              JSON.stringify(c),
            );
            return [];
          })
        : undefined;
      out.sites.push({
        name: s.name,
        line,
        ...(prefixes ? { addressPrefixes: prefixes } : {}),
        ...(connections ? { connections } : {}),
        ...(typeof s.internetAccess === "boolean" ? { internetAccess: s.internetAccess } : {}),
        ...(isObject(s.egressFirewall) ? { egressFirewall: s.egressFirewall } : {}),
        ...(Array.isArray(s.proxies) ? { proxies: s.proxies.filter(isObject) } : {}),
      });
    });
  }
  for (const kind of ["dnsServers", "hosts"] as const) {
    const node = root.get(kind, true);
    const obj = value[kind];
    if (obj === undefined) continue;
    if (!isMap(node) || !isObject(obj)) {
      log.problem(file, keyLine(root, kind), `a mapping of names to {${MEMBER.join(", ")}}`, typeof obj);
      continue;
    }
    for (const [name, spec] of Object.entries(obj)) {
      const line = keyLine(node, name);
      const m = isObject(spec) ? spec : {};
      unknown(pairOf(node, name)?.value, m, MEMBER, `${kind}.${name}`);
      if (m.address !== undefined && !(typeof m.address === "string" && isIpv4(m.address))) {
        log.problem(file, line, `an IPv4 address for ${kind}.${name}.address`, JSON.stringify(m.address));
        delete m.address;
      }
      if (m.os !== undefined && m.os !== "windows" && m.os !== "linux") {
        log.problem(file, line, `'windows' or 'linux' for ${kind}.${name}.os`, JSON.stringify(m.os));
        delete m.os;
      }
      out[kind].set(name.toLowerCase(), { line, ...(m as Omit<MemberSpec, "line">) });
    }
  }
  if (value.sources !== undefined) {
    if (!isObject(value.sources))
      log.problem(
        file,
        keyLine(root, "sources"),
        "a mapping of source paths to server or host names",
        typeof value.sources,
      );
    else for (const [path, owner] of Object.entries(value.sources)) out.sources.set(path, String(owner));
  }
  return out;
}
