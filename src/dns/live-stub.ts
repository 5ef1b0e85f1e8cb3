import type { RealizationTable } from "../fabric/addresses/index.js";
import { lookupHostsFile, parseHostsFile } from "../semantics/dns/hosts-file.js";
import { readClient } from "../semantics/model/premises.js";
import { reach } from "../semantics/net/reach.js";
import type { World } from "../world/world.js";
import { type SentQuery, sendQuery } from "./send-query.js";

export interface TriedServer {
  /** The world address in the client's DNS server list. */
  server: string;
  realized?: string;
  outcome: "answered" | "servfail" | "not-delivered" | "no-answer";
}

export interface ClientQueryResult {
  /** Set when the hosts file answered (no packet was sent). */
  hostsFile?: { line: number; address: string }[];
  tried: TriedServer[];
  /** The answer that won: from the server named by the last `answered` entry. */
  answer?: SentQuery;
  rcode: string;
  /** A/AAAA data at the end of the answer. */
  addresses: string[];
}

/**
 * What a host's (or proxy's) stub resolver gets, over real sockets: its hosts file (A,
 * AAAA), then each of its DNS servers in order from its own realized address; the first
 * answer that is not SERVFAIL wins (docs/premises.md). A server the network does not
 * deliver to (`reach`) is a timeout, taken at once. The live counterpart of
 * `resolve(world, { kind: "host" }, …)`.
 *
 * @example
 * const r = await queryFromClient({ world, table, port: 53, clientId, name: "gbl.his.arc.azure.com", type: "A", now });
 * r.addresses; // ["10.10.1.4"]
 */
export async function queryFromClient({
  world,
  table,
  port,
  clientId,
  name,
  type,
  now,
  timeoutMs = 2000,
}: {
  world: World;
  table: RealizationTable;
  port: number;
  clientId: string;
  name: string;
  type: string;
  now: Date;
  timeoutMs?: number;
}): Promise<ClientQueryResult> {
  const client = readClient(world, clientId);
  if (!client) throw new Error(`There is no host or proxy '${clientId}' in the world.`);
  if (client.hostsFile && (type === "A" || type === "AAAA")) {
    const hits = lookupHostsFile(parseHostsFile(client.hostsFile), name.toLowerCase().replace(/\.$/, ""), type);
    if (hits.length > 0)
      return {
        hostsFile: hits.map((h) => ({ line: h.line, address: h.address })),
        tried: [],
        rcode: "NOERROR",
        addresses: hits.map((h) => h.address),
      };
  }
  const from = table.realize({ kind: "site", siteId: client.siteId }, client.address);
  const tried: TriedServer[] = [];
  for (const server of client.dnsServers) {
    const path = reach(world, { kind: "premises", id: client.id }, server, 53, "Udp", now);
    const realized = path.place && table.realize(path.place, server);
    if (path.disposition !== "DELIVERED" || !realized) {
      tried.push({ server, realized, outcome: "not-delivered" });
      continue;
    }
    const sent = await sendQuery({ server: realized, port, from, name, type, timeoutMs });
    const rcode = sent.response?.rcode;
    if (!sent.response) {
      tried.push({ server, realized, outcome: "no-answer" });
      continue;
    }
    if (rcode === "SERVFAIL") {
      tried.push({ server, realized, outcome: "servfail" });
      continue;
    }
    tried.push({ server, realized, outcome: "answered" });
    const addresses = (sent.response.answers ?? [])
      .filter((a) => a.type === "A" || a.type === "AAAA")
      .map((a) => String((a as { data?: unknown }).data));
    return { tried, answer: sent, rcode: rcode ?? "NOERROR", addresses };
  }
  return { tried, rcode: "SERVFAIL", addresses: [] };
}
