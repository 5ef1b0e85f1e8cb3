import { canonicalName } from "../model/read-json.js";
import { supports } from "./agent-version.js";

/** The values `proxy.bypass` accepts [DOC-PROXY, facts §10]. */
export const BYPASS_VALUES = ["AAD", "ARM", "Arc", "ArcData", "AMA"] as const;
export type BypassValue = (typeof BYPASS_VALUES)[number];

export function isBypassValue(value: string): value is BypassValue {
  return (BYPASS_VALUES as readonly string[]).includes(value);
}

const under = (name: string, suffix: string) => name === suffix || name.endsWith(`.${suffix}`);

/**
 * Whether a bypass value covers a host name [DOC-PROXY]: AAD → login.windows.net,
 * login.microsoftonline.com, pas.windows.net; ARM → management.azure.com; Arc →
 * his.arc.azure.com, guestconfiguration.azure.com (and Arc data services before 1.36);
 * ArcData → *.<region>.arcdataservices.com; AMA → Azure Monitor endpoints and ARM.
 */
export function bypassCovers(value: BypassValue, fqdn: string, agentVersion: string): boolean {
  const name = canonicalName(fqdn);
  switch (value) {
    case "AAD":
      return ["login.windows.net", "login.microsoftonline.com", "pas.windows.net"].includes(name);
    case "ARM":
      return name === "management.azure.com";
    case "Arc":
      return (
        under(name, "his.arc.azure.com") ||
        under(name, "guestconfiguration.azure.com") ||
        (!supports(agentVersion, "arcdata-bypass") && under(name, "arcdataservices.com"))
      );
    case "ArcData":
      return under(name, "arcdataservices.com");
    case "AMA":
      return (
        name === "management.azure.com" ||
        under(name, "handler.control.monitor.azure.com") ||
        under(name, "ods.opinsights.azure.com") ||
        under(name, "monitoring.azure.com") ||
        under(name, "ingest.monitor.azure.com")
      );
  }
}
