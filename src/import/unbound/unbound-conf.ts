import {
  canonicalDomain,
  type DnsServerDraft,
  emptyDraft,
  relativeName,
  zoneOf,
} from "../dns-server/dns-server-draft.js";
import type { ImportLog } from "../import-log.js";
import { isIpv4, linesOf } from "../source-text.js";

/** Whether text looks like unbound.conf: a `server:` or `forward-zone:` clause. */
export function isUnboundConf(source: string): boolean {
  return /(^|\n)\s*(server|forward-zone|stub-zone):\s*(#.*)?(\r?\n|$)/.test(source);
}

const unquote = (v: string) => v.trim().replace(/^"(.*)"$/, "$1");

/** A zone that holds `name`: the longest `local-zone`, or the name itself. */
function zoneFor(draft: DnsServerDraft, name: string): string {
  const n = canonicalDomain(name);
  const held = draft.zones.map((z) => z.name).filter((z) => n === z || n.endsWith(`.${z}`));
  return held.sort((a, b) => b.length - a.length)[0] ?? n;
}

/**
 * Reads unbound.conf [UNBOUND-CONF]: `interface:` (the address), `local-zone:` and
 * `local-data: "name [ttl] [IN] type data"` (local zones), `forward-zone:` with `name:` and
 * `forward-addr:` (conditional forwarders; name "." gives the forwarders). unbound
 * resolves by itself, so recursion is on unless "." is forwarded without `forward-first: yes`.
 *
 * @example
 * readUnboundConf('forward-zone:\n  name: "his.arc.azure.com"\n  forward-addr: 10.10.2.4\n', "unbound.conf", log)
 */
export function readUnboundConf(source: string, file: string, log: ImportLog): DnsServerDraft {
  const draft = emptyDraft(file);
  draft.recursion = true;
  let clause = "";
  let forward: { name?: string; targets: string[]; first: boolean; line: number } | undefined;
  const close = () => {
    if (!forward) return;
    if (forward.name === undefined || forward.targets.length === 0) {
      log.problem(file, forward.line, "a forward-zone with a 'name:' and a 'forward-addr:'", "an incomplete clause");
    } else if (forward.name === "" || forward.name === ".") {
      draft.forwarders = forward.targets;
      draft.recursion = forward.first;
    } else draft.conditionalForwarders.push({ domain: canonicalDomain(forward.name), targets: forward.targets });
    forward = undefined;
  };
  linesOf(source).forEach((raw, i) => {
    const line = raw.replace(/(^|\s)#.*$/, "").trim();
    if (line === "") return;
    const m = /^([A-Za-z0-9-]+):\s*(.*)$/.exec(line);
    if (!m) {
      log.problem(file, i + 1, "'key: value' or a clause 'name:'", JSON.stringify(line));
      return;
    }
    const [, key, value] = m;
    if (
      value === "" &&
      [
        "server",
        "forward-zone",
        "stub-zone",
        "remote-control",
        "auth-zone",
        "view",
        "python",
        "dynlib",
        "cachedb",
        "rpz",
        "dnstap",
      ].includes(key)
    ) {
      close();
      clause = key;
      if (key === "forward-zone") forward = { targets: [], first: false, line: i + 1 };
      else if (key !== "server" && key !== "remote-control")
        log.aside(file, i + 1, `clause '${key}'`, "not modelled by arclink");
      return;
    }
    if (clause === "forward-zone" && forward) {
      if (key === "name") forward.name = canonicalDomain(unquote(value));
      else if (key === "forward-addr") {
        const addr = unquote(value).split(/[@#]/)[0];
        if (isIpv4(addr)) forward.targets.push(addr);
        else log.problem(file, i + 1, "an IPv4 address after forward-addr", JSON.stringify(value));
      } else if (key === "forward-first") forward.first = unquote(value) === "yes";
      return;
    }
    if (clause !== "server") return;
    if (key === "interface") {
      const addr = unquote(value).split("@")[0];
      if (isIpv4(addr) && !addr.startsWith("127.") && addr !== "0.0.0.0") draft.address = addr;
    } else if (key === "local-zone") {
      const [, zone = "", type] = /^"?([^"\s]*)"?\s*(\S*)/.exec(value) ?? [];
      zoneOf(draft, zone);
      if (type && !["static", "redirect", "refuse", "deny", "always_nxdomain"].includes(type)) {
        log.assume(
          `local-zone '${zone}' (${type})`,
          "answers only its local-data (names it lacks do not exist)",
          "use 'static' to make this exact",
        );
      }
    } else if (key === "local-data") {
      const [name, ...rest] = unquote(value).split(/\s+/);
      const words = rest.filter((w) => !/^\d+$/.test(w) && w.toUpperCase() !== "IN");
      const type = (words[0] ?? "").toUpperCase();
      const data = words
        .slice(1)
        .join(" ")
        .replace(/^"(.*)"$/, "$1");
      if (!name || !data || !["A", "AAAA", "CNAME", "TXT"].includes(type)) {
        log.problem(file, i + 1, 'local-data: "name [ttl] [IN] A|AAAA|CNAME|TXT data"', JSON.stringify(value));
        return;
      }
      const zone = zoneFor(draft, name);
      zoneOf(draft, zone).records.push({
        name: relativeName(name, zone),
        type: type as "A",
        value: type === "CNAME" ? canonicalDomain(data) : data,
      });
    }
  });
  close();
  return draft;
}
