import type { World } from "../../world/world.js";
import type { Vantage } from "../dns/dns-types.js";
import { DNS_SERVER_TYPE, HOST_TYPE } from "../model/premises.js";
import { str } from "../model/read-json.js";
import { isAddress } from "../net/cidr.js";
import { locateAddress } from "../net/topology.js";

/** Who opens a connection. A closed union. */
export type ConnectSource =
  /** A host of a site, by resource id: its agent, hosts file, DNS servers and machine. */
  | { kind: "host"; hostId: string }
  /**
   * An anonymous client at an address (what a live gateway sees of a peer that is no
   * world host): no agent, so no proxy and no access decision; it resolves with
   * `dnsServers` when given, else as `sourceVantage` says.
   */
  | { kind: "address"; address: string; dnsServers?: readonly string[] };

/**
 * The source a string names: a host id; an address that is a world host's address (the
 * first host by id) → that host; any other address → an anonymous source there. Anything
 * else is taken as a host id (and fails in the plan as an unknown host).
 *
 * @example
 * connectSourceOf(world, "192.168.0.10") // { kind: "host", hostId: ".../sites/hq/hosts/srv1" }
 * connectSourceOf(world, "192.168.0.77") // { kind: "address", address: "192.168.0.77" }
 */
export function connectSourceOf(world: World, source: string | ConnectSource): ConnectSource {
  if (typeof source !== "string") return source;
  if (!isAddress(source)) return { kind: "host", hostId: source };
  const hosts = world.ofType(HOST_TYPE).filter((r) => str(r.properties.address) === source);
  const first = hosts.map((r) => r.id).sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1))[0];
  return first ? { kind: "host", hostId: first } : { kind: "address", address: source };
}

/**
 * Where an anonymous source resolves names: the DNS servers it was given; else, in a
 * site, the site's DNS servers by id (what DHCP would hand out — arclink's choice); in a
 * vnet, the vnet's DNS settings [DOC-PDNS]; anywhere else, a public resolver.
 */
export function sourceVantage(world: World, source: Extract<ConnectSource, { kind: "address" }>): Vantage {
  const { address } = source;
  if (source.dnsServers) return { kind: "address", address, dnsServers: source.dnsServers };
  const at = locateAddress(world, address);
  if (at?.kind === "virtual-network") return { kind: "virtual-network", virtualNetworkId: at.vnet.id };
  if (!at) return { kind: "public" };
  const servers = [...world.under(at.site.id, DNS_SERVER_TYPE)]
    .sort((a, b) => (a.id.toLowerCase() < b.id.toLowerCase() ? -1 : 1))
    .flatMap((r) => str(r.properties.address) ?? []);
  return { kind: "address", address, dnsServers: servers };
}
