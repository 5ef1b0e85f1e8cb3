import ipaddr from "ipaddr.js";
import { canonicalName } from "../model/read-json.js";

export interface HostsEntry {
  address: string;
  names: string[];
  /** 1-based line number in the file. */
  line: number;
}

/**
 * Parses a hosts file: one address then one or more names per line, separated by
 * spaces or tabs; `#` starts a comment anywhere on a line; CRLF (Windows) and LF
 * (Linux) line ends; lines whose first field is not an IP address are skipped, as both
 * resolvers do. Names compare case-insensitively on both systems.
 *
 * @example
 * parseHostsFile("10.10.1.4  gbl.his.arc.azure.com  # Arc\r\n")
 * // → [{ address: "10.10.1.4", names: ["gbl.his.arc.azure.com"], line: 1 }]
 */
export function parseHostsFile(text: string): HostsEntry[] {
  const out: HostsEntry[] = [];
  text.split(/\r?\n|\r/).forEach((raw, i) => {
    const fields = raw
      .replace(/#.*$/, "")
      .trim()
      .split(/[ \t]+/)
      .filter(Boolean);
    if (fields.length < 2 || !ipaddr.isValid(fields[0])) return;
    out.push({ address: fields[0], names: fields.slice(1).map(canonicalName), line: i + 1 });
  });
  return out;
}

/**
 * The addresses a hosts file gives `name` for an A (IPv4) or AAAA (IPv6) query, in file
 * order. Empty when the file has no line for that name and family: the resolver then
 * asks DNS (glibc `files dns`; the Windows DNS client does the same).
 */
export function lookupHostsFile(entries: readonly HostsEntry[], name: string, type: "A" | "AAAA"): HostsEntry[] {
  const wanted = canonicalName(name);
  const family = type === "A" ? "ipv4" : "ipv6";
  return entries.filter((e) => e.names.includes(wanted) && ipaddr.parse(e.address).kind() === family);
}
