import { isObject, type Json, member, text } from "../json-text.js";
import { isIpv4 } from "../source-text.js";

/**
 * An address as `ConvertTo-Json` writes a .NET `IPAddress`: a string, an object with
 * `IPAddressToString`, or with `Address` (the IPv4 address as a little-endian integer).
 */
export function ipOf(v: unknown): string | undefined {
  if (typeof v === "string") return v.trim();
  if (!isObject(v)) return undefined;
  const s = text(member(v, "IPAddressToString")) ?? text(member(v, "IPv4Address"));
  if (s) return s;
  const n = member(v, "Address");
  if (typeof n === "number" && n >= 0 && n <= 0xffffffff) {
    return [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255].join(".");
  }
  return undefined;
}

/** Every address of a value that may be one address or a list of them. */
export function ipsOf(v: unknown): string[] {
  const items = Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
  return items.flatMap((x) => {
    const ip = ipOf(x);
    return ip ? ip.split(/[\s,]+/).filter(isIpv4) : [];
  });
}

/** Seconds of a `TimeSpan` as `ConvertTo-Json` writes it (`{TotalSeconds}`) or as text (`01:00:00`, `[d.]hh:mm:ss`). */
export function secondsOf(v: unknown): number | undefined {
  if (typeof v === "number") return v;
  if (isObject(v)) {
    const t = member(v, "TotalSeconds");
    return typeof t === "number" ? Math.round(t) : undefined;
  }
  const m = typeof v === "string" ? /^(?:(\d+)\.)?(\d+):(\d+):(\d+)$/.exec(v.trim()) : null;
  return m ? Number(m[1] ?? 0) * 86400 + Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4]) : undefined;
}

/** The zone a record belongs to, from `DistinguishedName` (`DC=host,DC=zone,cn=MicrosoftDNS,…`) or `ZoneName`. */
export function zoneOfRecord(row: Json): string | undefined {
  const zone = text(member(row, "ZoneName"));
  if (zone) return zone;
  const dn = text(member(row, "DistinguishedName"));
  const m = dn ? /^DC=[^,]*,DC=([^,]+),cn=MicrosoftDNS/i.exec(dn) : null;
  return m ? m[1] : undefined;
}
