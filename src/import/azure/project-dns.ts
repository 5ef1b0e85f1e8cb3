import type { ImportedEntry } from "../imported-entry.js";
import { isObject, type Json, member, text } from "../json-text.js";
import { arr, body, objects, pick, ref } from "./pick.js";
import type { RawResource } from "./raw-resource.js";

const entry = (r: RawResource, b: Json): ImportedEntry => ({ id: r.id, body: b, file: r.file, line: r.line });

/** `Microsoft.Network/privateDnsZones` (location `global`) [SPEC-PDNS]. */
export function privateZoneEntry(z: RawResource): ImportedEntry {
  return entry(z, body({ ...z, location: "global" }, {}));
}

/** A record set of a private zone: its TTL and records [SPEC-PDNS RecordSetProperties]. */
export function recordSetEntry(r: RawResource): ImportedEntry {
  const p = r.properties;
  const properties = pick(p, ["ttl", "metadata"]);
  for (const key of ["aRecords", "aaaaRecords", "mxRecords", "ptrRecords", "srvRecords", "txtRecords"]) {
    const v = member(p, key);
    if (Array.isArray(v) && v.length > 0) properties[key] = v;
  }
  const cname = member(p, "cnameRecord");
  if (isObject(cname)) properties.cnameRecord = cname;
  return entry(r, { properties });
}

/** A virtual network link of a private zone [SPEC-PDNS]. */
export function zoneLinkEntry(l: RawResource): ImportedEntry {
  const properties = pick(l.properties, ["registrationEnabled", "resolutionPolicy"]);
  const vnet = ref(l.properties.virtualNetwork);
  if (vnet) properties.virtualNetwork = vnet;
  return entry(l, body({ ...l, location: "global" }, properties));
}

/** `Microsoft.Network/dnsResolvers` [JS-DNSR]. */
export function resolverEntry(r: RawResource): ImportedEntry {
  const vnet = ref(r.properties.virtualNetwork);
  return entry(r, body(r, vnet ? { virtualNetwork: vnet } : {}));
}

/** An inbound endpoint: its subnet and address [JS-DNSR InboundEndpointProperties]. */
export function inboundEntry(r: RawResource): ImportedEntry {
  const ipConfigurations = objects(r.properties.ipConfigurations).map((c) => {
    const out = pick(c, ["privateIpAllocationMethod"]);
    const address = text(member(c, "privateIpAddress"));
    if (address) out.privateIpAddress = address;
    const subnet = ref(c.subnet);
    if (subnet) out.subnet = subnet;
    return out;
  });
  return entry(r, body(r, { ipConfigurations }));
}

/** An outbound endpoint: its subnet [JS-DNSR]. */
export function outboundEntry(r: RawResource): ImportedEntry {
  const subnet = ref(r.properties.subnet);
  return entry(r, body(r, subnet ? { subnet } : {}));
}

/** A forwarding ruleset: the outbound endpoints it uses [JS-DNSR]. */
export function rulesetEntry(r: RawResource): ImportedEntry {
  const dnsResolverOutboundEndpoints = arr(r.properties.dnsResolverOutboundEndpoints).flatMap((x) => {
    const id = ref(x);
    return id ? [id] : [];
  });
  return entry(r, body(r, { dnsResolverOutboundEndpoints }));
}

/** A forwarding rule: domain and targets [JS-DNSR ForwardingRuleProperties]. */
export function forwardingRuleEntry(r: RawResource): ImportedEntry {
  const properties = pick(r.properties, ["domainName", "forwardingRuleState", "metadata"]);
  properties.targetDnsServers = objects(r.properties.targetDnsServers).map((t) => pick(t, ["ipAddress", "port"]));
  return entry(r, { properties });
}

/** A ruleset's virtual network link [JS-DNSR]. */
export function rulesetLinkEntry(r: RawResource): ImportedEntry {
  const properties = pick(r.properties, ["metadata"]);
  const vnet = ref(r.properties.virtualNetwork);
  if (vnet) properties.virtualNetwork = vnet;
  return entry(r, { properties });
}
