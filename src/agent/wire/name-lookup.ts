import { sendQuery } from "../../dns/send-query.js";
import type { RealizationTable } from "../../fabric/addresses/index.js";
import { isDnsEntity } from "../../fabric/addresses/index.js";
import { lookupHostsFile, parseHostsFile } from "../../semantics/dns/hosts-file.js";
import type { PremisesClient } from "../../semantics/model/premises.js";
import { realizeFor } from "./realized-address.js";

export interface NameLookup {
  name: string;
  /** Where the answer came from: the hosts file, a DNS server (its world address), or nowhere. */
  via: { kind: "hosts-file"; line: number } | { kind: "dns"; server: string } | { kind: "none" };
  rcode: "NOERROR" | "NXDOMAIN" | "SERVFAIL" | "REFUSED" | "TIMEOUT" | string;
  addresses: string[];
  /** One line per server asked, for messages and traces. */
  tried: string[];
}

/**
 * What the host's stub resolver gets for `name`, over the wire: its hosts file first,
 * then each of its DNS servers in order, asked from the host's realized address; the
 * first answer that is not SERVFAIL (or a timeout) wins (docs/premises.md; glibc and the
 * Windows DNS client behave this way).
 *
 * @example
 * (await lookupFromHost({ host, table, siteRealized, dnsPort: 53, name: "gbl.his.arc.azure.com" })).addresses // ["10.10.1.4"]
 */
export async function lookupFromHost({
  host,
  table,
  from,
  dnsPort,
  name,
  timeoutMs = 2000,
}: {
  host: PremisesClient;
  table: RealizationTable;
  /** The host's realized address. */
  from: string;
  dnsPort: number;
  name: string;
  timeoutMs?: number;
}): Promise<NameLookup> {
  const canonical = name.toLowerCase().replace(/\.$/, "");
  if (host.hostsFile) {
    const hit = lookupHostsFile(parseHostsFile(host.hostsFile), canonical, "A");
    if (hit.length > 0)
      return {
        name: canonical,
        via: { kind: "hosts-file", line: hit[0].line },
        rcode: "NOERROR",
        addresses: hit.map((h) => h.address),
        tried: [],
      };
  }
  const tried: string[] = [];
  let last: NameLookup = { name: canonical, via: { kind: "none" }, rcode: "TIMEOUT", addresses: [], tried };
  for (const server of host.dnsServers) {
    const realized = realizeFor(table, server, host.siteId, isDnsEntity);
    if (!realized) {
      tried.push(`${server}: not an address of the world`);
      continue;
    }
    const { response } = await sendQuery({
      server: realized,
      port: dnsPort,
      from,
      name: canonical,
      type: "A",
      timeoutMs,
    });
    const reply = response && {
      rcode: response.rcode ?? "NOERROR",
      addresses: (response.answers ?? [])
        .filter((a) => a.type === "A")
        .map((a) => String((a as { data: unknown }).data)),
    };
    if (!reply) {
      tried.push(`${server}: no answer in ${timeoutMs} ms`);
      continue;
    }
    tried.push(`${server}: ${reply.rcode}${reply.addresses.length ? ` ${reply.addresses.join(",")}` : ""}`);
    last = { name: canonical, via: { kind: "dns", server }, rcode: reply.rcode, addresses: reply.addresses, tried };
    if (reply.rcode !== "SERVFAIL") return last;
  }
  return last;
}
