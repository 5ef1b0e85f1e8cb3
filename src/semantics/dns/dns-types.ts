import type { Source } from "../net/reach-types.js";

export type RecordType = "A" | "AAAA" | "CNAME" | "TXT";

/** Response codes arclink produces; a closed union. */
export type Rcode = "NOERROR" | "NXDOMAIN" | "SERVFAIL" | "REFUSED";

export interface DnsRecord {
  /** Owner name, canonical (lower case, no trailing dot). */
  name: string;
  type: RecordType;
  ttl: number;
  data: string;
}

/** Who asks. */
export type Vantage =
  /** A host of a site: its hosts file, then its DNS servers in order. */
  | { kind: "host"; hostId: string }
  /** A proxy of a site: its DNS servers in order. */
  | { kind: "proxy"; proxyId: string }
  /** An on-premises DNS server answering a recursive query. */
  | { kind: "dns-server"; dnsServerId: string }
  /** A VM in a vnet: the vnet's `dhcpOptions.dnsServers`, else Azure-provided DNS. */
  | { kind: "virtual-network"; virtualNetworkId: string }
  /** 168.63.129.16 queried from inside a vnet. */
  | { kind: "azure-dns"; virtualNetworkId: string }
  /** A DNS Private Resolver inbound endpoint. */
  | { kind: "resolver-inbound"; inboundEndpointId: string }
  /** A client known only by its address, asking these DNS servers in order (no hosts file). */
  | { kind: "address"; address: string; dnsServers: readonly string[] }
  /** A public recursive resolver on the internet. */
  | { kind: "public" };

export type DnsStepKind =
  | "hosts-file"
  | "query-server"
  | "server-unreachable"
  | "no-dns-listener"
  | "server-failed"
  | "no-server-answered"
  | "local-zone"
  | "conditional-forwarder"
  | "forwarder"
  | "recursion"
  | "recursion-disabled"
  | "forwarding-rule"
  | "private-zone"
  | "nxdomain-redirect"
  | "public-lookup"
  | "cname"
  | "cname-not-chased"
  | "depth-exceeded"
  | "unknown-vantage";

export interface DnsStep {
  kind: DnsStepKind;
  /** The entity that took the step: a resource id, `public internet`, or `azure-dns <vnet id>`. */
  at: string;
  /** The name being resolved at this step. */
  name: string;
  detail: string;
}

export interface DnsAnswer {
  rcode: Rcode;
  answers: DnsRecord[];
  trace: DnsStep[];
}

/** An answer without its trace, as the steps of one resolution pass it around. */
export interface Outcome {
  rcode: Rcode;
  answers: DnsRecord[];
}

/** Queries a DNS server at an address over the network; undefined when nothing answers (timeout). */
export type AskAddress = (
  source: Source,
  address: string,
  port: number,
  name: string,
  type: RecordType,
  depth: number,
) => Outcome | undefined;
