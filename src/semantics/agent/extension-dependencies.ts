import type { Resource } from "../../world/resource.js";
import { list, str } from "../model/index.js";

/**
 * The services machine extensions depend on, which the Arc private link scope does not
 * cover: "other services (Azure Monitor, Key Vault, Storage, Automation) need their own
 * private endpoints" [DOC-PL §3.7]. Names are the documented endpoints [DOC-PROXY (AMA),
 * DOC-NET §9]; the first label of a per-resource name (`workspace`, `vault`,
 * `storageaccount`) is arclink's choice, as the instance view does not carry it.
 */
const DEPENDENCIES: readonly { types: readonly string[]; names: (region: string) => string[] }[] = [
  {
    types: ["azuremonitorwindowsagent", "azuremonitorlinuxagent"],
    names: (region) => [
      "global.handler.control.monitor.azure.com",
      `${region}.handler.control.monitor.azure.com`,
      "workspace.ods.opinsights.azure.com",
    ],
  },
  {
    types: ["microsoftmonitoringagent", "omsagentforlinux"],
    names: () => ["workspace.ods.opinsights.azure.com", "workspace.oms.opinsights.azure.com"],
  },
  { types: ["keyvaultforwindows", "keyvaultforlinux"], names: () => ["vault.vault.azure.net"] },
  { types: ["customscriptextension", "customscript"], names: () => ["storageaccount.blob.core.windows.net"] },
];

export interface ExtensionDependency {
  name: string;
  /** `extension <type>`. */
  origin: string;
}

/**
 * The endpoints the extensions of a machine (`properties.extensions[].type`, the
 * instance view [SPEC-HC26]) depend on, each once.
 *
 * @example
 * extensionDependencies(machine, "westeurope") // [{ name: "vault.vault.azure.net", origin: "extension KeyVaultForLinux" }]
 */
export function extensionDependencies(machine: Resource | undefined, region: string): ExtensionDependency[] {
  const out = new Map<string, ExtensionDependency>();
  for (const ext of list(machine?.properties.extensions)) {
    const type = str(ext.type) ?? "";
    const dep = DEPENDENCIES.find((d) => d.types.includes(type.toLowerCase()));
    for (const name of dep?.names(region) ?? []) {
      if (!out.has(name)) out.set(name, { name, origin: `extension ${type}` });
    }
  }
  return [...out.values()];
}
