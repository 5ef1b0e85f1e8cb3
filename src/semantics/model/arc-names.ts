import { ARC_ZONES, type ArcZone } from "../../world/catalog/arc-private-link.js";
import { canonicalName } from "./read-json.js";

/** An Arc name a private endpoint takes over, in both its forms [facts §8; DOC-PL, DOC-PEDNS]. */
export interface ArcName {
  /** The public name the agent asks for, e.g. `gbl.his.arc.azure.com`. */
  fqdn: string;
  /** The catalog's zone: `publicZone` (what on premises forwards), `privateZone` (the `privatelink.` zone). */
  zone: ArcZone;
  /** The label(s) before the zone: the record name inside the `privatelink.` zone, e.g. `gbl`. */
  recordName: string;
  /** The `privatelink.` name the public name is a CNAME to, e.g. `gbl.privatelink.his.arc.azure.com`. */
  privateLinkFqdn: string;
}

/**
 * Classifies a name given in its public or its `privatelink.` form; undefined when it is
 * not a name under one of the Arc zones. The one classification of Arc names.
 *
 * @example
 * arcName("gbl.privatelink.his.arc.azure.com")?.fqdn // "gbl.his.arc.azure.com"
 */
export function arcName(name: string): ArcName | undefined {
  const fqdn = canonicalName(name);
  for (const zone of ARC_ZONES) {
    for (const suffix of [zone.privateZone, zone.publicZone]) {
      if (!fqdn.endsWith(`.${suffix}`)) continue;
      const recordName = fqdn.slice(0, -suffix.length - 1);
      if (recordName === "" || recordName === "privatelink") continue;
      return {
        fqdn: `${recordName}.${zone.publicZone}`,
        zone,
        recordName,
        privateLinkFqdn: `${recordName}.${zone.privateZone}`,
      };
    }
  }
  return undefined;
}

/** True for a name under an Arc `privatelink.` zone, or that zone itself. */
export function isArcPrivateLinkName(name: string): boolean {
  const n = canonicalName(name);
  return ARC_ZONES.some((z) => n === z.privateZone || n.endsWith(`.${z.privateZone}`));
}

/**
 * The Arc zone a (possibly misspelt) name looks like it means, by its labels (hyphens
 * count as dots), or undefined when it is not about Arc: `privatelink-his-arc-azure-com`
 * → his; `privatelink.kubernetesconfiguration.azure.com` → kubernetesconfiguration.
 *
 * @example
 * arcZoneLookalike("privatelink-his-arc-azure-com")?.key // "his"
 */
export function arcZoneLookalike(name: string): ArcZone | undefined {
  const labels = canonicalName(name).split(/[.-]/);
  const byKey = (key: ArcZone["key"]) => ARC_ZONES.find((z) => z.key === key);
  if (labels.includes("his") && labels.includes("arc")) return byKey("his");
  if (labels.includes("guestconfiguration")) return byKey("guestconfiguration");
  if (labels.includes("kubernetesconfiguration")) return byKey("kubernetesconfiguration");
  return undefined;
}
