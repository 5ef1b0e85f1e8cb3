import { ArmError } from "../errors.js";
import type { Rule } from "../rule.js";
import { referenceNotFound } from "./network-errors.js";
import { NSG_TYPE, obj, parentOf, SUBNET_TYPE, typed, VNET_TYPE } from "./read.js";

/** A subnet's NSG must exist and be in the vnet's region [Azure InvalidResourceReference]. */
export const subnetNsgReference: Rule = {
  name: "subnet-nsg-reference",
  source: "JS-NET",
  types: [SUBNET_TYPE],
  checkPut(after, subnet) {
    const nsgId = obj(subnet.properties.networkSecurityGroup).id as string | undefined;
    if (!nsgId) return undefined;
    const nsg = typed(after, nsgId, NSG_TYPE);
    if (!nsg) return referenceNotFound(nsgId, subnet.id, "properties.networkSecurityGroup.id");
    const vnet = typed(after, parentOf(subnet.id), VNET_TYPE);
    if (vnet?.location && nsg.location && vnet.location !== nsg.location) {
      return new ArmError(
        "InvalidResourceReference",
        `Network security group ${nsg.id} in region '${nsg.location}' cannot be associated with subnet ${subnet.id} of a virtual network in region '${vnet.location}': both resources must be in the same region.`,
        "properties.networkSecurityGroup.id",
      );
    }
    return undefined;
  },
};
