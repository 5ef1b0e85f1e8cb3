import type { ImportLog } from "../import-log.js";
import { isIpv4, linesOf } from "../source-text.js";
import type { HostDraft } from "./host-draft.js";

/** Whether text is `ipconfig /all` output. */
export function isIpconfig(source: string): boolean {
  return /Windows IP Configuration/i.test(source) || /Host Name[ .]+:/.test(source);
}

interface Adapter {
  name: string;
  line: number;
  address?: string;
  gateway: boolean;
  dns: string[];
}

/**
 * `ipconfig /all` [MS-IPCONFIG]: `Host Name`, and per adapter its `IPv4 Address`,
 * `Default Gateway` and `DNS Servers` (continuation lines hold further servers). The host
 * takes the first adapter with an IPv4 address and a default gateway (else the first
 * with an address); choosing among several is an assumption.
 *
 * @example
 * readIpconfig(text, "db01/ipconfig.txt", log).dnsServers
 */
export function readIpconfig(source: string, file: string, log: ImportLog): HostDraft & { hostName?: string } {
  let hostName: string | undefined;
  const adapters: Adapter[] = [];
  let current: Adapter | undefined;
  let lastKey = "";
  linesOf(source).forEach((raw, i) => {
    if (/^\S.*adapter .*:\s*$/i.test(raw)) {
      current = { name: raw.trim().replace(/:$/, ""), line: i + 1, gateway: false, dns: [] };
      adapters.push(current);
      lastKey = "";
      return;
    }
    const m = /^\s+([A-Za-z0-9 -]+?)[ .]*:\s*(.*)$/.exec(raw);
    if (m) {
      lastKey = m[1].trim().toLowerCase();
      const value = m[2].trim();
      if (lastKey === "host name") hostName = value;
      if (!current) return;
      const ip = value.replace(/\(.*\)$/, "");
      if (lastKey.startsWith("ipv4 address") || lastKey === "ip address") {
        if (isIpv4(ip)) current.address ??= ip;
        else log.problem(file, i + 1, "an IPv4 address", JSON.stringify(value));
      } else if (lastKey === "default gateway" && isIpv4(ip)) current.gateway = true;
      else if (lastKey === "dns servers" && isIpv4(ip)) current.dns.push(ip);
      return;
    }
    const cont = raw.trim();
    if (current && /^\s{10,}/.test(raw) && isIpv4(cont)) {
      if (lastKey === "dns servers") current.dns.push(cont);
      if (lastKey === "default gateway") current.gateway = true;
    }
  });
  const withAddress = adapters.filter((a) => a.address);
  const chosen = withAddress.find((a) => a.gateway) ?? withAddress[0];
  if (!chosen) {
    log.problem(file, 1, "an adapter with an 'IPv4 Address'", "none");
    return { os: "windows", file, ...(hostName ? { hostName } : {}) };
  }
  if (withAddress.length > 1) {
    log.assume(
      `${file}: the host's address`,
      `${chosen.address} of '${chosen.name}' (of ${withAddress.length} adapters with an address)`,
      "give the address in the site file",
    );
  }
  return { address: chosen.address, dnsServers: chosen.dns, os: "windows", file, ...(hostName ? { hostName } : {}) };
}
