import type { Resource } from "../world/resource.js";
import { RESOURCE_TYPES as T } from "../world/resource-types.js";
import type { World } from "../world/world.js";

export type NodeKind =
  | "site"
  | "host"
  | "dns-server"
  | "proxy"
  | "vnet"
  | "subnet"
  | "private-endpoint"
  | "resolver"
  | "zone"
  | "scope"
  | "machine";

export type EdgeKind = "vpn" | "peering" | "zone-link" | "connection" | "association" | "machine" | "dns" | "forwards";

/** Green, amber or red from the verifier's findings; `none` when nothing judges the node. */
export type Health = "ok" | "warning" | "error" | "none";

export interface TopologyNode {
  id: string;
  kind: NodeKind;
  label: string;
  detail?: string;
  parent?: string;
  health: Health;
}

export interface TopologyEdge {
  id: string;
  kind: EdgeKind;
  source: string;
  target: string;
  label?: string;
  /** A pending or rejected connection, a not-yet-effective association. */
  dashed?: boolean;
}

export interface Graph {
  nodes: TopologyNode[];
  edges: TopologyEdge[];
}

/** What colours the nodes: worst severity per host id and per resource id (lower-case keys). */
export interface HealthIndex {
  byHost: Map<string, Health>;
  byResource: Map<string, Health>;
}

const key = (id: string) => id.toLowerCase();
const obj = (v: unknown) => (v && typeof v === "object" ? (v as Record<string, unknown>) : {});
const arr = (v: unknown) => (Array.isArray(v) ? (v as unknown[]) : []);
const idOf = (v: unknown) => (typeof obj(v).id === "string" ? (obj(v).id as string) : undefined);
/** A child id's parent: the id without its last `/{type}/{name}`. */
const parentId = (id: string) => id.split("/").slice(0, -2).join("/");

/**
 * The diagram of a world: sites with their hosts, DNS servers and proxies; vnets with
 * their subnets, private endpoints and resolvers; zones, scopes and machines; VPNs,
 * peerings, zone links, endpoint connections, associations and DNS forwarding as edges.
 * Pure: the layout and the colours are applied by the caller.
 *
 * @example
 * topologyGraph(world, health).nodes.filter((n) => n.kind === "host")
 */
