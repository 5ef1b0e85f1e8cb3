import type { AccessDecision, Arrival } from "../semantics/access/index.js";
import { decide } from "../semantics/access/index.js";
import { type AgentPlan, plan } from "../semantics/agent/index.js";
import { type ConnectCalls, type Shared, vantageLabel } from "../semantics/connect/index.js";
import { type DnsAnswer, type HostsEntry, lookupHostsFile, parseHostsFile, resolve } from "../semantics/dns/index.js";
import {
  arcScopeOf,
  NSG_TYPE,
  type PremisesClient,
  readClient,
  readSecurityRules,
  readSite,
} from "../semantics/model/index.js";
import {
  inPrefix,
  type Occupant,
  occupantsAt,
  type Place,
  type ReachResult,
  reach,
  sourceLabel,
} from "../semantics/net/index.js";
import { idKey } from "../world/arm-id.js";
import type { World } from "../world/world.js";
import type { HostInfo } from "./checks/check-types.js";
import { IndexedWorld } from "./indexed-world.js";

function cached<T>(map: Map<string, T>, key: string, make: () => T): T {
  let v = map.get(key);
  if (v === undefined) {
    v = make();
    map.set(key, v);
  }
  return v;
}

function placeKey(place: Place): string {
  switch (place.kind) {
    case "site":
      return `site|${idKey(place.siteId)}`;
    case "virtual-network":
      return `vnet|${idKey(place.virtualNetworkId)}|${place.subnetId ? idKey(place.subnetId) : ""}`;
    case "azure-platform":
      return `platform|${idKey(place.virtualNetworkId)}`;
    case "internet":
      return "internet";
  }
}

/**
 * Semantic calls shared across one verify run over one snapshot. Two hosts get one
 * answer when every input the semantics read is the same for both: the same site, the
 * same DNS servers, no hosts-file line for the name, and the same *source class* — which
 * of the source prefixes named anywhere (egress firewall rules, NSG rules) contain
 * their address. The shared answer names the host it was computed for.
 *
 * @example
 * const calls = memoCalls(store.snapshot(), new Date());
 */
export interface MemoCalls extends ConnectCalls {
  /**
   * A key equal for two hosts exactly when every property of the host and its machine
   * that the semantics read is equal (site, source class, DNS servers, hosts file, OS,
   * agent as `readClient` parses it; the machine's location, scope and association time
   * as `readMachine` reads them, and its endpoint list): such hosts get the same
   * verdicts, so a run computes them once per class.
   */
  hostClass(host: HostInfo): string;
  /**
   * Which source prefixes named anywhere (the site's own, egress firewall rules, NSG
   * rules) contain an address of a site: hosts that differ only here may be treated
   * differently by the network.
   */
  sourceClassOf(siteId: string, address: string): string;
  stats(): Record<string, number>;
}

