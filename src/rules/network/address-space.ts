import ipaddr from "ipaddr.js";

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

export type ParsedPrefix =
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

export function parsePrefix(text: string): ParsedPrefix {
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
