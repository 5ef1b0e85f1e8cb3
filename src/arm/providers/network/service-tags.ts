import { ArmError } from "../../../rules/index.js";
import { catalogOf } from "../../../world/catalog/catalog.js";
import type { ServiceTagsFile } from "../../../world/catalog/service-tags.js";
import { findRegion, parseId } from "../../../world/index.js";
import type { TypeHandler } from "../provider.js";
import { NETWORK_API_VERSIONS } from "./network-api-versions.js";
import { SERVICE_TAGS_TYPE } from "./network-types.js";

/**
 * The ARM shape of a service tags file [EX-NET ServiceTagsList, facts §4.5]: change
 * numbers become strings, and `regionId`/`platform`/`networkFeatures` of the download
 * format are dropped, as the API example shows.
 */
export function serviceTagsListBody(subscriptionId: string, file: ServiceTagsFile): Record<string, unknown> {
  const cloud = file.cloud || "Public";
  return {
    name: cloud.toLowerCase(),
    id: `/subscriptions/${subscriptionId}/providers/Microsoft.Network/serviceTags/${cloud.toLowerCase()}`,
    type: "Microsoft.Network/serviceTags",
    changeNumber: String(file.changeNumber),
    cloud,
    values: file.values.map((v) => ({
      name: v.name,
      id: v.id,
      properties: {
        changeNumber: String(v.properties.changeNumber),
        region: v.properties.region,
        systemService: v.properties.systemService,
        addressPrefixes: v.properties.addressPrefixes,
        state: "GA",
      },
    })),
  };
}

/**
 * `GET /subscriptions/{s}/providers/Microsoft.Network/locations/{location}/serviceTags`:
 * the service tags of the world's catalog (built in, or the file of `ARCLINK_SERVICE_TAGS`). The location
 * must be a known region; every region sees the whole public list, as in Azure.
 */
export const serviceTags: TypeHandler = {
  type: SERVICE_TAGS_TYPE,
  kind: "virtual",
  apiVersions: NETWORK_API_VERSIONS,
  collection(ctx, parent) {
    const id = parseId(parent)!;
    if (!findRegion(id.name)) {
      throw new ArmError(
        "LocationNotAvailableForResourceType",
        `The provided location '${id.name}' is not available for resource type 'Microsoft.Network/locations/serviceTags'.`,
        "location",
      );
    }
    return serviceTagsListBody(id.subscriptionId, catalogOf(ctx.world).serviceTags);
  },
};
