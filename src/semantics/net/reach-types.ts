/** What happened to a packet [batfish FlowDisposition]. A closed union. */
export type Disposition = "DELIVERED" | "NO_ROUTE" | "BLOCKED_BY_FIREWALL" | "BLOCKED_BY_NSG" | "NO_INTERNET";

export type Protocol = "Tcp" | "Udp";

/** Where a packet starts. */
export type Source =
  /** A host, proxy or DNS server of an on-premises site, by resource id. */
  | { kind: "premises"; id: string }
  /** A NIC in an Azure subnet: a resolver endpoint, a private endpoint, a VM. */
  | { kind: "subnet"; subnetId: string; address?: string }
  /** Somewhere in a vnet with no known subnet: no subnet NSG applies on the way out. */
  | { kind: "virtual-network"; virtualNetworkId: string }
  /**
   * Any address, no resource: placed in the site whose address space holds it (sites by
   * id), else in the vnet and subnet that hold it. What a live plane sees of a client.
   */
  | { kind: "address"; address: string };

/** Where a delivered packet arrived. */
export type Place =
  | { kind: "site"; siteId: string }
  | { kind: "virtual-network"; virtualNetworkId: string; subnetId?: string }
  /** 168.63.129.16 as seen from inside a vnet. */
  | { kind: "azure-platform"; virtualNetworkId: string }
  | { kind: "internet" };

export type NetStepKind =
  | "source"
  | "same-site"
  | "site-connection"
  | "peering"
  | "no-route"
  | "nsg-rule"
  | "nsg-not-applied"
  | "internet-access"
  | "firewall-rule"
  | "firewall-default"
  | "azure-platform"
  | "delivered";

export interface NetStep {
  kind: NetStepKind;
  detail: string;
}

export interface ReachResult {
  disposition: Disposition;
  /** Set when delivered. */
  place?: Place;
  trace: NetStep[];
}