export function topologyGraph(world: World, health: HealthIndex): Graph {
  const nodes = new Map<string, TopologyNode>();
  const edges: TopologyEdge[] = [];
  const byAddress = new Map<string, string>();
  const add = (r: Resource, kind: NodeKind, detail?: string, parent?: string) => {
    const h = kind === "host" ? health.byHost.get(key(r.id)) : health.byResource.get(key(r.id));
    nodes.set(key(r.id), { id: r.id, kind, label: r.name, detail, parent, health: h ?? "none" });
  };
  const has = (id: string | undefined) => id !== undefined && nodes.has(key(id));
  const edge = (kind: EdgeKind, source: string, target: string, extra: Partial<TopologyEdge> = {}) => {
    if (!has(source) || !has(target)) return;
    const s = nodes.get(key(source))!.id;
    const t = nodes.get(key(target))!.id;
    edges.push({ id: `${kind}:${edges.length}`, kind, source: s, target: t, ...extra });
  };

  for (const v of world.ofType(T.virtualNetwork)) {
    const prefixes = arr(obj(v.properties.addressSpace).addressPrefixes).join(", ");
    add(v, "vnet", prefixes);
    for (const s of world.under(v.id, T.subnet)) add(s, "subnet", String(s.properties.addressPrefix ?? ""), v.id);
  }
  for (const pe of world.ofType(T.privateEndpoint)) {
    const subnet = idOf(pe.properties.subnet);
    const ips = arr(pe.properties.customDnsConfigs).flatMap((c) => arr(obj(c).ipAddresses) as string[]);
    add(pe, "private-endpoint", ips.length ? `${ips[0]}${ips.length > 1 ? ` +${ips.length - 1}` : ""}` : undefined);
    if (subnet && has(subnet)) nodes.get(key(pe.id))!.parent = nodes.get(key(subnet))!.id;
    for (const ip of ips) byAddress.set(ip, pe.id);
  }
  for (const r of world.ofType(T.dnsResolver)) {
    const vnet = idOf(r.properties.virtualNetwork);
    const inbound = world
      .under(r.id, T.inboundEndpoint)
      .flatMap((e) => arr(e.properties.ipConfigurations).map((c) => String(obj(c).privateIpAddress ?? "")))
      .filter(Boolean);
    add(r, "resolver", inbound.length ? `inbound ${inbound.join(", ")}` : undefined, has(vnet) ? vnet : undefined);
    for (const ip of inbound) byAddress.set(ip, r.id);
  }
  for (const z of world.ofType(T.privateDnsZone)) add(z, "zone");
  for (const s of world.ofType(T.privateLinkScope))
    add(s, "scope", `public access ${s.properties.publicNetworkAccess ?? "?"}`);
  for (const m of world.ofType(T.machine)) add(m, "machine", String(m.properties.status ?? ""));
  for (const site of world.ofType(T.site)) {
    add(site, "site", arr(obj(site.properties.addressSpace).addressPrefixes).join(", "));
    for (const d of world.under(site.id, T.siteDnsServer)) {
      add(d, "dns-server", String(d.properties.address ?? ""), site.id);
      if (typeof d.properties.address === "string") byAddress.set(d.properties.address, d.id);
    }
    for (const p of world.under(site.id, T.siteProxy)) add(p, "proxy", String(p.properties.address ?? ""), site.id);
    for (const h of world.under(site.id, T.siteHost)) add(h, "host", String(h.properties.address ?? ""), site.id);
  }

  for (const v of world.ofType(T.virtualNetwork)) {
    for (const p of world.under(v.id, T.peering)) edge("peering", v.id, idOf(p.properties.remoteVirtualNetwork) ?? "");
  }
  for (const link of world.ofType(T.privateDnsZoneLink)) {
    edge("zone-link", parentId(link.id), idOf(link.properties.virtualNetwork) ?? "");
  }
  for (const pe of world.ofType(T.privateEndpoint)) {
    for (const list of ["privateLinkServiceConnections", "manualPrivateLinkServiceConnections"]) {
      for (const c of arr(pe.properties[list])) {
        const props = obj(obj(c).properties);
        const status = String(obj(props.privateLinkServiceConnectionState).status ?? "Approved");
        edge("connection", pe.id, String(props.privateLinkServiceId ?? ""), {
          label: status,
          dashed: status !== "Approved",
        });
      }
    }
  }
  for (const m of world.ofType(T.machine)) {
    const scope = m.properties.privateLinkScopeResourceId;
    if (typeof scope === "string") edge("association", m.id, scope);
  }
  for (const site of world.ofType(T.site)) {
    for (const c of arr(site.properties.connections)) {
      const vnet = idOf(obj(c).virtualNetwork);
      if (vnet) edge("vpn", site.id, vnet, { label: String(obj(c).name ?? obj(c).kind ?? "VPN") });
    }
    for (const d of world.under(site.id, T.siteDnsServer)) {
      for (const f of arr(d.properties.conditionalForwarders)) {
        for (const target of new Set(arr(obj(f).targets).map(String))) {
          const to = byAddress.get(target);
          if (to) edge("forwards", d.id, to, { label: String(obj(f).domain ?? "") });
        }
      }
    }
    for (const h of world.under(site.id, T.siteHost)) {
      const machine = h.properties.machineId;
      if (typeof machine === "string") edge("machine", h.id, machine);
      for (const server of arr(h.properties.dnsServers).map(String)) {
        const to = byAddress.get(server);
        if (to) edge("dns", h.id, to);
      }
    }
  }
  return { nodes: [...nodes.values()], edges: mergeParallel(edges) };
}

/** Forwarders of several zones to one target are one edge labelled with every zone. */
function mergeParallel(edges: TopologyEdge[]): TopologyEdge[] {
  const out = new Map<string, TopologyEdge>();
  for (const e of edges) {
    const k = `${e.kind}|${key(e.source)}|${key(e.target)}`;
    const seen = out.get(k);
    if (!seen) out.set(k, { ...e });
    else if (e.label && seen.label !== e.label) seen.label = `${seen.label}, ${e.label}`;
  }
  return [...out.values()];
}
