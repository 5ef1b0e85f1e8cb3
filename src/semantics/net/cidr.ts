import ipaddr from "ipaddr.js";

// The one module of address arithmetic (IPv4 and IPv6): the semantics, the write-time
// rules and the providers all use it.

/** The address of Azure-provided DNS (and the platform's health probes) inside every vnet. */
export const AZURE_DNS_ADDRESS = "168.63.129.16";

/**
 * True for the Azure platform address, which answers only from inside a vnet: from
 * anywhere else it is just a public address where nothing listens [facts §6, DOC-PEDNS].
 * `reach` places it (the `azure-platform` place); checks and generators ask this, never
 * compare addresses themselves.
 */
export function answersOnlyInsideAzure(address: string): boolean {
  return address === AZURE_DNS_ADDRESS;
}

export function isAddress(value: string): boolean {
  return ipaddr.isValid(value);
}

/** An IPv4 address in four-part decimal, the only form Azure's APIs accept. */
export function isIPv4(value: string): boolean {
  return ipaddr.IPv4.isValidFourPartDecimal(value);
}

export function isIPv6(value: string): boolean {
  return ipaddr.IPv6.isValid(value);
}

/** An address or a CIDR prefix (host bits allowed), IPv4 or IPv6. */
export function isAddressOrCidr(value: string): boolean {
  return isAddress(value) || prefixRange(value) !== undefined;
}

type Ip = ipaddr.IPv4 | ipaddr.IPv6;
type CachedPrefix = { kind: "cidr"; net: Ip; bits: number } | { kind: "address"; text: string } | null;

// Parsing dominates matching (service tags hold thousands of prefixes): parse each string
// once. Pure caches of pure functions, bounded so a long-running process cannot grow them forever.
const MAX_PREFIXES = 100_000;
// Addresses are many and mostly seen once (every host's own); prefixes are few and reused.
const MAX_ADDRESSES = 4096;
const prefixes = new Map<string, CachedPrefix>();
const addresses = new Map<string, { ip: Ip; text: string } | null>();

function remember<K, V>(map: Map<K, V>, key: K, value: V, max: number): V {
  if (map.size >= max) map.clear();
  map.set(key, value);
  return value;
}

function parsedAddress(address: string) {
  const hit = addresses.get(address);
  if (hit !== undefined) return hit;
  if (!ipaddr.isValid(address)) return remember(addresses, address, null, MAX_ADDRESSES);
  const ip = ipaddr.process(address);
  return remember(addresses, address, { ip, text: ip.toString() }, MAX_ADDRESSES);
}

function parsedPrefix(prefix: string): CachedPrefix {
  const hit = prefixes.get(prefix);
  if (hit !== undefined) return hit;
  let parsed: CachedPrefix = null;
  try {
    if (prefix.includes("/")) {
      const [net, bits] = ipaddr.parseCIDR(prefix);
      parsed = { kind: "cidr", net, bits };
    } else if (ipaddr.isValid(prefix)) {
      parsed = { kind: "address", text: ipaddr.process(prefix).toString() };
    }
  } catch {
    parsed = null;
  }
  return remember(prefixes, prefix, parsed, MAX_PREFIXES);
}

function matches(ip: { ip: Ip; text: string }, prefix: string): boolean {
  const p = parsedPrefix(prefix);
  if (!p) return false;
  if (p.kind === "address") return p.text === ip.text;
  return p.net.kind() === ip.ip.kind() && ip.ip.match(p.net, p.bits);
}

/** True when `prefix` (a CIDR or a single address) contains `address`; false on any parse error. */
export function inPrefix(address: string, prefix: string): boolean {
  const ip = parsedAddress(address);
  return ip !== null && matches(ip, prefix);
}

export function inAnyPrefix(address: string, prefixes: readonly string[]): boolean {
  const ip = parsedAddress(address);
  return ip !== null && prefixes.some((p) => matches(ip, p));
}

/** Public means globally routable unicast; private, loopback, link-local, CGNAT and the like are not. */
export function isPublicAddress(address: string): boolean {
  return ipaddr.isValid(address) && ipaddr.process(address).range() === "unicast";
}

