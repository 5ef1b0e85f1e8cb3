import { ARC_GLOBAL_NAMES, arcPrivateLinkNames } from "./arc-private-link.js";
import { REGIONS } from "./regions.js";

/**
 * The public internet as arclink knows it, as data: the public host names of the Arc,
 * Entra ID, ARM and companion services, each with the service tag its address comes
 * from. How they resolve (addresses placed in the tag's ranges, CNAMEs into the
 * `privatelink.` names) is the semantics' (`src/semantics/dns/public-names.ts`).
 */
export interface PublicRecord {
  name: string;
  type: "A" | "CNAME";
  ttl: number;
  data: string;
}

/** One public name (exact, or a `*.` wildcard) and the tag its address comes from. */
export interface PublicEndpoint {
  name: string;
  serviceTag: string;
  /** Set for Arc names: the `privatelink.` name the public name is a CNAME to. */
  privateLinkName?: string;
}

export const PUBLIC_TTL = 300;
/** Where a resolver doing its own recursion sends its queries (a.root-servers.net). */
export const PUBLIC_ROOT_DNS_ADDRESS = "198.41.0.4";
/** Public recursive resolvers a DNS server may forward to; other public addresses run no DNS. */
export const PUBLIC_RESOLVER_ADDRESSES: readonly string[] = ["1.1.1.1", "1.0.0.1", "8.8.8.8", "8.8.4.4", "9.9.9.9"];

const ARC = "AzureArcInfrastructure";

/** Arc host names that can move behind a private endpoint, for every catalog region [DOC-PL §8]. */
function arcEndpoints(): PublicEndpoint[] {
  // Global names first, then each region's own: the order fixes every name's public address.
  const out = new Map<string, PublicEndpoint>();
  const names = [
    ...ARC_GLOBAL_NAMES,
    ...REGIONS.flatMap((r) => arcPrivateLinkNames(r.name).filter((n) => n.reach === "regional")),
  ];
  for (const n of names) out.set(n.fqdn, { name: n.fqdn, serviceTag: ARC, privateLinkName: n.privateLinkFqdn });
  return [...out.values()];
}

/** Names that stay public even with private link [DOC-NET §9, DOC-PROXY §10]. */
const OTHER_ENDPOINTS: readonly PublicEndpoint[] = [
  { name: "login.microsoftonline.com", serviceTag: "AzureActiveDirectory" },
  { name: "login.windows.net", serviceTag: "AzureActiveDirectory" },
  { name: "pas.windows.net", serviceTag: "AzureActiveDirectory" },
  { name: "*.login.microsoft.com", serviceTag: "AzureActiveDirectory" },
  { name: "management.azure.com", serviceTag: "AzureResourceManager" },
  { name: "guestnotificationservice.azure.com", serviceTag: ARC },
  { name: "*.guestnotificationservice.azure.com", serviceTag: ARC },
  { name: "*.servicebus.windows.net", serviceTag: "ServiceBus" },
  { name: "*.blob.core.windows.net", serviceTag: "Storage" },
  { name: "*.vault.azure.net", serviceTag: "AzureKeyVault" },
  { name: "*.ods.opinsights.azure.com", serviceTag: "AzureMonitor" },
  { name: "*.oms.opinsights.azure.com", serviceTag: "AzureMonitor" },
  { name: "global.handler.control.monitor.azure.com", serviceTag: "AzureMonitor" },
  { name: "*.handler.control.monitor.azure.com", serviceTag: "AzureMonitor" },
  { name: "dc.services.visualstudio.com", serviceTag: "AzureMonitor" },
  { name: "*.arcdataservices.com", serviceTag: ARC },
  { name: "*.waconazure.com", serviceTag: "WindowsAdminCenter" },
  { name: "download.microsoft.com", serviceTag: "AzureFrontDoor.Frontend" },
  { name: "packages.microsoft.com", serviceTag: "AzureFrontDoor.Frontend" },
  { name: "www.microsoft.com", serviceTag: "AzureFrontDoor.Frontend" },
  { name: "dls.microsoft.com", serviceTag: "AzureFrontDoor.Frontend" },
];

export const PUBLIC_ENDPOINTS: readonly PublicEndpoint[] = [...arcEndpoints(), ...OTHER_ENDPOINTS];
