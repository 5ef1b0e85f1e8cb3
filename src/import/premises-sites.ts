import { idKey, parseId, RESOURCE_TYPES, typeKey } from "../world/index.js";
import type { ImportLog } from "./import-log.js";
import type { ImportedEntry } from "./imported-entry.js";
import type { SiteSpec } from "./site-file/site-file.js";

/** Flags that stand in for a site file (docs/import.md). */
export interface SiteFlags {
  site?: string;
  sitePrefixes?: string[];
  vpn?: string[];
  noInternet?: boolean;
}

const toInt = (ip: string) => ip.split(".").reduce((n, p) => n * 256 + Number(p), 0);
const toIp = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");

/** The /24 prefixes that hold these addresses, sorted. */
export function coveringPrefixes(addresses: string[]): string[] {
  return [...new Set(addresses.map((a) => `${a.split(".").slice(0, 3).join(".")}.0/24`))].sort();
}

/** A free address for a host whose address no export gives: from the top of the site's first prefix, or 198.18.0.0/15 (RFC 2544). */
export function freeAddress(prefixes: string[], used: Set<string>): string {
  const [base, bits] = (prefixes[0] ?? "198.18.0.0/15").split("/");
  const size = 2 ** (32 - Number(bits));
  const start = toInt(base);
  for (let k = size - 2; k >= 1; k--) {
    const ip = toIp(start + k);
    if (!used.has(ip)) {
      used.add(ip);
      return ip;
    }
  }
  return toIp(start + 1);
}

/** The sites to build: the site file's, with the flags applied to the named (or first) site. */
export function siteSpecs(fromFile: SiteSpec[], flags: SiteFlags): SiteSpec[] {
  const sites = fromFile.map((s) => ({ ...s }));
  const name = flags.site ?? sites[0]?.name ?? "onprem";
  let site = sites.find((s) => s.name.toLowerCase() === name.toLowerCase());
  if (!site) {
    site = { name, line: 0 };
    sites.push(site);
  }
  if (flags.sitePrefixes && flags.sitePrefixes.length > 0) site.addressPrefixes = flags.sitePrefixes;
  if (flags.vpn && flags.vpn.length > 0) {
    site.connections = flags.vpn.map((v, i) => ({
      name: `${site.name}-vpn-${i + 1}`,
      kind: "SiteToSiteVpn",
      virtualNetwork: v,
    }));
  }
  if (flags.noInternet) site.internetAccess = false;
  return sites;
}

/** The ids of the imported vnets by lower-case name, in import order: what `vnetIdOf` looks names up in. */
export function vnetsByName(azure: readonly ImportedEntry[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const e of azure) {
    const id = parseId(e.id);
    if (!id || typeKey(id.type) !== typeKey(RESOURCE_TYPES.virtualNetwork)) continue;
    const name = id.name.toLowerCase();
    out.set(name, [...(out.get(name) ?? []), e.id]);
  }
  return out;
}

/** A vnet named in a site file or flag: an ARM id, or the name of exactly one imported vnet. */
export function vnetIdOf(
  nameOrId: string,
  vnets: Map<string, string[]>,
  log: ImportLog,
  where: string,
  line = 0,
): string | undefined {
  if (nameOrId.startsWith("/")) return nameOrId;
  const matches = vnets.get(nameOrId.toLowerCase()) ?? [];
  if (matches.length === 1) return matches[0];
  log.problem(
    where,
    line,
    `the name of exactly one virtual network in the Azure exports, or its id`,
    `'${nameOrId}' (${matches.length} match${matches.length === 1 ? "" : "es"})`,
  );
  return undefined;
}

/** The body of a site (docs/premises.md); what the site file does not say is an assumption. */
export function siteBody(
  spec: SiteSpec,
  prefixes: string[],
  vnets: Map<string, string[]>,
  siteFile: string,
  log: ImportLog,
): Record<string, unknown> {
  const connections = (spec.connections ?? []).flatMap((c) => {
    const id = vnetIdOf(c.virtualNetwork, vnets, log, siteFile, spec.line);
    return id ? [{ name: c.name, kind: c.kind ?? "SiteToSiteVpn", virtualNetwork: { id } }] : [];
  });
  if (!spec.connections) {
    log.assume(
      `site '${spec.name}': VPN/ExpressRoute`,
      "none: the site reaches no virtual network's private addresses",
      "sites[].connections in the site file, or --vpn VNET",
    );
  }
  if (spec.internetAccess === undefined)
    log.assume(`site '${spec.name}': internet access`, "yes", "sites[].internetAccess, or --no-internet");
  if (!spec.egressFirewall)
    log.assume(
      `site '${spec.name}': egress firewall`,
      "none: all outbound traffic allowed",
      "sites[].egressFirewall in the site file",
    );
  const unique = new Set<string>();
  return {
    location: "onpremises",
    properties: {
      addressSpace: { addressPrefixes: prefixes },
      connections: connections.filter(
        (c) => !unique.has(idKey(c.virtualNetwork.id)) && unique.add(idKey(c.virtualNetwork.id)),
      ),
      internetAccess: spec.internetAccess ?? true,
      ...(spec.egressFirewall ? { egressFirewall: spec.egressFirewall } : {}),
    },
  };
}
