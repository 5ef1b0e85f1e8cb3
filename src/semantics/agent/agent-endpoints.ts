import { arcPrivateLinkNames } from "../../world/catalog/arc-private-link.js";
import { findRegion } from "../../world/catalog/regions.js";
import { arcName } from "../model/arc-names.js";
import { canonicalName } from "../model/read-json.js";

/** The services the agent talks to; a closed union. */
export type AgentService =
  | "EntraId"
  | "ARM"
  | "Arc"
  | "Notifications"
  | "Storage"
  | "ArcData"
  | "AzureMonitor"
  | "Other";

/** When the agent uses an endpoint. */
export type AgentPhase = "connect" | "heartbeat" | "extensions" | "disconnect";

export interface AgentEndpoint {
  /** As documented; may be a `*.` pattern. */
  fqdn: string;
  /** A concrete name to resolve and connect to for a pattern (arclink's choice of label); the fqdn otherwise. */
  probeName: string;
  service: AgentService;
  phases: AgentPhase[];
  /** Moves behind the Arc private endpoint with private link [DOC-PL, facts §9]. */
  privateLinkCapable: boolean;
  /** Not used when private link is configured (extension downloads from storage) [DOC-NET 3f16ad4c7]. */
  skippedWithPrivateLink?: boolean;
  port: number;
}

const ALL: AgentPhase[] = ["connect", "heartbeat", "extensions", "disconnect"];

/** When the agent uses each Arc name, by member of the private link resource. */
const ARC_PHASES: Record<string, AgentPhase[]> = {
  HisGlobal: ["connect", "disconnect"],
  HisRegional: ["connect", "heartbeat", "disconnect"],
  GuestConfigurationGlobal: ["heartbeat", "extensions"],
  GuestConfigurationRegional: ["heartbeat", "extensions"],
};

/**
 * The endpoints an agent onboarded in `region` uses, from facts §9 [DOC-NET]: Entra ID
 * always, ARM at connect and disconnect, HIS and guest configuration (private-capable),
 * notifications, and extension downloads from storage. HTTPS on TCP 443 throughout.
 *
 * @example
 * agentEndpoints("westeurope").map((e) => e.probeName) // includes "weu.his.arc.azure.com"
 */
export function agentEndpoints(region: string): AgentEndpoint[] {
  const found = findRegion(region);
  const name = found?.name ?? region.toLowerCase();
  const ep = (
    fqdn: string,
    service: AgentService,
    phases: AgentPhase[],
    privateLinkCapable = false,
    probeName = fqdn,
  ): AgentEndpoint => ({
    fqdn,
    probeName,
    service,
    phases,
    privateLinkCapable,
    port: 443,
  });
  const out: AgentEndpoint[] = [
    ep("login.microsoftonline.com", "EntraId", ALL),
    ep("login.windows.net", "EntraId", ALL),
    ep("pas.windows.net", "EntraId", ALL),
    ep("*.login.microsoft.com", "EntraId", ALL, false, `${name}.login.microsoft.com`),
    ep("management.azure.com", "ARM", ["connect", "disconnect"]),
    // The Arc names of the region (servers do not use the Kubernetes configuration zone) [DOC-PL §8].
    ...arcPrivateLinkNames(region)
      .filter((n) => !n.zone.optional)
      .map((n) => ep(n.fqdn, "Arc", ARC_PHASES[n.member] ?? ["heartbeat", "extensions"], true)),
  ];
  out.push(
    ep("guestnotificationservice.azure.com", "Notifications", ["heartbeat", "extensions"]),
    ep(
      "*.guestnotificationservice.azure.com",
      "Notifications",
      ["heartbeat", "extensions"],
      false,
      `${name}.guestnotificationservice.azure.com`,
    ),
    ep(
      "*.servicebus.windows.net",
      "Notifications",
      ["heartbeat", "extensions"],
      false,
      `azgn${name}.servicebus.windows.net`,
    ),
    {
      ...ep("*.blob.core.windows.net", "Storage", ["extensions"], false, `${name}extensions.blob.core.windows.net`),
      skippedWithPrivateLink: true,
    },
  );
  return out;
}

const SUFFIXES: [string, AgentService][] = [
  ["his.arc.azure.com", "Arc"],
  ["guestconfiguration.azure.com", "Arc"],
  ["login.microsoftonline.com", "EntraId"],
  ["login.windows.net", "EntraId"],
  ["pas.windows.net", "EntraId"],
  ["login.microsoft.com", "EntraId"],
  ["management.azure.com", "ARM"],
  ["guestnotificationservice.azure.com", "Notifications"],
  ["servicebus.windows.net", "Notifications"],
  ["blob.core.windows.net", "Storage"],
  ["arcdataservices.com", "ArcData"],
  ["handler.control.monitor.azure.com", "AzureMonitor"],
  ["ods.opinsights.azure.com", "AzureMonitor"],
  ["monitoring.azure.com", "AzureMonitor"],
  ["ingest.monitor.azure.com", "AzureMonitor"],
];

/** The service a host name belongs to, by suffix. */
export function serviceOfName(fqdn: string): AgentService {
  const name = canonicalName(fqdn);
  return SUFFIXES.find(([s]) => name === s || name.endsWith(`.${s}`))?.[1] ?? "Other";
}

/** True for the Arc names that can resolve to the private endpoint [DOC-PL, facts §9]. */
export function isPrivateLinkCapable(fqdn: string): boolean {
  const name = arcName(fqdn);
  return name !== undefined && !name.zone.optional;
}
