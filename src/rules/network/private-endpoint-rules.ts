import { arcScopeOf, isArcScopeId } from "../../semantics/model/arc-private-endpoint.js";
import { ARC_GROUP_ID } from "../../world/catalog/arc-private-link.js";
import { idKey, keyOf, sameId } from "../../world/index.js";
import { ArmError } from "../errors.js";
import type { Rule } from "../rule.js";
import { referenceInOtherRegion, referenceNotFound } from "./network-errors.js";
import {
  obj,
  PRIVATE_ENDPOINT_TYPE,
  parentOf,
  peConnections,
  SCOPE_TYPE,
  SUBNET_TYPE,
  typed,
  VNET_TYPE,
} from "./read.js";

export { ARC_GROUP_ID };

function vnetOfEndpoint(world: Parameters<NonNullable<Rule["checkPut"]>>[0], peId: string): string | undefined {
  const pe = world.get(peId);
  const subnetId = pe ? (obj(pe.properties.subnet).id as string | undefined) : undefined;
  return subnetId ? parentOf(subnetId) : undefined;
}

/** The endpoint's subnet exists, and its vnet is in the endpoint's region; the scope may be anywhere [DOC-PL, facts §3.3]. */
export const privateEndpointSubnet: Rule = {
  name: "private-endpoint-subnet",
  source: "DOC-PL",
  types: [PRIVATE_ENDPOINT_TYPE],
  checkPut(after, pe) {
    const subnetId = obj(pe.properties.subnet).id as string | undefined;
    const subnet = typed(after, subnetId, SUBNET_TYPE);
    if (!subnetId || !subnet) return referenceNotFound(subnetId ?? "(none)", pe.id, "properties.subnet.id");
    const vnet = typed(after, parentOf(subnet.id), VNET_TYPE);
    if (vnet?.location && pe.location && vnet.location !== pe.location) {
      return referenceInOtherRegion(vnet.id, vnet.location, pe.id, pe.location, "location");
    }
    return undefined;
  },
};

/** The connection targets an existing Arc scope with the one group id `hybridcompute` [SPEC-PLS, facts §2.3]. */
export const privateEndpointGroupId: Rule = {
  name: "private-endpoint-group-id",
  source: "SPEC-PLS",
  types: [PRIVATE_ENDPOINT_TYPE],
  checkPut(after, pe) {
    for (const c of peConnections(pe)) {
      const list = c.manual ? "manualPrivateLinkServiceConnections" : "privateLinkServiceConnections";
      if (!typed(after, c.scopeId, SCOPE_TYPE)) {
        return referenceNotFound(c.scopeId ?? "(none)", pe.id, `properties.${list}[0].properties.privateLinkServiceId`);
      }
      if (c.groupIds.length > 1) {
        return new ArmError(
          "OnlyOneGroupIdPermitted",
          `Private link service connection ${pe.id}/${list}/${c.name} has the following group Ids: ${c.groupIds.join(", ")}. Only one group Id is permitted when connecting to a first-party resource (${c.scopeId}).`,
          `properties.${list}[0].properties.groupIds`,
        );
      }
      if (c.groupIds[0]?.toLowerCase() !== ARC_GROUP_ID) {
        return new ArmError(
          "InvalidValuesForRequestParameters",
          `Call to Microsoft.HybridCompute/privateLinkScopes failed. Error message: Values for request parameters are invalid: GroupId: '${c.groupIds[0] ?? ""}'. An Azure Arc private link scope has one group id, '${ARC_GROUP_ID}'.`,
          `properties.${list}[0].properties.groupIds`,
        );
      }
    }
    return undefined;
  },
};

/** At most one Arc private link scope per virtual network [DOC-PL, facts §3.1]. */
export const oneScopePerVirtualNetwork: Rule = {
  name: "one-scope-per-virtual-network",
  source: "DOC-PL",
  types: [PRIVATE_ENDPOINT_TYPE],
  checkPut(after, pe) {
    const vnetId = vnetOfEndpoint(after, pe.id);
    // Only an endpoint to an Arc scope takes the vnet's one scope; a key vault's or a
    // storage account's endpoint beside it does not.
    const mine = peConnections(pe)
      .map((c) => c.scopeId)
      .find((id) => id !== undefined && isArcScopeId(id));
    if (!vnetId || !mine) return undefined;
    // Runs on every endpoint write: compare keys computed once, not ids parsed per pair.
    const vnetKey = idKey(vnetId);
    const peKey = keyOf(pe);
    for (const other of after.ofType(PRIVATE_ENDPOINT_TYPE)) {
      const otherSubnet = obj(other.properties.subnet).id as string | undefined;
      if (keyOf(other) === peKey || !otherSubnet) continue;
      // A subnet id's vnet is its id without the last `/subnets/{name}`.
      const cut = otherSubnet.toLowerCase().lastIndexOf("/subnets/");
      if (cut < 0 || idKey(otherSubnet.slice(0, cut)) !== vnetKey) continue;
      const scope = arcScopeOf(after, other.id);
      const theirs = scope && typed(after, scope, SCOPE_TYPE) ? scope : undefined;
      if (theirs && !sameId(theirs, mine)) {
        return new ArmError(
          "OnlyOnePrivateLinkScopePerVirtualNetwork",
          `Private endpoint ${pe.id} cannot connect virtual network ${vnetId} to Azure Arc private link scope ${mine}: private endpoint ${other.id} already connects it to scope ${theirs}, and a virtual network can use only one Azure Arc private link scope.`,
          "properties.privateLinkServiceConnections",
        );
      }
    }
    return undefined;
  },
};