/** A representative address inside a prefix (its first host), for sources known only by prefix. */
export function firstHost(prefix: string): string | undefined {
  try {
    const [net, bits] = ipaddr.parseCIDR(prefix);
    if (net.kind() !== "ipv4") return undefined;
    const b = ipaddr.IPv4.networkAddressFromCIDR(prefix).toByteArray();
    if (bits < 31) b[3] += 1;
    return b.join(".");
  } catch {
    return undefined;
  }
}

/**
 * The k-th usable IPv4 host address (0-based) across `prefixes` in order, skipping each
 * prefix's network address and broadcast, and prefixes narrower than /30 or IPv6.
 */
export function nthHost(prefixes: readonly string[], k: number): string | undefined {
  let left = k;
  for (const text of prefixes) {
    const p = prefixRange(text);
    if (p?.kind !== "ipv4" || p.bits > 30) continue;
    const usable = p.last - p.first - 1n;
    if (BigInt(left) < usable) return fromBigInt(p.first + 1n + BigInt(left), "ipv4");
    left -= Number(usable);
  }
  return undefined;
}

/** Port range tokens as NSGs and firewalls write them: `*`, `443`, `80-90`. */
export function portMatches(ranges: readonly string[], port: number): boolean {
  if (ranges.length === 0) return true;
  return ranges.some((r) => {
    const t = r.trim();
    if (t === "*" || t.toLowerCase() === "any") return true;
    const [lo, hi] = t.split("-").map((n) => Number.parseInt(n, 10));
    return hi === undefined ? port === lo : port >= lo && port <= hi;
  });
}

// ── Prefixes as ranges ──────────────────────────────────────────────────────────────
/**
 * Address arithmetic for virtual networks: CIDR parsing as Azure's network RP does it
 * (a prefix must be written with its host bits cleared), containment, overlap, and the
 * usable host range of a subnet — Azure reserves the first four addresses and the last
 * one of every subnet [Azure vnet FAQ "Are there any restrictions on using IP addresses
 * within these subnets?"]. IPv4 and IPv6 are both parsed; ranges are bigints.
 *
 * @example
 * parsePrefix("10.0.1.0/24") // → { ok: true, prefix: { text: "10.0.1.0/24", kind: "ipv4", first: 167772416n, last: 167772671n, bits: 24 } }
 * parsePrefix("10.0.1.5/24") // → { ok: false, reason: "cidr", canonical: "10.0.1.0/24" }
 */
export interface Prefix {
  text: string;
  kind: "ipv4" | "ipv6";
  bits: number;
  first: bigint;
  last: bigint;
}

export type PrefixParse =
  | { ok: true; prefix: Prefix }
  | { ok: false; reason: "format" }
  | { ok: false; reason: "cidr"; canonical: string };

function toBigInt(bytes: number[]): bigint {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return n;
}

function fromBigInt(n: bigint, kind: "ipv4" | "ipv6"): string {
  const len = kind === "ipv4" ? 4 : 16;
  const bytes: number[] = [];
  let v = n;
  for (let i = 0; i < len; i++) {
    bytes.unshift(Number(v & 255n));
    v >>= 8n;
  }
  return ipaddr.fromByteArray(bytes).toString();
}

export function parsePrefix(text: string): PrefixParse {
  if (typeof text !== "string" || !text.includes("/")) return { ok: false, reason: "format" };
  let parsed: [ipaddr.IPv4 | ipaddr.IPv6, number];
  try {
    parsed = ipaddr.parseCIDR(text.trim());
  } catch {
    return { ok: false, reason: "format" };
  }
  const [addr, bits] = parsed;
  const kind = addr.kind();
  const width = kind === "ipv4" ? 32n : 128n;
  const value = toBigInt(addr.toByteArray());
  const hostBits = width - BigInt(bits);
  const first = (value >> hostBits) << hostBits;
  const last = first + (1n << hostBits) - 1n;
  if (first !== value) return { ok: false, reason: "cidr", canonical: `${fromBigInt(first, kind)}/${bits}` };
  return { ok: true, prefix: { text: text.trim(), kind, bits, first, last } };
}

