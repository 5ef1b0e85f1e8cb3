import { SECURITY_RULE_WRITABLE } from "../../arm/providers/network/security-rule-body.js";
import { idKey } from "../../world/index.js";
import type { ImportedEntry } from "../imported-entry.js";
import { isObject, type Json, member } from "../json-text.js";
import { arr, body, childProperties, objects, pick, ref } from "./pick.js";
import type { RawResource } from "./raw-resource.js";

/** Writable subnet properties the semantics read [JS-NET SubnetPropertiesFormat]. */
function subnetProperties(p: Json): Json {
  const out = pick(p, ["addressPrefix", "addressPrefixes", "privateEndpointNetworkPolicies"]);
  const nsg = ref(p.networkSecurityGroup);
  if (nsg) out.networkSecurityGroup = nsg;
  return out;
}

function ruleProperties(p: Json): Json {
  return pick(p, SECURITY_RULE_WRITABLE);
}

/** Children by name: embedded ones first, child resources of the export win by name. */
function merged(embedded: Json[], children: RawResource[]): { name: string; properties: Json }[] {
  const byName = new Map<string, { name: string; properties: Json }>();
  for (const e of embedded) {
    const name = typeof e.name === "string" ? e.name : "";
    if (name) byName.set(name.toLowerCase(), { name, properties: childProperties(e) });
  }
  for (const c of children) byName.set(c.name.toLowerCase(), { name: c.name, properties: c.properties });
  return [...byName.values()];
}

/** Child resources of the export grouped by their parent's id key. */
export function childrenByParent(raws: RawResource[], type: string): Map<string, RawResource[]> {
  const out = new Map<string, RawResource[]>();
  for (const r of raws) {
    if (idKey(r.type) !== idKey(type)) continue;
    const parent = idKey(r.id.split("/").slice(0, -2).join("/"));
    const list = out.get(parent);
    if (list) list.push(r);
    else out.set(parent, [r]);
  }
  return out;
}

/**
 * A virtual network with its subnets embedded (from the vnet and from `subnets` children of
 * the export), and its peerings as separate child entries, so each peering is applied after
 * both of its vnets [JS-NET, docs/world-files.md §Order].
 */
export function virtualNetworkEntries(
  vnet: RawResource,
  subnets: RawResource[],
  peerings: RawResource[],
): ImportedEntry[] {
  const p = vnet.properties;
  const properties: Json = {
    addressSpace: { addressPrefixes: arr(member(isObject(p.addressSpace) ? p.addressSpace : {}, "addressPrefixes")) },
    subnets: merged(objects(p.subnets), subnets).map((s) => ({
      name: s.name,
      properties: subnetProperties(s.properties),
    })),
  };
  const dns = arr(isObject(p.dhcpOptions) ? p.dhcpOptions.dnsServers : undefined);
  if (dns.length > 0) properties.dhcpOptions = { dnsServers: dns };
  const out: ImportedEntry[] = [{ id: vnet.id, body: body(vnet, properties), file: vnet.file, line: vnet.line }];
  for (const peering of merged(objects(p.virtualNetworkPeerings), peerings)) {
    out.push({
      id: `${vnet.id}/virtualNetworkPeerings/${peering.name}`,
      body: { properties: peeringProperties(peering.properties) },
      file: vnet.file,
      line: peerings.find((x) => x.name === peering.name)?.line ?? vnet.line,
    });
  }
  return out;
}

export function peeringProperties(p: Json): Json {
  const out = pick(p, [
    "allowVirtualNetworkAccess",
    "allowForwardedTraffic",
    "allowGatewayTransit",
    "useRemoteGateways",
  ]);
  const remote = ref(p.remoteVirtualNetwork);
  if (remote) out.remoteVirtualNetwork = remote;
  return out;
}

/** A subnet exported without its vnet: a child entry of its own. */
export function subnetEntry(s: RawResource): ImportedEntry {
  return { id: s.id, body: { properties: subnetProperties(s.properties) }, file: s.file, line: s.line };
}

/** A network security group with its rules embedded; default rules are the service's, not the user's. */
export function securityGroupEntry(nsg: RawResource, rules: RawResource[]): ImportedEntry {
  const securityRules = merged(objects(nsg.properties.securityRules), rules).map((r) => ({
    name: r.name,
    properties: ruleProperties(r.properties),
  }));
  return { id: nsg.id, body: body(nsg, { securityRules }), file: nsg.file, line: nsg.line };
}

/** A security rule exported without its group. */
export function securityRuleEntry(r: RawResource): ImportedEntry {
  return { id: r.id, body: { properties: ruleProperties(r.properties) }, file: r.file, line: r.line };
}
