import { parentId } from "../../../world/index.js";
import type { TypeHandler } from "../provider.js";
import { NETWORK_API_VERSIONS } from "./network-api-versions.js";
import { securityRuleView } from "./network-security-groups.js";
import { SECURITY_RULE_TYPE } from "./network-types.js";
import { buildSecurityRule } from "./security-rule-body.js";

/** `Microsoft.Network/networkSecurityGroups/securityRules` as child resources [JS-NET]. */
export const securityRules: TypeHandler = {
  type: SECURITY_RULE_TYPE,
  kind: "proxy",
  apiVersions: NETWORK_API_VERSIONS,
  asyncPut: true,
  readOnly: ["properties.provisioningState"],
  put(_ctx, { id, body, existing }) {
    return { resource: buildSecurityRule(parentId(id)!, id.name, body, "$", existing) };
  },
  view: (_world, r) => securityRuleView(r),
};
