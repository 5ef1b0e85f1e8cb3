import { ArmError } from "../../../rules/index.js";

/**
 * Names Azure blocks as private zones, in public Azure, Azure Government and Azure
 * operated by 21Vianet [DOC-PDNS "Restrictions"]. The list blocks these exact names:
 * `privatelink.his.arc.azure.com` (a subdomain of `azure.com`) is allowed.
 */
export const RESERVED_ZONE_NAMES: readonly string[] = [
  "azclient.ms",
  "azure.com",
  "cloudapp.net",
  "core.windows.net",
  "microsoft.com",
  "msidentity.com",
  "trafficmanager.net",
  "windows.net",
  "azclient.us",
  "azure.us",
  "usgovcloudapp.net",
  "core.usgovcloudapi.net",
  "microsoft.us",
  "msidentity.us",
  "usgovtrafficmanager.net",
  "usgovcloudapi.net",
  "azclient.cn",
  "azure.cn",
  "chinacloudapp.cn",
  "core.chinacloudapi.cn",
  "microsoft.cn",
  "msidentity.cn",
  "trafficmanager.cn",
  "chinacloudapi.cn",
];

const LABEL = /^[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?$/i;

/**
 * Checks a private zone name: 2 to 34 labels [DOC-PDNS], each 1–63 letters, digits,
 * hyphens or underscores not starting or ending with a hyphen, at most 253 characters,
 * and not a reserved name.
 *
 * @example
 * checkZoneName("privatelink.his.arc.azure.com") // → undefined
 * checkZoneName("azure.com")?.code               // → "ReservedResourceName"
 */
export function checkZoneName(name: string): ArmError | undefined {
  const labels = name.split(".");
  if (labels.length < 2 || labels.length > 34) {
    return new ArmError(
      "InvalidResourceName",
      `The private DNS zone name '${name}' is invalid: it has ${labels.length} label(s), and a private zone needs from 2 to 34.`,
      "name",
    );
  }
  const badLabel = labels.find((l) => !LABEL.test(l));
  if (badLabel !== undefined || name.length > 253) {
    return new ArmError(
      "InvalidResourceName",
      badLabel !== undefined
        ? `The private DNS zone name '${name}' is invalid: the label '${badLabel}' must be 1-63 letters, digits, hyphens or underscores, not starting or ending with a hyphen.`
        : `The private DNS zone name '${name}' is invalid: it is ${name.length} characters long, and at most 253 are allowed.`,
      "name",
    );
  }
  if (RESERVED_ZONE_NAMES.includes(name.toLowerCase())) {
    return new ArmError(
      "ReservedResourceName",
      `The private DNS zone name '${name}' is reserved and cannot be created.`,
      "name",
    );
  }
  return undefined;
}
