import { ArmError } from "../../../rules/index.js";
import { isIPv4 } from "../../../semantics/net/cidr.js";
import type { Resource, World } from "../../../world/index.js";
import type { TypeHandler } from "../provider.js";
import {
  checkMembers,
  envelope,
  type Json,
  optionalBoolean,
  optionalEnum,
  propertiesOf,
  refuseUnsupported,
  stringArray,
  TRACKED_MEMBERS,
} from "./body.js";
import { syncInlineChildren } from "./inline-children.js";
import { NETWORK_API_VERSIONS } from "./network-api-versions.js";
import { PEERING_TYPE, SUBNET_TYPE, VNET_TYPE } from "./network-types.js";
import { buildPeering, peeringView } from "./peerings.js";
import { buildSubnet } from "./subnet-body.js";
import { subnetView } from "./subnet-view.js";

const KNOWN = [
  "addressSpace",
  "dhcpOptions",
  "subnets",
  "virtualNetworkPeerings",
  "enableDdosProtection",
  "enableVmProtection",
  "privateEndpointVNetPolicies",
  "flowTimeoutInMinutes",
  "encryption",
  "provisioningState",
  "resourceGuid",
  "ddosProtectionPlan",
  "bgpCommunities",
  "ipAllocations",
  "summarizedGatewayPrefixes",
];
const UNSUPPORTED = ["ddosProtectionPlan", "bgpCommunities", "ipAllocations", "summarizedGatewayPrefixes"];

/**
 * `Microsoft.Network/virtualNetworks` [JS-NET, facts §4.1]: address space, custom DNS
 * servers (`dhcpOptions.dnsServers`), and subnets and peerings both inline and as
 * child resources (see inline-children.ts). Address rules live in src/rules/network.
 */
export const virtualNetworks: TypeHandler = {
  type: VNET_TYPE,
  kind: "tracked",
  apiVersions: NETWORK_API_VERSIONS,
  asyncPut: true,
  readOnly: ["properties.provisioningState", "properties.resourceGuid"],
  put(ctx, { id, body, existing }) {
    const p = propertiesOf(body, TRACKED_MEMBERS, KNOWN, "VirtualNetwork");
    refuseUnsupported(p, UNSUPPORTED, "properties");
    checkMembers(
      p.addressSpace,
      ["addressPrefixes", "ipamPoolPrefixAllocations"],
      "AddressSpace",
      "properties.addressSpace",
    );
    const addressPrefixes = stringArray(
      (p.addressSpace as Json | undefined)?.addressPrefixes,
      "properties.addressSpace.addressPrefixes",
    );
    if (!addressPrefixes?.length) {
      throw new ArmError(
        "InvalidRequestFormat",
        `Virtual network '${id.name}' has no address space: set 'properties.addressSpace.addressPrefixes'.`,
        "properties.addressSpace.addressPrefixes",
      );
    }
    checkMembers(p.dhcpOptions, ["dnsServers"], "DhcpOptions", "properties.dhcpOptions");
    const dnsServers =
      stringArray((p.dhcpOptions as Json | undefined)?.dnsServers, "properties.dhcpOptions.dnsServers") ?? [];
    for (const [i, server] of dnsServers.entries()) {
      if (!isIPv4(server)) {
        throw new ArmError(
          "InvalidParameter",
          `The DNS server '${server}' of virtual network '${id.name}' is not a valid IPv4 address.`,
          `properties.dhcpOptions.dnsServers[${i}]`,
        );
      }
    }
    const subnets = syncInlineChildren(
      ctx.world,
      ctx,
      id.id,
      SUBNET_TYPE,
      p.subnets,
      "properties.subnets",
      (name, item, path, prev) => buildSubnet(id.id, name, item, path, prev),
    );
    const peerings = syncInlineChildren(
      ctx.world,
      ctx,
      id.id,
      PEERING_TYPE,
      p.virtualNetworkPeerings,
      "properties.virtualNetworkPeerings",
      (name, item, path, prev) => buildPeering(id.id, name, item, path, prev),
    );
    const resource: Resource = {
      id: id.id,
      name: id.name,
      type: VNET_TYPE,
      properties: {
        addressSpace: { addressPrefixes },
        dhcpOptions: { dnsServers },
        enableDdosProtection: optionalBoolean(p.enableDdosProtection, "properties.enableDdosProtection") ?? false,
        ...(p.enableVmProtection !== undefined
          ? { enableVmProtection: optionalBoolean(p.enableVmProtection, "properties.enableVmProtection") }
          : {}),
        privateEndpointVNetPolicies:
          optionalEnum(
            p.privateEndpointVNetPolicies,
            ["Disabled", "Basic"],
            "properties.privateEndpointVNetPolicies",
          ) ?? "Disabled",
        ...(p.flowTimeoutInMinutes !== undefined ? { flowTimeoutInMinutes: p.flowTimeoutInMinutes } : {}),
        ...(p.encryption !== undefined ? { encryption: p.encryption } : {}),
        resourceGuid: (existing?.properties.resourceGuid as string | undefined) ?? ctx.newGuid(),
        provisioningState: "Succeeded",
      },
    };
    return {
      resource,
      effects: { puts: [...subnets.puts, ...peerings.puts], deletes: [...subnets.deletes, ...peerings.deletes] },
    };
  },
  view(world, r) {
    return envelope(r, virtualNetworkProperties(world, r));
  },
};

/** The vnet's properties with its subnets and peerings rendered inline. */
export function virtualNetworkProperties(world: World, r: Resource): Json {
  const { resourceGuid, provisioningState, ...rest } = r.properties;
  return {
    provisioningState,
    resourceGuid,
    ...rest,
    subnets: world.under(r.id, SUBNET_TYPE).map((s) => subnetView(world, s)),
    virtualNetworkPeerings: world.under(r.id, PEERING_TYPE).map((x) => peeringView(world, x)),
  };
}
