import { arcPrivateLinkNames, ARC_ZONES as CATALOG_ZONES } from "../world/catalog/arc-private-link.js";
import { findRegion, normalizeLocation } from "../world/catalog/regions.js";

/**
 * The Arc host names an agent uses that a private endpoint takes over, and the zones
 * they live in [facts §8; DOC-PL, DOC-PEDNS, POL-DNS]. The public zone is what an
 * on-premises server forwards; the `privatelink.` zone is where Azure keeps the A
 * records. The Kubernetes configuration zone is optional for servers [DOC-PL].
 *
 * @example
 * arcNamesForRegion("westeurope").names.map((n) => n.fqdn)
 * // → ["gbl.his.arc.azure.com", "weu.his.arc.azure.com",
 * //    "agentserviceapi.guestconfiguration.azure.com", "westeurope-gas.guestconfiguration.azure.com",
 * //    "westeurope.dp.kubernetesconfiguration.azure.com"]
 */
export interface ArcZone {
  /** Public zone, the conditional-forwarding domain, e.g. `his.arc.azure.com`. */
  zone: string;
  /** Private DNS zone, e.g. `privatelink.his.arc.azure.com`. */
  privateZone: string;
  optional: boolean;
}

export const ARC_ZONES: readonly ArcZone[] = CATALOG_ZONES.map((z) => ({
  zone: z.publicZone,
  privateZone: z.privateZone,
  optional: z.optional,
}));

export interface ArcName {
  /** The public name the agent asks for, e.g. `gbl.his.arc.azure.com`. */
  fqdn: string;
  zone: ArcZone;
  /** The label(s) before the zone: the record name inside the `privatelink.` zone, e.g. `gbl`. */
  recordName: string;
  /** The `privatelink.` name the public name is a CNAME to, e.g. `gbl.privatelink.his.arc.azure.com`. */
  privateLinkFqdn: string;
}

/** Canonical DNS name: lower case, no trailing dot. */
export function canonical(name: string): string {
  return name.trim().toLowerCase().replace(/\.+$/, "");
}

/**
 * Classifies a name given in its public or its `privatelink.` form; undefined when it
 * is not under one of the Arc zones.
 */
export function arcName(name: string): ArcName | undefined {
  const fqdn = canonical(name);
  for (const zone of ARC_ZONES) {
    for (const suffix of [zone.privateZone, zone.zone]) {
      if (!fqdn.endsWith(`.${suffix}`)) continue;
      const recordName = fqdn.slice(0, -suffix.length - 1);
      if (recordName === "" || recordName === "privatelink") continue;
      return {
        fqdn: `${recordName}.${zone.zone}`,
        zone,
        recordName,
        privateLinkFqdn: `${recordName}.${zone.privateZone}`,
      };
    }
  }
  return undefined;
}

export interface RegionNames {
  region: string;
  /** Required names first (global HIS, regional HIS, global and regional guest configuration), then optional. */
  names: ArcName[];
  warnings: string[];
}

/** The Arc names an agent in `location` uses [facts §8]. */
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
