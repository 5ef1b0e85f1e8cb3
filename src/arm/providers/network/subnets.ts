import { parentId } from "../../../world/index.js";
import type { TypeHandler } from "../provider.js";
import { NETWORK_API_VERSIONS } from "./network-api-versions.js";
import { SUBNET_TYPE } from "./network-types.js";
import { buildSubnet } from "./subnet-body.js";
import { subnetView } from "./subnet-view.js";

/**
 * `Microsoft.Network/virtualNetworks/subnets` as child resources [JS-NET]. The same
 * stored resource is what the vnet renders inline, so both views always agree.
 */
export const subnets: TypeHandler = {
  type: SUBNET_TYPE,
  kind: "proxy",
  apiVersions: NETWORK_API_VERSIONS,
  asyncPut: true,
  readOnly: ["properties.provisioningState"],
  put(_ctx, { id, body, existing }) {
    return { resource: buildSubnet(parentId(id)!, id.name, body, "$", existing) };
  },
  view: (world, r) => subnetView(world, r),
};
