import { type ArcName, arcName } from "../semantics/model/arc-names.js";
import { arcPrivateLinkNames } from "../world/catalog/arc-private-link.js";
import { findRegion, normalizeLocation } from "../world/catalog/regions.js";

export interface RegionNames {
  region: string;
  /** Required names first (global HIS, regional HIS, global and regional guest configuration), then optional. */
  names: ArcName[];
  warnings: string[];
}

/**
 * The Arc names an agent in `location` uses [facts §8], classified by the semantics
 * (`arcName`), with warnings about the region's HIS short code.
 *
 * @example
 * arcNamesForRegion("westeurope").names.map((n) => n.fqdn)
 * // → ["gbl.his.arc.azure.com", "weu.his.arc.azure.com",
 * //    "agentserviceapi.guestconfiguration.azure.com", "westeurope-gas.guestconfiguration.azure.com",
 * //    "westeurope.dp.kubernetesconfiguration.azure.com"]
 */
export function arcNamesForRegion(location: string): RegionNames {
  const region = normalizeLocation(location);
  const known = findRegion(location);
  const warnings: string[] = [];
  if (known?.hisCode && known.unofficial) {
    warnings.push(
      `The HIS short code '${known.hisCode}' of region '${region}' comes from an unofficial list [3P-HIS]; check that the private endpoint publishes '${known.hisCode}.his.arc.azure.com'.`,
    );
  } else if (!known?.hisCode) {
    warnings.push(
      `Region '${region}' has no known HIS short code, so its regional '<code>.his.arc.azure.com' name is left out; add it by hand from the private endpoint's DNS configuration.`,
    );
  }
  const fqdns = arcPrivateLinkNames(location).map((n) => n.fqdn);
  return { region, names: fqdns.map((f) => arcName(f)!), warnings };
}
