import type { ImportLog } from "../import-log.js";
import { isIpv4, linesOf } from "../source-text.js";
import type { HostDraft } from "./host-draft.js";

/** Whether text looks like a hosts file: every non-comment line starts with an address or a name. */
export function looksLikeHostsFile(source: string): boolean {
  const lines = linesOf(source)
    .map((l) => l.replace(/#.*$/, "").trim())
    .filter(Boolean);
  return lines.length > 0 && lines.filter((l) => /^[0-9a-f:.]+\s+\S/i.test(l)).length >= lines.length / 2;
}

/**
 * A hosts file (`/etc/hosts`, `C:\Windows\System32\drivers\etc\hosts`) [HOSTS(5)]: kept as
 * text, since the semantics read it as the host does; lines whose first field is not an
 * address are problems here too (the verifier reports them as ARC-HOSTS-REVERSED when they
 * name Arc endpoints). The Microsoft header marks a Windows host.
 *
 * @example
 * readHostsFile("10.10.1.4 gbl.his.arc.azure.com\n", "kiosk01/hosts", log).hostsFile
 */
export function readHostsFile(source: string, file: string, log: ImportLog): HostDraft {
  linesOf(source).forEach((raw, i) => {
    const line = raw.replace(/#.*$/, "").trim();
    if (line === "") return;
    const [first, ...names] = line.split(/\s+/);
    if (!isIpv4(first) && !/^[0-9a-f:]+$/i.test(first)) {
      log.problem(
        file,
        i + 1,
        "an address followed by names (kept as is; the host ignores this line)",
        JSON.stringify(line),
      );
    } else if (names.length === 0) log.problem(file, i + 1, `a name after the address '${first}'`, "none");
  });
  const windows = /Microsoft Corp|Microsoft TCP\/IP/i.test(source);
  return { hostsFile: source.replace(/\r\n/g, "\n"), ...(windows ? { os: "windows" as const } : {}), file };
}

/** Whether text is a resolv.conf: `nameserver` lines. */
export function isResolvConf(source: string): boolean {
  return /(^|\n)\s*nameserver\s+\S/.test(source);
}

/**
 * `/etc/resolv.conf` [RESOLV.CONF(5)]: the `nameserver` lines in order; glibc uses the
 * first three (MAXNS), so later ones are set aside. Other keywords do not change which
 * servers are asked and are not modelled.
 *
 * @example
 * readResolvConf("nameserver 192.168.0.10\n", "web01/resolv.conf", log).dnsServers // → ["192.168.0.10"]
 */
export function readResolvConf(source: string, file: string, log: ImportLog): HostDraft {
  const dnsServers: string[] = [];
  linesOf(source).forEach((raw, i) => {
    const line = raw.replace(/[#;].*$/, "").trim();
    const [key, value] = line.split(/\s+/);
    if (key !== "nameserver") return;
    if (!value || !isIpv4(value))
      log.problem(file, i + 1, "an IPv4 address after nameserver", JSON.stringify(value ?? ""));
    else if (dnsServers.length >= 3)
      log.aside(file, i + 1, `nameserver ${value}`, "glibc uses the first three nameservers only (MAXNS)");
    else dnsServers.push(value);
  });
  return { dnsServers, os: "linux", file };
}
