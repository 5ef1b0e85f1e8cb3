import { SITE_TYPE } from "../../../rules/on-premises/index.js";
import { prefixWithin } from "../../../semantics/net/cidr.js";
import { catalogOf } from "../../../world/catalog/catalog.js";
import type { ServiceTagsFile } from "../../../world/catalog/service-tags.js";
import {
  arrayAt,
  badRequest,
  boolAt,
  cidrAt,
  enumAt,
  type Json,
  knownObject,
  refAt,
  requiredString,
  stringsAt,
} from "../private-dns/body.js";
import { checkDomainName } from "../private-dns/record-data.js";
import { premisesType } from "./premises-handler.js";

const RULE_MEMBERS = [
  "name",
  "action",
  "protocol",
  "sourceAddressPrefixes",
  "destinationAddressPrefixes",
  "destinationServiceTags",
  "destinationFqdns",
  "destinationPorts",
];
const PORT = /^(\*|\d{1,5}(-\d{1,5})?)$/;

function unique(names: string[], path: string, what: string): void {
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n.toLowerCase()))
      throw badRequest(`The ${what} name '${n}' appears more than once in '${path}'.`, path);
    seen.add(n.toLowerCase());
  }
}

function ports(value: unknown, path: string): string[] {
  const list = stringsAt(value, path) ?? [];
  if (list.length === 0)
    throw badRequest(`The property '${path}' is required: give ports such as "443", "80-90" or "*".`, path);
  for (const p of list) {
    const [lo, hi] = p === "*" ? [1, 65535] : p.split("-").map(Number);
    if (!PORT.test(p) || lo < 1 || (hi ?? lo) > 65535 || (hi ?? lo) < lo) {
      throw badRequest(`The port '${p}' in '${path}' is invalid: use a port 1-65535, a range 'low-high' or '*'.`, path);
    }
  }
  return list;
}

function fqdnPatterns(value: unknown, path: string): string[] | undefined {
  const list = stringsAt(value, path);
  for (const f of list ?? []) checkDomainName(f.startsWith("*.") ? f.slice(2) : f, path);
  return list;
}

function serviceTags(value: unknown, path: string, file: ServiceTagsFile): string[] | undefined {
  const list = stringsAt(value, path);
  const known = file.values.map((t) => t.name);
  for (const tag of list ?? []) {
    if (!known.some((k) => k.toLowerCase() === tag.toLowerCase())) {
      throw badRequest(
        `The service tag '${tag}' in '${path}' is not known; known tags are ${known.map((k) => `'${k}'`).join(", ")}.`,
        path,
      );
    }
  }
  return list;
}

function firewallRule(raw: unknown, at: string, site: string[], tags: ServiceTagsFile): Json {
  const r = knownObject(raw, RULE_MEMBERS, "FirewallRule", at) ?? {};
  const cidrs = (v: unknown, p: string) => arrayAt(v, p)?.map((c, i) => cidrAt(c, `${p}[${i}]`));
  const rule: Json = {
    name: requiredString(r.name, `${at}.name`),
    action: enumAt(r.action, `${at}.action`, ["Allow", "Deny"] as const) ?? badAction(at),
    protocol: enumAt(r.protocol, `${at}.protocol`, ["Tcp", "Udp", "Any"] as const) ?? "Tcp",
  };
  const source = cidrs(r.sourceAddressPrefixes, `${at}.sourceAddressPrefixes`);
  const outside = source?.find((s) => !site.some((p) => prefixWithin(s, p)));
  if (outside)
    throw badRequest(
      `The source prefix '${outside}' of rule '${rule.name}' is outside the site's address space.`,
      `${at}.sourceAddressPrefixes`,
    );
  const destinations: Json = {
    destinationAddressPrefixes: cidrs(r.destinationAddressPrefixes, `${at}.destinationAddressPrefixes`),
    destinationServiceTags: serviceTags(r.destinationServiceTags, `${at}.destinationServiceTags`, tags),
    destinationFqdns: fqdnPatterns(r.destinationFqdns, `${at}.destinationFqdns`),
  };
  if (!Object.values(destinations).some((d) => Array.isArray(d) && d.length > 0)) {
    throw badRequest(
      `The rule '${rule.name}' needs a destination: address prefixes, service tags or FQDNs ('0.0.0.0/0' for any).`,
      at,
    );
  }
  for (const [k, v] of Object.entries({ sourceAddressPrefixes: source, ...destinations })) if (v) rule[k] = v;
  rule.destinationPorts = ports(r.destinationPorts, `${at}.destinationPorts`);
  return rule;
}

function badAction(at: string): never {
  throw badRequest(`The property '${at}.action' is required: 'Allow' or 'Deny'.`, `${at}.action`);
}

/**
 * `Arclink.OnPremises/sites` (docs/premises.md): the address space, VPN/ExpressRoute
 * connections to virtual networks, internet access and the egress firewall. Rules in
 * src/rules/on-premises/ check the connected networks and the members' addresses.
 */
export const sites = premisesType({
  type: SITE_TYPE,
  kind: "tracked",
  model: "Site",
  build(props, _id, _existing, world) {
    knownObject(
      props,
      ["addressSpace", "connections", "internetAccess", "egressFirewall"],
      "SiteProperties",
      "properties",
    );
    const space = knownObject(props.addressSpace, ["addressPrefixes"], "AddressSpace", "properties.addressSpace");
    const prefixes = (arrayAt(space?.addressPrefixes, "properties.addressSpace.addressPrefixes") ?? []).map((p, i) =>
      cidrAt(p, `properties.addressSpace.addressPrefixes[${i}]`),
    );
    if (prefixes.length === 0)
      throw badRequest(
        "The property 'properties.addressSpace.addressPrefixes' needs at least one CIDR prefix.",
        "properties.addressSpace",
      );
    const connections = (arrayAt(props.connections, "properties.connections") ?? []).map((c, i) => {
      const at = `properties.connections[${i}]`;
      const o = knownObject(c, ["name", "kind", "virtualNetwork"], "SiteConnection", at) ?? {};
      return {
        name: requiredString(o.name, `${at}.name`),
        kind: enumAt(o.kind, `${at}.kind`, ["SiteToSiteVpn", "ExpressRoute"] as const) ?? "SiteToSiteVpn",
        virtualNetwork: { id: refAt(o.virtualNetwork, `${at}.virtualNetwork`, true) },
      };
    });
    unique(
      connections.map((c) => c.name),
      "properties.connections",
      "connection",
    );
    const fw =
      knownObject(props.egressFirewall, ["defaultAction", "rules"], "EgressFirewall", "properties.egressFirewall") ??
      {};
    const rules = (arrayAt(fw.rules, "properties.egressFirewall.rules") ?? []).map((r, i) =>
      firewallRule(r, `properties.egressFirewall.rules[${i}]`, prefixes, catalogOf(world).serviceTags),
    );
    unique(
      rules.map((r) => String(r.name)),
      "properties.egressFirewall.rules",
      "rule",
    );
    return {
      addressSpace: { addressPrefixes: prefixes },
      connections,
      internetAccess: boolAt(props.internetAccess, "properties.internetAccess") ?? true,
      egressFirewall: {
        defaultAction:
          enumAt(fw.defaultAction, "properties.egressFirewall.defaultAction", ["Allow", "Deny"] as const) ?? "Allow",
        rules,
      },
    };
  },
});
