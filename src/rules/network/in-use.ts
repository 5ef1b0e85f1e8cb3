import { sameId } from "../../world/index.js";
import { ArmError } from "../errors.js";
import type { Rule } from "../rule.js";
import { NIC_TYPE, NSG_TYPE, obj, SUBNET_TYPE, subnetUsers } from "./read.js";

/** A subnet holding endpoints' addresses cannot be deleted, alone or with its vnet [Azure InUseSubnetCannotBeDeleted]. */
export const subnetInUse: Rule = {
  name: "subnet-in-use",
  source: "JS-NET",
  types: [SUBNET_TYPE],
  checkDelete(_before, after, subnet) {
    const users = subnetUsers(after, subnet.id);
    if (users.length === 0) return undefined;
    return new ArmError(
      "InUseSubnetCannotBeDeleted",
      `Subnet ${subnet.name} is in use by ${users[0]} and cannot be deleted. In order to delete the subnet, delete all the resources within the subnet. See aka.ms/deletesubnet.`,
    );
  },
};

/** An NSG associated with a subnet cannot be deleted [Azure InUseNetworkSecurityGroupCannotBeDeleted]. */
export const nsgInUse: Rule = {
  name: "nsg-in-use",
  source: "JS-NET",
  types: [NSG_TYPE],
  checkDelete(_before, after, nsg) {
    const users = after
      .ofType(SUBNET_TYPE)
      .filter((s) => sameId(obj(s.properties.networkSecurityGroup).id as string | undefined, nsg.id))
      .map((s) => s.id);
    if (users.length === 0) return undefined;
    return new ArmError(
      "InUseNetworkSecurityGroupCannotBeDeleted",
      `Network security group ${nsg.id} cannot be deleted because it is in use by the following resources: ${users.join(", ")}. In order to delete the Network security group, remove the association with the resource(s).`,
    );
  },
};

/** A private endpoint's NIC goes only with its endpoint [Azure NicInUse]. */
export const nicInUse: Rule = {
  name: "nic-in-use",
  source: "JS-NET",
  types: [NIC_TYPE],
  checkDelete(_before, after, nic) {
    const owner = nic.internal?.privateEndpointId as string | undefined;
    if (!owner || !after.get(owner)) return undefined;
    return new ArmError(
      "NicInUse",
      `Network Interface ${nic.id} is used by existing resource ${owner}. In order to delete the network interface, delete the private endpoint.`,
    );
  },
};
