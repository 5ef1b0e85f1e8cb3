import type { World } from "../../world/world.js";
import { readDnsServer } from "../model/premises.js";
import { zonesLinkedTo } from "../model/private-dns.js";
import { canonicalName, isAtOrUnder, list, num, obj, str, strings } from "../model/read-json.js";
import type { DnsAnswer, DnsStep, Rcode, RecordType, Vantage } from "./dns-types.js";
import { resolve } from "./resolve.js";

/**
 * The wire view of a resolution: what a DNS server puts in its answer and authority
 * sections, for every query type the live servers answer. Added beside `resolve` for
 * the live DNS plane (src/dns): record types beyond A/AAAA/CNAME/TXT (SRV, PTR, MX from
 * private and local zones; SOA and NS at zone apexes) and the SOA of negative answers
 * with its negative TTL [RFC 2308 §3, §5].
 */

/** Record data in the shapes of dns-packet: a string, string[] (TXT) or an object (SOA, SRV, MX). */
export type WireData =
  | string
  | string[]
  | { mname: string; rname: string; serial: number; refresh: number; retry: number; expire: number; minimum: number }
  | { priority: number; weight: number; port: number; target: string }
  | { preference: number; exchange: string };

export interface WireRecord {
  name: string;
  type: string;
  ttl: number;
  data: WireData;
}

export interface WireAnswer {
  rcode: Rcode;
  answers: WireRecord[];
  /** The zone's SOA on NXDOMAIN and NODATA, with the negative TTL. */
  authority: WireRecord[];
  trace: DnsStep[];
}

type Soa = Extract<WireData, { mname: string }>;

/** Azure private DNS's SOA defaults (every private zone gets this SOA record set) [SPEC-PDNS]. */
const PRIVATE_SOA_TTL = 3600;
/** On-premises and public zones: a synthesized SOA; the negative TTL is the public one (300 s). */
const SYNTH_SOA = (zone: string): Soa => ({
  mname: `ns1.${zone}`,
  rname: `hostmaster.${zone}`,
  serial: 1,
  refresh: 3600,
  retry: 300,
  expire: 2419200,
  minimum: 300,
});

/** Where the final name of a chain was answered: a zone, its SOA and its extra records. */
interface Authority {
  zone: string;
  soa: Soa;
  soaTtl: number;
  /** Records of other types at a name of the zone (SRV, PTR, MX…), by upper-case type. */
  extra(name: string, type: string): WireRecord[];
}

/**
 * Per-snapshot memo of the zone reads this file repeats for every negative answer; keyed
 * by the world object, so it is only valid for immutable worlds (snapshots), which is what
 * the live plane passes.
 */
const memo = new WeakMap<World, Map<string, unknown>>();
function memoized<T>(world: World, key: string, compute: () => T): T {
  let m = memo.get(world);
  if (!m) {
    m = new Map();
    memo.set(world, m);
  }
  if (!m.has(key)) m.set(key, compute());
  return m.get(key) as T;
}

function privateZoneAuthority(world: World, vnetId: string, name: string): Authority | undefined {
  const zone = memoized(world, `links|${vnetId}`, () => zonesLinkedTo(world, vnetId))
    .filter((z) => isAtOrUnder(name, z.name))
    .sort((a, b) => b.name.length - a.name.length)[0];
  if (!zone) return undefined;
  const sets = memoized(world, `sets|${zone.zoneId}`, () => world.under(zone.zoneId));
  const setAt = (type: string, relative: string) =>
    sets.find((rs) => rs.type.toUpperCase().endsWith(`/${type}`) && rs.name.toLowerCase() === relative);
  const soaSet = setAt("SOA", "@");
  const raw = obj(soaSet?.properties.soaRecord);
  const soa: Soa = {
    mname: canonicalName(str(raw.host) ?? "azureprivatedns.net"),
    rname: canonicalName(str(raw.email) ?? "azureprivatedns-host.microsoft.com"),
    serial: num(raw.serialNumber, 1),
    refresh: num(raw.refreshTime, 3600),
    retry: num(raw.retryTime, 300),
    expire: num(raw.expireTime, 2419200),
    minimum: num(raw.minimumTtl, 10),
  };
  return {
    zone: zone.name,
    soa,
    soaTtl: num(soaSet?.properties.ttl, PRIVATE_SOA_TTL),
    extra(at, type) {
      const relative = at === zone.name ? "@" : at.slice(0, at.length - zone.name.length - 1);
      const rs = setAt(type, relative);
      if (!rs) return [];
      const ttl = num(rs.properties.ttl, 3600);
      const p = rs.properties;
      const rec = (data: WireData): WireRecord => ({ name: at, type, ttl, data });
      if (type === "SRV")
        return list(p.srvRecords).map((r) =>
          rec({
            priority: num(r.priority, 0),
            weight: num(r.weight, 0),
            port: num(r.port, 0),
            target: canonicalName(str(r.target) ?? ""),
          }),
        );
      if (type === "MX")
        return list(p.mxRecords).map((r) =>
          rec({ preference: num(r.preference, 0), exchange: canonicalName(str(r.exchange) ?? "") }),
        );
      if (type === "PTR") return list(p.ptrRecords).map((r) => rec(canonicalName(str(r.ptrdname) ?? "")));
      if (type === "TXT") return list(p.txtRecords).map((r) => rec(strings(r.value)));
      return [];
    },
  };
}

