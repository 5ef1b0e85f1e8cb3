import { ARC_ZONES } from "../../world/catalog/arc-private-link.js";
import { findRegion, REGIONS } from "../../world/catalog/regions.js";

/** The services the live fabric answers for; a closed union. */
export type FrontDoorService = "his" | "guest-configuration" | "dp" | "entra" | "arm";

/** One TLS identity: the certificate names of a service, wildcards where Azure's certificates use them. */
export interface FrontDoor {
  service: FrontDoorService;
  /** Subject alternative names of its leaf. */
  names: readonly string[];
}

const zone = (key: string) => ARC_ZONES.find((z) => z.key === key)?.publicZone as string;

/**
 * The names served over TLS, by service [facts §8–9, DOC-NET]: the Arc zones (one label
 * under each, as the private endpoint's records are), Entra ID and ARM.
 */
export const FRONT_DOORS: readonly FrontDoor[] = [
  { service: "his", names: [`*.${zone("his")}`] },
  { service: "guest-configuration", names: [`*.${zone("guestconfiguration")}`] },
  { service: "dp", names: [`*.${zone("kubernetesconfiguration")}`] },
  {
    service: "entra",
    names: ["login.microsoftonline.com", "login.windows.net", "pas.windows.net", "*.login.microsoft.com"],
  },
  { service: "arm", names: ["management.azure.com"] },
];

/** Whether a certificate name (`*.` wildcard of one label, RFC 6125 §6.4.3) covers a host name. */
export function nameCovers(pattern: string, host: string): boolean {
  const h = host.toLowerCase();
  if (!pattern.startsWith("*.")) return pattern === h;
  const suffix = pattern.slice(1);
  return h.endsWith(suffix) && h.length > suffix.length && !h.slice(0, -suffix.length).includes(".");
}

/** What a name is, once its front door is known: the HIS or guest configuration reach and region. */
export interface NamedEndpoint {
  service: FrontDoorService;
  name: string;
  /** `global` for gbl / agentserviceapi; `regional` with the region for the others. */
  reach: "global" | "regional";
  /** The region's name (westeurope) for regional names, when known. */
  region?: string;
}

/**
 * The front door of a host name, or undefined when arclink serves no such name (the TLS
 * handshake is then refused with `unrecognized_name`).
 *
 * @example
 * endpointOf("weu.his.arc.azure.com") // { service: "his", reach: "regional", region: "westeurope", … }
 */
export function endpointOf(host: string): NamedEndpoint | undefined {
  const name = host.toLowerCase().replace(/\.$/, "");
  const door = FRONT_DOORS.find((d) => d.names.some((n) => nameCovers(n, name)));
  if (!door) return undefined;
  const label = name.split(".")[0];
  switch (door.service) {
    case "his": {
      if (label === "gbl") return { service: "his", name, reach: "global" };
      const codes = REGIONS.filter((r) => r.hisCode === label);
      const region = (codes.find((r) => !r.unofficial) ?? codes[0])?.name;
      return { service: "his", name, reach: "regional", region };
    }
    case "guest-configuration": {
      if (label === "agentserviceapi") return { service: door.service, name, reach: "global" };
      return { service: door.service, name, reach: "regional", region: findRegion(label.replace(/-gas$/, ""))?.name };
    }
    case "dp":
      return { service: "dp", name, reach: "regional", region: findRegion(label)?.name };
    default:
      return { service: door.service, name, reach: "global" };
  }
}
