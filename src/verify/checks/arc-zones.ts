import { canonicalName } from "../../semantics/model/index.js";
import { ARC_ZONES } from "../../world/index.js";

/** The Arc private link DNS zones and their public names, from the catalog [DOC-PEDNS, DOC-PL §8, POL-DNS]. */
export const ARC_ZONE_FAMILIES = ARC_ZONES.map((z) => ({
  family: z.key,
  zone: z.privateZone,
  publicZone: z.publicZone,
  optional: z.optional,
}));

export type ArcZoneFamily = (typeof ARC_ZONE_FAMILIES)[number];

/**
 * The Arc zone a name looks like it means, by its labels (hyphens count as dots), or
 * undefined when it is not about Arc: `privatelink-his-arc-azure-com` → his;
 * `privatelink.kubernetesconfiguration.azure.com` → kubernetesconfiguration.
 */
export function arcFamilyOf(name: string): ArcZoneFamily | undefined {
  const labels = canonicalName(name).split(/[.-]/);
  if (labels.includes("his") && labels.includes("arc")) return ARC_ZONE_FAMILIES[0];
  if (labels.includes("guestconfiguration")) return ARC_ZONE_FAMILIES[1];
  if (labels.includes("kubernetesconfiguration")) return ARC_ZONE_FAMILIES[2];
  return undefined;
}

/** True for a name under an Arc `privatelink.` zone (or that zone itself). */
export function isArcPrivateLinkName(name: string): boolean {
  const n = canonicalName(name);
  return ARC_ZONE_FAMILIES.some((f) => n === f.zone || n.endsWith(`.${f.zone}`));
}
