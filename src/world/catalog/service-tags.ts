import ipaddr from "ipaddr.js";
import { REGIONS, type Region } from "./regions.js";

/**
 * A small built-in service tags table in the format of the weekly download file
 * ("Azure IP Ranges and Service Tags – Public Cloud") [ST]: top-level integer
 * `changeNumber` and `cloud`, `values[]` with `properties{changeNumber, region,
 * regionId, platform, systemService, addressPrefixes[], networkFeatures[]}`. The
 * prefixes are public-range but made up for arclink; a user may load the real file
 * in the same shape instead. Tag names are the ones the Arc docs tell customers to
 * allow [DOC-NET, DOC-PL], plus regional `<Tag>.<Region>` sub-tags where Azure has them.
 *
 * @example
 * serviceTagsContaining("20.190.128.10", builtInServiceTags()) // → ["AzureActiveDirectory"]
 */
export interface ServiceTagsFile {
  changeNumber: number;
  cloud: string;
  values: ServiceTag[];
}

export interface ServiceTag {
  name: string;
  id: string;
  properties: {
    changeNumber: number;
    /** "" for a global tag, the lower-case region name for a regional one. */
    region: string;
    regionId: number;
    platform: string;
    systemService: string;
    addressPrefixes: string[];
    networkFeatures: string[];
  };
}

function globalTag(name: string, systemService: string, addressPrefixes: string[]): ServiceTag {
  return {
    name,
    id: name,
    properties: {
      changeNumber: 1,
      region: "",
      regionId: 0,
      platform: "Azure",
      systemService,
      addressPrefixes,
      networkFeatures: ["API", "NSG", "UDR", "FW"],
    },
  };
}

function regionalTag(tag: string, systemService: string, region: Region, regionId: number, prefix: string): ServiceTag {
  const name = `${tag}.${region.displayName.replace(/\s+/g, "")}`;
  return {
    name,
    id: name,
    properties: {
      changeNumber: 1,
      region: region.name,
      regionId,
      platform: "Azure",
      systemService,
      addressPrefixes: [prefix],
      networkFeatures: ["API", "NSG", "UDR", "FW"],
    },
  };
}

/**
 * Regional sub-tags `<Tag>.<Region>` for every catalog region, each one deterministic
 * block; the global tag lists the union, as in the real file, with its original
 * prefixes first so addresses taken from them (public-endpoints.ts) do not move.
 * Storage's blocks lie inside its existing /16.
 */
const REGIONAL: readonly { tag: string; block: (i: number) => string }[] = [
  { tag: "AzureArcInfrastructure", block: (i) => `20.21.${64 + i}.0/24` },
  { tag: "Storage", block: (i) => `20.60.${128 + 2 * i}.0/23` },
  { tag: "AzureMonitor", block: (i) => `20.43.${64 + i}.0/25` },
  { tag: "AzureKeyVault", block: (i) => `40.80.${i}.0/26` },
  { tag: "ServiceBus", block: (i) => `52.162.${i}.0/26` },
];

function builtIn(): ServiceTagsFile {
  const globals = [
    globalTag("AzureActiveDirectory", "AzureAD", ["20.190.128.0/18", "40.126.0.0/18"]),
    globalTag("AzureResourceManager", "AzureResourceManager", ["20.37.158.0/23", "40.79.131.0/24"]),
    globalTag("AzureArcInfrastructure", "AzureArcInfrastructure", ["20.21.32.0/22"]),
    globalTag("Storage", "AzureStorage", ["20.60.0.0/16"]),
    globalTag("AzureFrontDoor.Frontend", "AzureFrontDoor", ["13.107.246.0/24", "13.107.213.0/24"]),
    globalTag("AzureTrafficManager", "AzureTrafficManager", ["52.173.90.0/26"]),
    globalTag("ServiceBus", "AzureServiceBus", ["52.161.16.0/24"]),
    globalTag("AzureKeyVault", "AzureKeyVault", ["40.79.152.0/24"]),
    globalTag("AzureMonitor", "AzureMonitor", ["20.42.64.0/22"]),
    globalTag("WindowsAdminCenter", "WindowsAdminCenter", ["20.40.224.0/24"]),
  ];
  const values: ServiceTag[] = [];
  for (const g of globals) {
    values.push(g);
    const regional = REGIONAL.find((r) => r.tag === g.name);
    if (!regional) continue;
    REGIONS.forEach((region, i) => {
      const prefix = regional.block(i);
      values.push(regionalTag(g.name, g.properties.systemService, region, i + 1, prefix));
      if (!g.properties.addressPrefixes.includes(prefix) && g.name !== "Storage")
        g.properties.addressPrefixes.push(prefix);
    });
  }
  return { changeNumber: 1, cloud: "Public", values };
}

const BUILT_IN = builtIn();

/** The built-in service tags (one shared value: treat it as immutable). */
export function builtInServiceTags(): ServiceTagsFile {
  return BUILT_IN;
}

let installed: ServiceTagsFile | undefined;

/**
 * @deprecated Transitional: the service tags for worlds that carry no catalog
 * (`catalogOf`), until the system hub puts the loaded file in every snapshot's
 * `World.catalog`. Nothing else reads it; returns the previous one.
 */
export function installServiceTags(file: ServiceTagsFile | undefined): ServiceTagsFile | undefined {
  const previous = installed;
  installed = file;
  return previous;
}

/** @deprecated See `installServiceTags`. */
export function installedServiceTags(): ServiceTagsFile | undefined {
  return installed;
}

/** A tag of a service tags file by name, case-insensitively (`Storage.WestEurope`, `storage.westeurope`). */
export function findServiceTag(name: string, file: ServiceTagsFile): ServiceTag | undefined {
  const wanted = name.toLowerCase();
  return file.values.find((v) => v.name.toLowerCase() === wanted);
}

/** Names of the tags (in file order) whose prefixes contain `address`; [] for an invalid address. */
export function serviceTagsContaining(address: string, file: ServiceTagsFile): string[] {
  if (!ipaddr.isValid(address)) return [];
  const ip = ipaddr.process(address);
  return file.values
    .filter((tag) =>
      tag.properties.addressPrefixes.some((prefix) => {
        const [net, bits] = ipaddr.parseCIDR(prefix);
        return net.kind() === ip.kind() && ip.match(net, bits);
      }),
    )
    .map((tag) => tag.name);
}
