import { isPrivateLinkCapable } from "../../semantics/agent/index.js";
import { lookupHostsFile, parseHostsFile } from "../../semantics/dns/index.js";
import { idKey } from "../../world/arm-id.js";
import { type Finding, finding } from "../finding.js";
import type { HostInfo, WorldCheck } from "./check-types.js";

/** True when the host asks DNS (not its hosts file) for at least one Arc name it uses. */
function asksDnsForArc(h: HostInfo): boolean {
  const entries = h.client.hostsFile ? parseHostsFile(h.client.hostsFile) : [];
  return h.endpoints.some((e) => isPrivateLinkCapable(e.name) && lookupHostsFile(entries, e.name, "A").length === 0);
}

/**
 * Private-link and public Arc machines on one resolver [DOC-PL §3.6]: hosts of one site
 * with the same DNS servers get the same answers, so when machines associated with a
 * scope resolve Arc names through those servers, machines with no scope sharing them
 * get the private endpoint too and are refused (or the other way round).
 */
export const sharedResolverCheck: WorldCheck = {
  name: "shared-resolver",
  codes: ["ARC-DNS-SHARED-RESOLVER"],
  run({ hosts }) {
    const groups = new Map<string, { servers: string[]; siteId: string; linked: HostInfo[]; plain: HostInfo[] }>();
    for (const h of hosts) {
      if (!h.machine || h.client.dnsServers.length === 0) continue;
      const key = `${idKey(h.client.siteId)}|${h.client.dnsServers.join(",")}`;
      let g = groups.get(key);
      if (!g) {
        g = { servers: h.client.dnsServers, siteId: h.client.siteId, linked: [], plain: [] };
        groups.set(key, g);
      }
      (h.machine.privateLinkScopeResourceId ? g.linked : g.plain).push(h);
    }
    const out: Finding[] = [];
    for (const g of groups.values()) {
      if (g.plain.length === 0 || !g.linked.some(asksDnsForArc)) continue;
      out.push(
        finding("ARC-DNS-SHARED-RESOLVER", {
          resourceId: g.siteId,
          message: `DNS servers ${g.servers.join(", ")} of site "${g.siteId}" serve ${g.linked.length} private-link machine(s) and ${g.plain.length} machine(s) with no scope (e.g. "${g.plain[0].client.id}").`,
          evidence: g.plain.slice(0, 10).map((h) => h.client.id),
        }),
      );
    }
    return out;
  },
};
