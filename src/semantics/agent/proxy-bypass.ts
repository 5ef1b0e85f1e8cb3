import { canonicalName } from "../model/read-json.js";
import { supports } from "./agent-version.js";
import { hasKnownIssue } from "./known-issues.js";

/** The values `proxy.bypass` accepts [DOC-PROXY, facts §10]. */
export const BYPASS_VALUES = ["AAD", "ARM", "Arc", "ArcData", "AMA"] as const;
export type BypassValue = (typeof BYPASS_VALUES)[number];

export function isBypassValue(value: string): value is BypassValue {
  return (BYPASS_VALUES as readonly string[]).includes(value);
}

const under = (name: string, suffix: string) => name === suffix || name.endsWith(`.${suffix}`);

/** The Entra ID names the `AAD` value covers [DOC-PROXY]. */
const AAD_NAMES = ["login.windows.net", "login.microsoftonline.com", "pas.windows.net"];

/**
 * True when `Arc` covers an Entra ID name only because of the Linux 1.15 known issue
 * [DOC-RN 1.15]: "some endpoints that belong to Azure Active Directory" — arclink takes the
 * names of the `AAD` value.
 */
export function arcBypassCoversEntra(fqdn: string, agentVersion: string, os?: string): boolean {
  return AAD_NAMES.includes(canonicalName(fqdn)) && hasKnownIssue("arc-bypass-includes-entra", agentVersion, os);
}

/**
 * Whether a bypass value covers a host name [DOC-PROXY]: AAD → login.windows.net,
 * login.microsoftonline.com, pas.windows.net; ARM → management.azure.com; Arc →
 * his.arc.azure.com, guestconfiguration.azure.com (and Arc data services before 1.36);
 * ArcData → *.<region>.arcdataservices.com; AMA → Azure Monitor endpoints and ARM. On
 * Linux agents 1.15.x, `Arc` also covers the Entra ID names (`arcBypassCoversEntra`).
 */
export function bypassCovers(value: BypassValue, fqdn: string, agentVersion: string, os?: string): boolean {
  const name = canonicalName(fqdn);
  switch (value) {
    case "AAD":
      return AAD_NAMES.includes(name);
    case "ARM":
      return name === "management.azure.com";
    case "Arc":
      return (
        under(name, "his.arc.azure.com") ||
        under(name, "guestconfiguration.azure.com") ||
        (!supports(agentVersion, "arcdata-bypass") && under(name, "arcdataservices.com")) ||
        arcBypassCoversEntra(name, agentVersion, os)
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
