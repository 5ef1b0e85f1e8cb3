import { idKey, parentId, parseId, sameId } from "../../world/arm-id.js";
import { RESOURCE_TYPES } from "../../world/resource-types.js";
import type { World } from "../../world/world.js";
import { canonicalName, list, num, obj, refId, str, strings } from "./read-json.js";

/** Private DNS and DNS Private Resolver types [SPEC-PDNS, JS-DNSR, facts §5–6]. */
export const PRIVATE_ZONE_TYPE = RESOURCE_TYPES.privateDnsZone;
export const ZONE_LINK_TYPE = RESOURCE_TYPES.privateDnsZoneLink;
export const RESOLVER_TYPE = RESOURCE_TYPES.dnsResolver;
export const INBOUND_ENDPOINT_TYPE = RESOURCE_TYPES.inboundEndpoint;
export const OUTBOUND_ENDPOINT_TYPE = RESOURCE_TYPES.outboundEndpoint;
export const RULESET_TYPE = RESOURCE_TYPES.forwardingRuleset;
export const FORWARDING_RULE_TYPE = RESOURCE_TYPES.forwardingRule;
export const RULESET_LINK_TYPE = RESOURCE_TYPES.forwardingRulesetLink;

/** Record types arclink answers from zones. */
export const ZONE_RECORD_TYPES = ["A", "AAAA", "CNAME", "TXT"] as const;

export interface LinkedZone {
  zoneId: string;
  /** Canonical zone name, e.g. `privatelink.his.arc.azure.com`. */
  name: string;
  linkId: string;
  resolutionPolicy: "Default" | "NxDomainRedirect";
}

export interface ZoneRecord {
  type: (typeof ZONE_RECORD_TYPES)[number];
  ttl: number;
  data: string;
}

export interface ForwardingRule {
  id: string;
  rulesetId: string;
  domain: string;
  targets: { ipAddress: string; port: number }[];
  enabled: boolean;
}

export interface InboundEndpoint {
  id: string;
  virtualNetworkId: string;
  addresses: { address: string; subnetId?: string }[];
}

function parentOf(id: string): string | undefined {
  const parsed = parseId(id);
  return parsed && parentId(parsed);
}

/** Private zones linked to a vnet, by their `virtualNetworkLinks`, in zone-id order. */
export function zonesLinkedTo(world: World, vnetId: string): LinkedZone[] {
  const out: LinkedZone[] = [];
  for (const link of world.ofType(ZONE_LINK_TYPE)) {
    if (!sameId(refId(link.properties.virtualNetwork), vnetId)) continue;
    const zoneId = parentOf(link.id);
    const zone = zoneId ? world.get(zoneId) : undefined;
    if (!zone) continue;
    out.push({
      zoneId: zone.id,
      name: canonicalName(zone.name),
      linkId: link.id,
      resolutionPolicy: link.properties.resolutionPolicy === "NxDomainRedirect" ? "NxDomainRedirect" : "Default",
    });
  }
  return out.sort((a, b) => (idKey(a.linkId) < idKey(b.linkId) ? -1 : 1));
}

/** Records of a zone at a relative name (`@` = apex); undefined when the name has no record set. */
export function zoneRecordsAt(world: World, zoneId: string, relativeName: string): ZoneRecord[] | undefined {
  const wanted = relativeName === "" ? "@" : relativeName.toLowerCase();
  let found = false;
  const out: ZoneRecord[] = [];
  for (const rs of world.under(zoneId)) {
    const type = rs.type.split("/")[2]?.toUpperCase();
    if (rs.type.split("/").length !== 3 || rs.name.toLowerCase() !== wanted) continue;
    if (type === "VIRTUALNETWORKLINKS") continue;
    found = true;
    const p = rs.properties;
    const ttl = num(p.ttl, 3600);
    if (type === "A") for (const a of list(p.aRecords)) out.push({ type, ttl, data: str(a.ipv4Address) ?? "" });
    if (type === "AAAA") for (const a of list(p.aaaaRecords)) out.push({ type, ttl, data: str(a.ipv6Address) ?? "" });
    if (type === "CNAME") {
      const cname = str(obj(p.cnameRecord).cname);
      if (cname) out.push({ type, ttl, data: canonicalName(cname) });
    }
    if (type === "TXT") for (const t of list(p.txtRecords)) out.push({ type, ttl, data: strings(t.value).join("") });
  }
  return found ? out : undefined;
}

/** Enabled and disabled forwarding rules of the rulesets linked to a vnet, in rule-id order. */
export function forwardingRulesFor(world: World, vnetId: string): ForwardingRule[] {
  const rulesets = world
    .ofType(RULESET_LINK_TYPE)
    .filter((l) => sameId(refId(l.properties.virtualNetwork), vnetId))
    .flatMap((l) => strings([parentOf(l.id)]));
  const out: ForwardingRule[] = [];
  for (const rulesetId of rulesets) {
    for (const rule of world.under(rulesetId, FORWARDING_RULE_TYPE)) {
      const p = rule.properties;
      out.push({
        id: rule.id,
        rulesetId,
        domain: canonicalName(str(p.domainName) ?? ""),
        targets: list(p.targetDnsServers).map((t) => ({ ipAddress: str(t.ipAddress) ?? "", port: num(t.port, 53) })),
        enabled: p.forwardingRuleState !== "Disabled",
      });
    }
  }
  return out.sort((a, b) => (idKey(a.id) < idKey(b.id) ? -1 : 1));
}

/** The subnet the ruleset's first outbound endpoint sits in: the source of forwarded queries. */
export function rulesetOutboundSubnet(world: World, rulesetId: string): string | undefined {
  const ruleset = world.get(rulesetId);
  for (const ref of list(ruleset?.properties.dnsResolverOutboundEndpoints)) {
    const ep = str(ref.id) ? world.get(str(ref.id)!) : undefined;
    const subnetId = ep && refId(ep.properties.subnet);
    if (subnetId) return subnetId;
  }
  return undefined;
}

export function readInboundEndpoint(world: World, id: string): InboundEndpoint | undefined {
  const r = world.get(id);
  if (!r || r.type.toLowerCase() !== INBOUND_ENDPOINT_TYPE.toLowerCase()) return undefined;
  const resolverId = parentOf(r.id);
  const resolver = resolverId ? world.get(resolverId) : undefined;
  const addresses = list(r.properties.ipConfigurations).flatMap((c) => {
    const address = str(c.privateIpAddress);
    return address ? [{ address, subnetId: refId(c.subnet) }] : [];
  });
  const fromSubnet = addresses[0]?.subnetId && parentOf(addresses[0].subnetId);
  const virtualNetworkId = refId(resolver?.properties.virtualNetwork) ?? fromSubnet;
  return virtualNetworkId ? { id: r.id, virtualNetworkId, addresses } : undefined;
}

export function allInboundEndpoints(world: World): InboundEndpoint[] {
  return world
    .ofType(INBOUND_ENDPOINT_TYPE)
    .flatMap((r) => {
      const ep = readInboundEndpoint(world, r.id);
      return ep ? [ep] : [];
    })
    .sort((a, b) => (idKey(a.id) < idKey(b.id) ? -1 : 1));
}
