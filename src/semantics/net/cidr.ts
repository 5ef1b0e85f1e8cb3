import ipaddr from "ipaddr.js";

/** The address of Azure-provided DNS (and the platform's health probes) inside every vnet. */
export const AZURE_DNS_ADDRESS = "168.63.129.16";

export function isAddress(value: string): boolean {
  return ipaddr.isValid(value);
}

type Ip = ipaddr.IPv4 | ipaddr.IPv6;
type ParsedPrefix = { kind: "cidr"; net: Ip; bits: number } | { kind: "address"; text: string } | null;

// Parsing dominates matching (service tags hold thousands of prefixes): parse each string
// once. Pure caches of pure functions, bounded so a long-running process cannot grow them forever.
const MAX_PREFIXES = 100_000;
// Addresses are many and mostly seen once (every host's own); prefixes are few and reused.
const MAX_ADDRESSES = 4096;
const prefixes = new Map<string, ParsedPrefix>();
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

function parsedPrefix(prefix: string): ParsedPrefix {
  const hit = prefixes.get(prefix);
  if (hit !== undefined) return hit;
  let parsed: ParsedPrefix = null;
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