export function memoCalls(snapshot: World, now: Date): MemoCalls {
  const world = snapshot instanceof IndexedWorld ? snapshot : new IndexedWorld(snapshot);
  const clients = new Map<string, PremisesClient | null>();
  const hostsFiles = new Map<string, HostsEntry[]>();
  const sitePrefixes = new Map<string, string[]>();
  const resolves = new Map<string, Shared<DnsAnswer>>();
  const reaches = new Map<string, Shared<ReachResult>>();
  const occupants = new Map<string, readonly Occupant[]>();
  const decisions = new Map<string, AccessDecision>();
  const scopes = new Map<string, string | null>();
  const plans = { calls: 0 };

  const client = (id: string) => cached(clients, idKey(id), () => readClient(world, id) ?? null) ?? undefined;

  // Source prefixes an NSG rule names anywhere in the world: read once.
  let nsgPrefixes: string[] | undefined;
  const nsgSources = () => {
    nsgPrefixes ??= world
      .ofType(NSG_TYPE)
      .flatMap((n) => readSecurityRules(world, n.id) ?? [])
      .flatMap((r) => r.sourceAddressPrefixes)
      .filter((p) => /^[0-9a-f:.]+(\/\d+)?$/i.test(p));
    return nsgPrefixes;
  };
  // Keyed by the site id as read (hosts of one site carry equal strings): no normalizing per host.
  const prefixesOf = (siteId: string) =>
    cached(sitePrefixes, siteId, () => {
      const site = readSite(world, siteId);
      const fw = (site?.rules ?? []).flatMap((r) => r.sourceAddressPrefixes ?? []);
      // The site's own prefixes too: NSG's VirtualNetwork tag includes them.
      return [...new Set([...(site?.addressPrefixes ?? []), ...fw, ...nsgSources()])];
    });
  const sourceClassOf = (siteId: string, address: string) => {
    let bits = "";
    for (const p of prefixesOf(siteId)) bits += inPrefix(address, p) ? "1" : "0";
    return `${siteId.toLowerCase()}|${bits}`;
  };
  const sourceClass = (c: PremisesClient) => sourceClassOf(c.siteId, c.address);

  const hasHostsLine = (c: PremisesClient, name: string) => {
    if (!c.hostsFile) return false;
    const entries = cached(hostsFiles, c.hostsFile, () => parseHostsFile(c.hostsFile ?? ""));
    return entries.length > 0 && lookupHostsFile(entries, name, "A").length > 0;
  };

  const endpointLists = new WeakMap<object, number>();
  let lists = 0;
  const hostClass = (h: HostInfo) => {
    if (h.classKey) return h.classKey;
    const c = h.client;
    const m = h.machine;
    let list = endpointLists.get(h.endpoints);
    if (list === undefined) {
      list = ++lists;
      endpointLists.set(h.endpoints, list);
    }
    const machine = m
      ? `${m.location ?? ""}|${m.privateLinkScopeResourceId?.toLowerCase() ?? ""}|${m.associatedAt?.getTime() ?? ""}|${m.onboardedWithScope ? "onboarded" : ""}`
      : c.machineId
        ? "missing"
        : "";
    // The OS shows only in a hosts-file trace step.
    const hosts = c.hostsFile ? `${c.os ?? ""}|${c.hostsFile}` : "";
    return `${sourceClass(c)}\n${c.dnsServers.join(",")}\n${hosts}\n${JSON.stringify(c.agent ?? null)}\n${machine}\n${list}`;
  };

  return {
    world,
    now,
    hostClass,
    sourceClassOf,
    plan(hostId: string, endpoint: string): AgentPlan {
      plans.calls++;
      return plan(world, hostId, endpoint, now);
    },
    resolve(vantage, name) {
      const id = vantage.kind === "host" ? vantage.hostId : vantage.kind === "proxy" ? vantage.proxyId : undefined;
      const c = id ? client(id) : undefined;
      const compute = () => ({ value: resolve(world, vantage, name, "A", now), computedFor: vantageLabel(vantage) });
      if (!c) return compute();
      if (c.kind === "host" && hasHostsLine(c, name)) return compute();
      const key =
        c.kind === "proxy"
          ? `proxy|${idKey(c.id)}|${name}`
          : `host|${sourceClass(c)}|${c.dnsServers.join(",")}|${name}`;
      return cached(resolves, key, compute);
    },
    reach(from, address, port, requestedName) {
      const c = from.kind === "premises" ? client(from.id) : undefined;
      const compute = () => ({
        value: reach(world, from, address, port, "Tcp", now, { requestedName }),
        computedFor: sourceLabel(from),
      });
      if (!c) return compute();
      const who = c.kind === "proxy" ? `proxy|${idKey(c.id)}` : `host|${sourceClass(c)}`;
      return cached(reaches, `${who}|${address}|${port}|${requestedName ?? ""}`, compute);
    },
    occupants: (place, address) =>
      cached(occupants, `${placeKey(place)}|${address}`, () => occupantsAt(world, place, address)),
    decide(machineId: string, arrival: Arrival) {
      const key = `${idKey(machineId)}|${arrival.kind === "public" ? "public" : idKey(arrival.privateEndpointId)}`;
      return cached(decisions, key, () => decide(world, machineId, arrival, now));
    },
    scopeOf: (peId) => cached(scopes, idKey(peId), () => arcScopeOf(world, peId) ?? null) ?? undefined,
    machineOf: (hostId) => client(hostId)?.machineId,
    stats: () => ({
      plans: plans.calls,
      resolves: resolves.size,
      reaches: reaches.size,
      occupants: occupants.size,
      decisions: decisions.size,
    }),
  };
}
