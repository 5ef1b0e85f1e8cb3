import { isArcScopeId } from "../../semantics/model/index.js";
import { findRegion } from "../../world/catalog/regions.js";
import { AzcmError } from "./azcm-codes.js";

/** `azcmagent connect`'s flags as given on the command line [DOC-CONNECT, facts §10]. */
export interface ConnectFlags {
  servicePrincipalId?: string;
  servicePrincipalSecret?: string;
  tenantId?: string;
  subscriptionId?: string;
  resourceGroup?: string;
  location?: string;
  resourceName?: string;
  tags?: string;
  privateLinkScope?: string;
  cloud?: string;
  ignoreNetworkCheck?: boolean;
  correlationId?: string;
}

/** Validated flags: every mandatory one present, the region canonical, the tags parsed. */
export interface ConnectRequest {
  servicePrincipalId: string;
  servicePrincipalSecret: string;
  tenantId: string;
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  resourceName: string;
  tags: Record<string, string>;
  privateLinkScope?: string;
  cloud: "AzureCloud";
  ignoreNetworkCheck: boolean;
  correlationId?: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Machine names: alphanumerics, hyphens, underscores, periods; not ending in a hyphen or underscore [DOC-AZCM AZCM0102]. */
const RESOURCE_NAME = /^[a-zA-Z0-9][a-zA-Z0-9-_.]{0,52}[a-zA-Z0-9.]$|^[a-zA-Z0-9]$/;
export const CLOUDS = ["AzureCloud", "AzureUSGovernment", "AzureChinaCloud"] as const;

/**
 * `--tags` as azcmagent reads it: `Name=Value,Name2='Value with spaces'` [DOC-CONNECT].
 *
 * @example
 * parseTags("env=lab,owner='Ops team'") // { env: "lab", owner: "Ops team" }
 */
export function parseTags(text: string): Record<string, string> {
  const tags: Record<string, string> = {};
  const re = /\s*([^=,]+?)\s*=\s*(?:'([^']*)'|"([^"]*)"|([^,]*))\s*(?:,|$)/y;
  let at = 0;
  while (at < text.length) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m || re.lastIndex === at)
      throw new AzcmError("AZCM0023", `Invalid value "${text}" for --tags: expected Name=Value,Name2='Value 2'.`);
    const name = m[1];
    if (name.length > 512 || /[<>%&\\?/]/.test(name))
      throw new AzcmError("AZCM0023", `Invalid tag name "${name}" in --tags.`);
    tags[name] = (m[2] ?? m[3] ?? m[4] ?? "").trim();
    at = re.lastIndex;
  }
  if (Object.keys(tags).length > 50) throw new AzcmError("AZCM0023", "Invalid value for --tags: at most 50 tags.");
  return tags;
}

/**
 * Checks `connect`'s flags as azcmagent does before it does anything [DOC-CONNECT, DOC-AZCM]:
 * service principal authentication needs the id, the secret and the tenant; the
 * subscription, resource group and location are mandatory (AZCM0016); ids, the scope's
 * resource id, the cloud and the tags must be well formed (AZCM0023); the region must be
 * known (AZCM0020). `hostName` is the default resource name.
 *
 * @example
 * validateConnectFlags({ ...flags, location: "West Europe" }, "web01").location // "westeurope"
 */
export function validateConnectFlags(flags: ConnectFlags, hostName: string): ConnectRequest {
  const missing = (
    [
      ["--service-principal-id", flags.servicePrincipalId],
      ["--service-principal-secret", flags.servicePrincipalSecret],
      ["--tenant-id", flags.tenantId],
      ["--subscription-id", flags.subscriptionId],
      ["--resource-group", flags.resourceGroup],
      ["--location", flags.location],
    ] as const
  )
    .filter(([, v]) => v === undefined || v === "")
    .map(([name]) => name);
  if (missing.length > 0)
    throw new AzcmError(
      "AZCM0016",
      `Missing mandatory parameter(s): ${missing.join(", ")}. Run 'azcmagent connect --help' for the syntax.`,
    );
  const f = flags as Required<
    Pick<
      ConnectFlags,
      "servicePrincipalId" | "servicePrincipalSecret" | "tenantId" | "subscriptionId" | "resourceGroup" | "location"
    >
  > &
    ConnectFlags;
  for (const [name, value] of [
    ["--service-principal-id", f.servicePrincipalId],
    ["--tenant-id", f.tenantId],
    ["--subscription-id", f.subscriptionId],
    ...(f.correlationId ? [["--correlation-id", f.correlationId]] : []),
  ] as const) {
    if (!GUID.test(value)) throw new AzcmError("AZCM0023", `Invalid value "${value}" for ${name}: expected a GUID.`);
  }
  if (!/^[-\w.()]{1,90}$/.test(f.resourceGroup) || f.resourceGroup.endsWith("."))
    throw new AzcmError("AZCM0023", `Invalid value "${f.resourceGroup}" for --resource-group.`);
  const cloud = f.cloud ?? "AzureCloud";
  if (!(CLOUDS as readonly string[]).includes(cloud))
    throw new AzcmError("AZCM0023", `Invalid value "${cloud}" for --cloud: expected one of ${CLOUDS.join(", ")}.`);
  if (cloud !== "AzureCloud")
    throw new AzcmError("AZCM0003", `Cloud "${cloud}" is not modelled by arclink: only AzureCloud is.`);
  const region = findRegion(f.location);
  if (!region) throw new AzcmError("AZCM0020", `The location "${f.location}" is not a known Azure region.`);
  const resourceName = f.resourceName ?? hostName;
  if (!RESOURCE_NAME.test(resourceName))
    throw new AzcmError(
      "AZCM0023",
      `Invalid value "${resourceName}" for --resource-name: use only alphanumeric characters, hyphens, underscores and periods, not ending with a hyphen or underscore (at most 54).`,
    );
  if (f.privateLinkScope !== undefined && !isArcScopeId(f.privateLinkScope))
    throw new AzcmError(
      "AZCM0023",
      `Invalid value "${f.privateLinkScope}" for --private-link-scope: expected the resource ID of an Azure Arc private link scope (/subscriptions/…/providers/Microsoft.HybridCompute/privateLinkScopes/NAME).`,
    );
  if (f.privateLinkScope) {
    const scopeSub = f.privateLinkScope.split("/")[2];
    if (scopeSub.toLowerCase() !== f.subscriptionId.toLowerCase() && !GUID.test(scopeSub))
      throw new AzcmError("AZCM0023", `Invalid subscription in --private-link-scope "${f.privateLinkScope}".`);
  }
  return {
    servicePrincipalId: f.servicePrincipalId,
    servicePrincipalSecret: f.servicePrincipalSecret,
    tenantId: f.tenantId,
    subscriptionId: f.subscriptionId,
    resourceGroup: f.resourceGroup,
    location: region.name,
    resourceName,
    tags: f.tags ? parseTags(f.tags) : {},
    privateLinkScope: f.privateLinkScope,
    cloud: "AzureCloud",
    ignoreNetworkCheck: Boolean(f.ignoreNetworkCheck),
    correlationId: f.correlationId,
  };
}
