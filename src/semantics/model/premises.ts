import { idKey, parentId, parseId } from "../../world/arm-id.js";
import { RESOURCE_TYPES } from "../../world/resource-types.js";
import type { World } from "../../world/world.js";
import { bool, list, num, obj, refId, str, strings } from "./read-json.js";

/** Resource types of the customer's premises (docs/premises.md). */
export const SITE_TYPE = RESOURCE_TYPES.site;
export const DNS_SERVER_TYPE = RESOURCE_TYPES.siteDnsServer;
export const PROXY_TYPE = RESOURCE_TYPES.siteProxy;
export const HOST_TYPE = RESOURCE_TYPES.siteHost;

export interface SiteConnection {
  name: string;
  kind: string;
  virtualNetworkId: string;
}

export interface FirewallRule {
  name: string;
  action: "Allow" | "Deny";
  protocol: "Tcp" | "Udp" | "Any";
  sourceAddressPrefixes?: string[];
  destinationAddressPrefixes?: string[];
  destinationServiceTags?: string[];
  destinationFqdns?: string[];
  destinationPorts: string[];
}

export interface Site {
  id: string;
  addressPrefixes: string[];
  connections: SiteConnection[];
  internetAccess: boolean;
  defaultAction: "Allow" | "Deny";
  rules: FirewallRule[];
}

export interface LocalZoneRecord {
  name: string;
  type: string;
  value: string;
  ttl?: number;
}

export interface PremisesDnsServer {
  id: string;
  siteId: string;
  address: string;
  zones: { name: string; records: LocalZoneRecord[] }[];
  conditionalForwarders: { domain: string; targets: string[] }[];
  forwarders: string[];
  recursion: boolean;
  cnameChasing: boolean;
}

export interface AgentInstall {
  version: string;
  config: { proxyUrl?: string; proxyBypass?: string[]; connectionType?: string };
  environment: { httpsProxy?: string; noProxy?: string };
}

/** A host or a proxy: something in a site with an address that resolves names. */
export interface PremisesClient {
  id: string;
  kind: "host" | "proxy";
  siteId: string;
  address: string;
  dnsServers: string[];
  os?: "windows" | "linux";
  hostsFile?: string;
  agent?: AgentInstall;
  machineId?: string;
  port?: number;
  bypassList?: string[];
}

function typed(world: World, id: string, type: string) {
  const r = world.get(id);
  return r && r.type.toLowerCase() === type.toLowerCase() ? r : undefined;
}

function siteIdOf(id: string): string {
  const parsed = parseId(id);
  return (parsed && parentId(parsed)) ?? id;
}

function firewallRule(raw: Record<string, unknown>): FirewallRule {
  const optional = (v: unknown) => (Array.isArray(v) ? strings(v) : undefined);
  return {
    name: str(raw.name) ?? "",
    action: raw.action === "Deny" ? "Deny" : "Allow",
    protocol: raw.protocol === "Udp" ? "Udp" : raw.protocol === "Any" ? "Any" : "Tcp",
    sourceAddressPrefixes: optional(raw.sourceAddressPrefixes),
    destinationAddressPrefixes: optional(raw.destinationAddressPrefixes),
    destinationServiceTags: optional(raw.destinationServiceTags),
    destinationFqdns: optional(raw.destinationFqdns),
    destinationPorts: strings(raw.destinationPorts),
  };
}

export function readSite(world: World, id: string): Site | undefined {
  const r = typed(world, id, SITE_TYPE);
  if (!r) return undefined;
  const p = r.properties;
  const fw = obj(p.egressFirewall);
  return {
    id: r.id,
    addressPrefixes: strings(obj(p.addressSpace).addressPrefixes),
    connections: list(p.connections).flatMap((c) => {
      const virtualNetworkId = refId(c.virtualNetwork);
      return virtualNetworkId ? [{ name: str(c.name) ?? "", kind: str(c.kind) ?? "", virtualNetworkId }] : [];
    }),
    internetAccess: bool(p.internetAccess, true),
    defaultAction: fw.defaultAction === "Deny" ? "Deny" : "Allow",
    rules: list(fw.rules).map(firewallRule),
  };
}

export function readDnsServer(world: World, id: string): PremisesDnsServer | undefined {
  const r = typed(world, id, DNS_SERVER_TYPE);
  if (!r) return undefined;
  const p = r.properties;
  return {
    id: r.id,
    siteId: siteIdOf(r.id),
    address: str(p.address) ?? "",
    zones: list(p.zones).map((z) => ({
      name: str(z.name) ?? "",
      records: list(z.records).map((rec) => ({
        name: str(rec.name) ?? "@",
        type: (str(rec.type) ?? "A").toUpperCase(),
        value: str(rec.value) ?? "",
        ttl: typeof rec.ttl === "number" ? rec.ttl : undefined,
      })),
    })),
    conditionalForwarders: list(p.conditionalForwarders).map((f) => ({
      domain: str(f.domain) ?? "",
      targets: strings(f.targets),
    })),
    forwarders: strings(p.forwarders),
    recursion: bool(p.recursion, true),
    cnameChasing: bool(p.cnameChasing, true),
  };
}

function readAgent(raw: unknown): AgentInstall | undefined {
  const a = obj(raw);
  const version = str(a.version);
  if (!version) return undefined;
  const config = obj(a.config);
  const env = obj(a.environment);
  const bypass = config["proxy.bypass"];
  return {
    version,
    config: {
      proxyUrl: str(config["proxy.url"]),
      proxyBypass: typeof bypass === "string" ? bypass.split(",").map((s) => s.trim()) : strings(bypass),
      connectionType: str(config["connection.type"]),
    },
    environment: { httpsProxy: str(env.HTTPS_PROXY), noProxy: str(env.NO_PROXY) },
  };
}

/** Reads a host or a proxy of a site. */
export function readClient(world: World, id: string): PremisesClient | undefined {
  const host = typed(world, id, HOST_TYPE);
  const proxy = host ? undefined : typed(world, id, PROXY_TYPE);
  const r = host ?? proxy;
  if (!r) return undefined;
  const p = r.properties;
  return {
    id: r.id,
    kind: host ? "host" : "proxy",
    siteId: siteIdOf(r.id),
    address: str(p.address) ?? "",
    dnsServers: strings(p.dnsServers),
    os: p.os === "windows" ? "windows" : p.os === "linux" ? "linux" : undefined,
    hostsFile: str(p.hostsFile),
    agent: host ? readAgent(p.agent) : undefined,
    machineId: str(p.machineId),
    port: proxy ? num(p.port, 3128) : undefined,
    bypassList: proxy ? strings(p.bypassList) : undefined,
  };
}

/** The site that contains a premises resource (host, proxy or DNS server), if any. */
export function siteOfResource(world: World, id: string): Site | undefined {
  return readSite(world, siteIdOf(id));
}

/** Every premises resource of a type inside one site, in id order. */
export function inSite(world: World, siteId: string, type: string): string[] {
  return world
    .under(siteId, type)
    .map((r) => r.id)
    .sort((a, b) => (idKey(a) < idKey(b) ? -1 : 1));
}