/** True when `outer` contains all of `inner`. */
export function contains(outer: Prefix, inner: Prefix): boolean {
  return outer.kind === inner.kind && outer.first <= inner.first && inner.last <= outer.last;
}

export function overlaps(a: Prefix, b: Prefix): boolean {
  return a.kind === b.kind && a.first <= b.last && b.first <= a.last;
}

/** The numeric value of an IP address, or undefined when it is not one. */
export function addressValue(address: string): { kind: "ipv4" | "ipv6"; value: bigint } | undefined {
  if (typeof address !== "string" || !ipaddr.isValid(address)) return undefined;
  const ip = ipaddr.parse(address);
  return { kind: ip.kind(), value: toBigInt(ip.toByteArray()) };
}

export function inPrefixRange(address: string, prefix: Prefix): boolean {
  const a = addressValue(address);
  return a !== undefined && a.kind === prefix.kind && prefix.first <= a.value && a.value <= prefix.last;
}

/** Addresses Azure keeps for itself in a subnet: network, gateway, two DNS, and the last one. */
export function isReserved(address: string, prefix: Prefix): boolean {
  const a = addressValue(address);
  if (!a) return false;
  return a.value < prefix.first + 4n || a.value === prefix.last;
}

/**
 * Why an address cannot be assigned in a subnet prefix, or undefined when it can: Azure
 * reserves the network address, the next three (gateway, two DNS) and the last one.
 */
export function reservedReason(address: string, prefixText: string): string | undefined {
  const prefix = prefixRange(prefixText);
  if (!prefix || !inPrefixRange(address, prefix)) return `it is outside the subnet prefix '${prefixText}'`;
  const a = addressValue(address)!;
  if (a.value < prefix.first + 4n) return `Azure reserves the first four addresses of subnet '${prefixText}'`;
  if (a.value === prefix.last) return `Azure reserves the last address of subnet '${prefixText}'`;
  return undefined;
}

/**
 * The first address of `prefix` usable for a new IP configuration that is not in
 * `taken`, or undefined when the subnet is full.
 */
export function firstFree(prefix: Prefix, taken: ReadonlySet<string>): string | undefined {
  for (let v = prefix.first + 4n; v < prefix.last; v++) {
    const address = fromBigInt(v, prefix.kind);
    if (!taken.has(address)) return address;
  }
  return undefined;
}

/** Canonical text of an address (so `10.0.0.04`-style spellings compare equal). */
export function canonicalAddress(address: string): string {
  return ipaddr.isValid(address) ? ipaddr.parse(address).toString() : address;
}

/** A prefix as a range, host bits cleared if written with them (`10.0.0.5/24` is `10.0.0.0/24`). */
export function prefixRange(text: string): Prefix | undefined {
  const parsed = parsePrefix(text);
  if (parsed.ok) return parsed.prefix;
  if (parsed.reason !== "cidr") return undefined;
  const again = parsePrefix(parsed.canonical);
  return again.ok ? again.prefix : undefined;
}

/** True when two CIDR prefixes (IPv4 or IPv6, host bits ignored) share any address. */
export function prefixesOverlap(a: string, b: string): boolean {
  const ra = prefixRange(a);
  const rb = prefixRange(b);
  return ra !== undefined && rb !== undefined && overlaps(ra, rb);
}

/** True when CIDR `inner` lies wholly inside CIDR `outer` (host bits ignored). */
export function prefixWithin(inner: string, outer: string): boolean {
  const ri = prefixRange(inner);
  const ro = prefixRange(outer);
  return ri !== undefined && ro !== undefined && contains(ro, ri);
}

/** The first usable address of the first prefix with one free, or undefined when all are full. */
export function firstFreeIn(prefixes: readonly string[], taken: ReadonlySet<string>): string | undefined {
  for (const text of prefixes) {
    const p = prefixRange(text);
    const free = p && firstFree(p, taken);
    if (free) return free;
  }
  return undefined;
}
