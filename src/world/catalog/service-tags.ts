import ipaddr from "ipaddr.js";

/**
 * A small built-in service tags table in the format of the weekly download file
 * ("Azure IP Ranges and Service Tags – Public Cloud") [ST]: top-level integer
 * `changeNumber` and `cloud`, `values[]` with `properties{changeNumber, region,
 * regionId, platform, systemService, addressPrefixes[], networkFeatures[]}`. The
 * prefixes are public-range but made up for arclink; a user may load the real file
 * in the same shape instead. Tag names are the ones the Arc docs tell customers to
 * allow [DOC-NET, DOC-PL].
 *
 * @example
 * serviceTagsContaining("20.190.128.10") // → ["AzureActiveDirectory"]
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

export const SERVICE_TAGS: ServiceTagsFile = {
  changeNumber: 1,
  cloud: "Public",
  values: [
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
  ],
};

/** Names of the tags (in file order) whose prefixes contain `address`; [] for an invalid address. */
export function serviceTagsContaining(address: string, file: ServiceTagsFile = SERVICE_TAGS): string[] {
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
