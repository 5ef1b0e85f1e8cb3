import type { World } from "../../world/world.js";
import { type Occupant, occupantsAt } from "../net/occupant.js";
import { reach } from "../net/reach.js";
import type { ReachResult, Source } from "../net/reach-types.js";

/** Occupants that answer DNS: on-premises servers, resolver inbound endpoints, Azure DNS, public resolvers. */
export type DnsListener = Extract<Occupant, { kind: "dns-server" | "resolver-inbound" | "azure-dns" | "public-dns" }>;

export type DnsListenerAnswer =
  | { answers: true; listener: DnsListener; path: ReachResult }
  | { answers: false; path: ReachResult; detail: string };

/**
 * Whether a DNS query from `source` to `address:port` gets to something that answers
 * DNS: the packet must be delivered (`reach` on UDP) and a DNS listener must be at the
 * address where it lands. 168.63.129.16 answers only from inside a vnet; from a site it
 * is a public address where nothing answers.
 *
 * @example
 * dnsListenerAt(world, { kind: "premises", id: dnsServerId }, "168.63.129.16", now).answers // false
 */
export function dnsListenerAt(world: World, source: Source, address: string, now: Date, port = 53): DnsListenerAnswer {
  const path = reach(world, source, address, port, "Udp", now);
  if (path.disposition !== "DELIVERED" || !path.place) {
    const detail = `DNS server ${address}:${port} is not reachable: ${path.disposition} (${path.trace.at(-1)?.detail})`;
    return { answers: false, path, detail };
  }
  const listener =
    port === 53
      ? occupantsAt(world, path.place, address).find(
          (o): o is DnsListener =>
            o.kind === "dns-server" ||
            o.kind === "resolver-inbound" ||
            o.kind === "azure-dns" ||
            o.kind === "public-dns",
        )
      : undefined;
  if (!listener) return { answers: false, path, detail: `nothing answers DNS at ${address}:${port}` };
  return { answers: true, listener, path };
}
