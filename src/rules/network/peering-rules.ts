import { overlaps, type Prefix, parsePrefix } from "../../semantics/net/cidr.js";
import { ArmError } from "../errors.js";
import type { Rule } from "../rule.js";
import { referenceNotFound } from "./network-errors.js";
import { obj, PEERING_TYPE, parentOf, typed, VNET_TYPE, vnetPrefixes } from "./read.js";

function space(prefixes: string[]): Prefix[] {
  return prefixes.flatMap((t) => {
    const p = parsePrefix(t);
    return p.ok ? [p.prefix] : [];
  });
}

/** The remote vnet exists and the two address spaces do not overlap [Azure VnetAddressSpacesOverlap]. */
export const peeringRemote: Rule = {
  name: "peering-remote",
  source: "JS-NET",
  types: [PEERING_TYPE],
  checkPut(after, peering) {
    const remoteId = obj(peering.properties.remoteVirtualNetwork).id as string | undefined;
    const remote = typed(after, remoteId, VNET_TYPE);
    if (!remote) return referenceNotFound(remoteId ?? "(none)", peering.id, "properties.remoteVirtualNetwork.id");
    const local = typed(after, parentOf(peering.id), VNET_TYPE);
    if (!local) return undefined;
    for (const a of space(vnetPrefixes(local))) {
      const b = space(vnetPrefixes(remote)).find((x) => overlaps(a, x));
      if (b) {
        return new ArmError(
          "VnetAddressSpacesOverlap",
          `Cannot create or update peering ${peering.id} because the address space ${b.text} of remote virtual network ${remote.id} overlaps with the address space ${a.text} of virtual network ${local.id}.`,
          "properties.remoteVirtualNetwork.id",
        );
      }
    }
    return undefined;
  },
};
