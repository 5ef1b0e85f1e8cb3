import { ArmError } from "../../../rules/index.js";
import { parentId, parseId, type Resource, sameId, type World } from "../../../world/index.js";
import type { TypeHandler } from "../provider.js";
import {
  bodyEtag,
  CHILD_MEMBERS,
  isObject,
  type Json,
  optionalBoolean,
  optionalRef,
  propertiesOf,
  propsPath,
  refuseUnsupported,
} from "./body.js";
import { NETWORK_API_VERSIONS } from "./network-api-versions.js";
import { PEERING_TYPE, VNET_TYPE } from "./network-types.js";

const KNOWN = [
  "remoteVirtualNetwork",
  "allowVirtualNetworkAccess",
  "allowForwardedTraffic",
  "allowGatewayTransit",
  "useRemoteGateways",
  "doNotVerifyRemoteGateways",
  // Read-only.
  "peeringState",
  "peeringSyncLevel",
  "remoteAddressSpace",
  "remoteVirtualNetworkAddressSpace",
  "remoteBgpCommunities",
  "remoteVirtualNetworkEncryption",
  "provisioningState",
  "resourceGuid",
  // Not emulated.
  "peerCompleteVnets",
  "localSubnetNames",
  "remoteSubnetNames",
  "enableOnlyIPv6Peering",
];
const FLAGS = [
  "allowVirtualNetworkAccess",
  "allowForwardedTraffic",
  "allowGatewayTransit",
  "useRemoteGateways",
] as const;

/** Builds a stored peering from a child PUT body or an inline `virtualNetworkPeerings[]` item. */
export function buildPeering(vnetId: string, name: string, body: unknown, path: string, existing?: Resource): Resource {
  if (!isObject(body))
    throw new ArmError("InvalidRequestContent", `The value of '${path}' must be a JSON object.`, path);
  const p = propertiesOf(body, CHILD_MEMBERS, KNOWN, "VirtualNetworkPeering", path);
  const pp = propsPath(path);
  refuseUnsupported(p, ["peerCompleteVnets", "localSubnetNames", "remoteSubnetNames", "enableOnlyIPv6Peering"], pp);
  const remote = optionalRef(p.remoteVirtualNetwork, `${pp}.remoteVirtualNetwork`, VNET_TYPE);
  if (!remote) {
    throw new ArmError(
      "InvalidRequestFormat",
      `Peering '${name}' needs 'remoteVirtualNetwork.id'.`,
      `${pp}.remoteVirtualNetwork`,
    );
  }
  const properties: Json = { remoteVirtualNetwork: { id: remote } };
  for (const flag of FLAGS) {
    properties[flag] = optionalBoolean(p[flag], `${pp}.${flag}`) ?? flag === "allowVirtualNetworkAccess";
  }
  properties.provisioningState = "Succeeded";
  return {
    id: existing?.id ?? `${vnetId}/virtualNetworkPeerings/${name}`,
    name: existing?.name ?? name,
    type: PEERING_TYPE,
    properties,
  };
}

/** Initiated until the remote vnet peers back; Disconnected once the remote is gone [JS-NET peeringState]. */
export function peeringState(world: World, peering: Resource): "Initiated" | "Connected" | "Disconnected" {
  const remoteId = (peering.properties.remoteVirtualNetwork as Json | undefined)?.id as string | undefined;
  const remote = remoteId ? world.get(remoteId) : undefined;
  if (!remote) return "Disconnected";
  const parsed = parseId(peering.id);
  const localId = parsed && parentId(parsed);
  const back = world
    .under(remote.id, PEERING_TYPE)
    .some((b) => sameId((b.properties.remoteVirtualNetwork as Json | undefined)?.id as string, localId));
  return back ? "Connected" : "Initiated";
}

export function peeringView(world: World, r: Resource): Json {
  const remoteId = (r.properties.remoteVirtualNetwork as Json).id as string;
  const remote = world.get(remoteId);
  const space = remote?.properties.addressSpace ?? { addressPrefixes: [] };
  return {
    id: r.id,
    name: r.name,
    etag: bodyEtag(r),
    type: PEERING_TYPE,
    properties: {
      ...r.properties,
      peeringState: peeringState(world, r),
      peeringSyncLevel: "FullyInSync",
      remoteAddressSpace: space,
      remoteVirtualNetworkAddressSpace: space,
    },
  };
}

/** `Microsoft.Network/virtualNetworks/virtualNetworkPeerings` as child resources. */
export const virtualNetworkPeerings: TypeHandler = {
  type: PEERING_TYPE,
  kind: "proxy",
  apiVersions: NETWORK_API_VERSIONS,
  asyncPut: true,
  readOnly: ["properties.provisioningState", "properties.peeringState"],
  put(_ctx, { id, body, existing }) {
    const parsed = parentId(id)!;
    return { resource: buildPeering(parsed, id.name, body, "$", existing) };
  },
  view: (world, r) => peeringView(world, r),
};
