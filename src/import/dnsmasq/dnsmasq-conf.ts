import { canonicalDomain, type DnsServerDraft, emptyDraft, zoneOf } from "../dns-server/dns-server-draft.js";
import type { ImportLog } from "../import-log.js";
import { isIpv4, linesOf } from "../source-text.js";

/** Whether text looks like dnsmasq.conf: `server=`, `address=` or `listen-address=` lines. */
export function isDnsmasqConf(source: string): boolean {
  return /(^|\n)\s*(server|address|listen-address|local|host-record)=/.test(source);
}

/**
 * Reads dnsmasq.conf [DNSMASQ-MAN]: `server=/domain/ip` (conditional forwarder),
 * `server=ip` (forwarder), `address=/domain/ip` and `host-record=name,ip` (local answers),
 * `local=/domain/` (answered locally only), `listen-address=` (the address), `no-resolv`.
 * dnsmasq never recurses itself: without `server=` lines and without `no-resolv` it
 * forwards to the servers of its own resolv.conf, which import models as recursion.
 *
 * @example
 * readDnsmasqConf("server=/his.arc.azure.com/10.10.2.4\n", "dnsmasq.conf", log).conditionalForwarders
 */
export function readDnsmasqConf(source: string, file: string, log: ImportLog): DnsServerDraft {
  const draft = emptyDraft(file);
  const forwarders: string[] = [];
  let noResolv = false;
  linesOf(source).forEach((raw, i) => {
    const line = raw.replace(/(^|\s)#.*$/, "").trim();
    if (line === "") return;
    const [key, value = ""] = line.split(/=(.*)/s, 2);
    const domains = /^\/(.*)\/([^/]*)$/.exec(value);
    switch (key) {
      case "server":
      case "rev-server": {
        if (key === "rev-server") return;
        const target = (domains ? domains[2] : value).split("#")[0];
        if (domains && target !== "" && isIpv4(target)) {
          for (const d of domains[1].split("/").filter(Boolean))
            draft.conditionalForwarders.push({ domain: canonicalDomain(d), targets: [target] });
        } else if (domains && target === "") {
          for (const d of domains[1].split("/").filter(Boolean)) zoneOf(draft, d);
        } else if (!domains && isIpv4(target)) forwarders.push(target);
        else log.problem(file, i + 1, "server=IP or server=/domain/IP", JSON.stringify(value));
        return;
      }
      case "address": {
        if (!domains || !isIpv4(domains[2])) {
          log.problem(file, i + 1, "address=/domain/IPv4", JSON.stringify(value));
          return;
        }
        for (const d of domains[1].split("/").filter(Boolean)) {
          zoneOf(draft, d).records.push({ name: "@", type: "A", value: domains[2] });
          log.assume(
            `address=/${d}/ of ${file}`,
            `answers '${d}' itself; its subdomains are not modelled`,
            "add a host-record per subdomain",
          );
        }
        return;
      }
      case "local": {
        if (!domains) {
          log.problem(file, i + 1, "local=/domain/", JSON.stringify(value));
          return;
        }
        for (const d of domains[1].split("/").filter(Boolean)) zoneOf(draft, d);
        return;
      }
      case "host-record": {
        const parts = value.split(",");
        const ip = parts.find(isIpv4);
        const names = parts.filter((p) => p !== "" && !isIpv4(p) && !/^\d+$/.test(p) && !p.includes(":"));
        if (!ip || names.length === 0) {
          log.problem(file, i + 1, "host-record=name[,name…],IPv4", JSON.stringify(value));
          return;
        }
        for (const n of names) zoneOf(draft, n).records.push({ name: "@", type: "A", value: ip });
        return;
      }
      case "listen-address": {
        const addr = value.split(",").find((a) => isIpv4(a) && !a.startsWith("127."));
        if (addr) draft.address = addr;
        return;
      }
      case "no-resolv":
        noResolv = true;
        return;
      default:
        log.aside(file, i + 1, `option '${key}'`, "not modelled by arclink");
    }
  });
  draft.forwarders = forwarders;
  draft.recursion = !noResolv;
  if (!noResolv) {
    log.assume(
      `${file}: names it does not forward`,
      "resolved on the public internet (dnsmasq forwards them to its own resolv.conf servers)",
      "add no-resolv and server= lines to make this exact",
    );
  }
  return draft;
}
