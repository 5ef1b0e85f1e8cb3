import ipaddr from "ipaddr.js";

/** The address of Azure-provided DNS (and the platform's health probes) inside every vnet. */
export const AZURE_DNS_ADDRESS = "168.63.129.16";

export function isAddress(value: string): boolean {
  return ipaddr.isValid(value);
}

/** True when `prefix` (a CIDR or a single address) contains `address`; false on any parse error. */
export function inPrefix(address: string, prefix: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const ip = ipaddr.process(address);
  try {
    if (prefix.includes("/")) {
      const [net, bits] = ipaddr.parseCIDR(prefix);
      return net.kind() === ip.kind() && ip.match(net, bits);
    }
    return ipaddr.isValid(prefix) && ipaddr.process(prefix).toString() === ip.toString();
  } catch {
    return false;
  }
}

export function inAnyPrefix(address: string, prefixes: readonly string[]): boolean {
  return prefixes.some((p) => inPrefix(address, p));
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
