/**
 * Azure public-cloud regions: ARM name, display name and the short code the Arc
 * hybrid identity service (HIS) uses in its regional host name
 * (`<code>.his.arc.azure.com`). Official codes are from the 2021 Arc quickstart
 * [DOC-K8S21]; the rest come from an unofficial, DNS-verified script [3P-HIS] and are
 * marked `unofficial`. Regions with no known code have none.
 */
export interface Region {
  name: string;
  displayName: string;
  hisCode?: string;
  unofficial?: boolean;
}

export const REGIONS: readonly Region[] = [
  { name: "eastus", displayName: "East US", hisCode: "eus" },
  { name: "eastus2", displayName: "East US 2", hisCode: "eus2" },
  { name: "westus", displayName: "West US" },
  { name: "westus2", displayName: "West US 2", hisCode: "wus2" },
  { name: "westus3", displayName: "West US 3" },
  { name: "centralus", displayName: "Central US", hisCode: "scus", unofficial: true },
  { name: "northcentralus", displayName: "North Central US" },
  { name: "southcentralus", displayName: "South Central US", hisCode: "scus" },
  { name: "westcentralus", displayName: "West Central US", hisCode: "wcus" },
  { name: "canadacentral", displayName: "Canada Central" },
  { name: "canadaeast", displayName: "Canada East" },
  { name: "brazilsouth", displayName: "Brazil South", hisCode: "brs", unofficial: true },
  { name: "northeurope", displayName: "North Europe", hisCode: "ne" },
  { name: "westeurope", displayName: "West Europe", hisCode: "weu" },
  { name: "uksouth", displayName: "UK South", hisCode: "uks" },
  { name: "ukwest", displayName: "UK West" },
  { name: "francecentral", displayName: "France Central", hisCode: "fc" },
  { name: "germanywestcentral", displayName: "Germany West Central", hisCode: "gwc", unofficial: true },
  { name: "swedencentral", displayName: "Sweden Central", hisCode: "sec", unofficial: true },
  { name: "switzerlandnorth", displayName: "Switzerland North" },
  { name: "norwayeast", displayName: "Norway East" },
  { name: "polandcentral", displayName: "Poland Central", hisCode: "plc", unofficial: true },
  { name: "italynorth", displayName: "Italy North", hisCode: "itn", unofficial: true },
  { name: "southeastasia", displayName: "Southeast Asia", hisCode: "sea" },
  { name: "eastasia", displayName: "East Asia", hisCode: "ea", unofficial: true },
  { name: "australiaeast", displayName: "Australia East", hisCode: "ae" },
  { name: "australiasoutheast", displayName: "Australia Southeast" },
  { name: "japaneast", displayName: "Japan East" },
  { name: "japanwest", displayName: "Japan West" },
  { name: "koreacentral", displayName: "Korea Central", hisCode: "kc", unofficial: true },
  { name: "centralindia", displayName: "Central India" },
  { name: "southafricanorth", displayName: "South Africa North", hisCode: "san", unofficial: true },
  { name: "uaenorth", displayName: "UAE North", hisCode: "uaen", unofficial: true },
  { name: "qatarcentral", displayName: "Qatar Central", hisCode: "qac", unofficial: true },
  { name: "israelcentral", displayName: "Israel Central", hisCode: "ilc", unofficial: true },
];

const BY_KEY = new Map<string, Region>();
for (const r of REGIONS) {
  BY_KEY.set(r.name, r);
  BY_KEY.set(r.displayName.toLowerCase().replace(/\s+/g, ""), r);
}

/**
 * Finds a region by ARM name or display name, as ARM accepts both ("West Europe",
 * "westeurope"). Returns undefined for unknown regions.
 */
export function findRegion(location: string): Region | undefined {
  return BY_KEY.get(location.toLowerCase().replace(/\s+/g, ""));
}

/** The ARM name of a location given either way; unknown locations are returned lower-cased. */
export function normalizeLocation(location: string): string {
  return findRegion(location)?.name ?? location.toLowerCase().replace(/\s+/g, "");
}