/** Parses a local-zone value of type SRV ("prio weight port target") or MX ("pref exchange"). */
function localData(type: string, value: string): WireData | undefined {
  const parts = value.trim().split(/\s+/);
  if (type === "SRV" && parts.length === 4)
    return { priority: +parts[0], weight: +parts[1], port: +parts[2], target: canonicalName(parts[3]) };
  if (type === "MX" && parts.length === 2) return { preference: +parts[0], exchange: canonicalName(parts[1]) };
  if (type === "PTR" || type === "NS") return canonicalName(value);
  return undefined;
}

function localZoneAuthority(world: World, serverId: string, name: string): Authority | undefined {
  const zone = readDnsServer(world, serverId)
    ?.zones.filter((z) => isAtOrUnder(name, canonicalName(z.name)))
    .sort((a, b) => b.name.length - a.name.length)[0];
  if (!zone) return undefined;
  const origin = canonicalName(zone.name);
  return {
    zone: origin,
    soa: SYNTH_SOA(origin),
    soaTtl: 3600,
    extra(at, type) {
      return zone.records.flatMap((r) => {
        const owner =
          r.name === "@" ? origin : r.name.endsWith(".") ? canonicalName(r.name) : canonicalName(`${r.name}.${origin}`);
        const data = owner === at && r.type === type ? localData(type, r.value) : undefined;
        return data === undefined ? [] : [{ name: at, type, ttl: r.ttl ?? 3600, data }];
      });
    },
  };
}

/** The public internet: each registrable domain (the last two labels) is a zone. */
function publicAuthority(name: string): Authority {
  const zone = name.split(".").slice(-2).join(".");
  return { zone, soa: SYNTH_SOA(zone), soaTtl: 3600, extra: () => [] };
}

const ZONE_STEPS = new Set(["local-zone", "private-zone", "nxdomain-redirect", "public-lookup"]);

/** The authority that answered `name`, from the last zone step of the trace about it. */
function authorityOf(world: World, trace: readonly DnsStep[], name: string): Authority | undefined {
  for (let i = trace.length - 1; i >= 0; i--) {
    const s = trace[i];
    if (s.name !== name || !ZONE_STEPS.has(s.kind)) continue;
    if (s.kind === "public-lookup") return publicAuthority(name);
    if (s.kind === "local-zone") return localZoneAuthority(world, s.at, name);
    if (s.kind === "private-zone") return privateZoneAuthority(world, s.at.replace(/^azure-dns /, ""), name);
  }
  return undefined;
}

const CORE = new Set(["A", "AAAA", "CNAME", "TXT"]);

/**
 * Resolves any query type as `vantage` would, for the wire: `resolve` gives the chain and
 * rcode; other types ride the same chain (a CNAME applies to every type, RFC 1034 §3.6.2)
 * and take their data from the zone that answered the final name; SOA and NS answer at
 * zone apexes; NXDOMAIN and NODATA carry that zone's SOA with TTL min(SOA TTL, minimum).
 *
 * @example
 * resolveForWire(world, { kind: "dns-server", dnsServerId }, "nope.privatelink.his.arc.azure.com", "A", now).authority
 * // → [{ type: "SOA", name: "privatelink.his.arc.azure.com", ttl: 10, data: { mname: "azureprivatedns.net", … } }]
 */
export function resolveForWire(world: World, vantage: Vantage, name: string, type: string, now: Date): WireAnswer {
  const qtype = type.toUpperCase();
  const core = CORE.has(qtype);
  const base: DnsAnswer = resolve(world, vantage, name, core ? (qtype as RecordType) : "TXT", now);
  const answers: WireRecord[] = core
    ? base.answers.map((r) => ({ ...r, data: r.type === "TXT" ? [r.data] : r.data }))
    : base.answers.filter((r) => r.type === "CNAME");
  const cnames = answers.filter((r) => r.type === "CNAME");
  const final = cnames.length > 0 ? (cnames[cnames.length - 1].data as string) : canonicalName(name);
  const out: WireAnswer = { rcode: base.rcode, answers, authority: [], trace: base.trace };
  if (base.rcode !== "NOERROR" && base.rcode !== "NXDOMAIN") return out;
  const hasData = (t: string) => answers.some((r) => r.type === t);
  // A positive answer of a core type needs no zone: skip the zone lookups.
  if (core && base.rcode === "NOERROR" && hasData(qtype)) return out;
  const authority = authorityOf(world, base.trace, final);
  if (!core && base.rcode === "NOERROR" && authority) {
    if (final === authority.zone && qtype === "SOA")
      answers.push({ name: final, type: "SOA", ttl: authority.soaTtl, data: authority.soa });
    else if (final === authority.zone && qtype === "NS")
      answers.push({ name: final, type: "NS", ttl: authority.soaTtl, data: authority.soa.mname });
    else answers.push(...authority.extra(final, qtype));
  }
  const answered = hasData(qtype);
  if (authority && !answered) {
    out.authority.push({
      name: authority.zone,
      type: "SOA",
      ttl: Math.min(authority.soaTtl, authority.soa.minimum),
      data: authority.soa,
    });
  }
  return out;
}
