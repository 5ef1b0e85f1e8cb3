import { ArmError } from "../../../rules/index.js";
import type { Resource } from "../../../world/index.js";
import type { TypeHandler } from "../provider.js";
import type { ArcMember } from "./arc-members.js";
import { bodyEtag, envelope, type Json } from "./body.js";
import { NETWORK_API_VERSIONS } from "./network-api-versions.js";
import { NIC_TYPE } from "./network-types.js";

export interface NicInput {
  id: string;
  location: string;
  privateEndpointId: string;
  subnetId: string;
  groupId: string;
  members: readonly (ArcMember & { address: string; static: boolean })[];
  newGuid(): string;
  existing?: Resource;
}

/**
 * The network interface Azure creates with a private endpoint (`<pe>.nic.<guid>`), one
 * IP configuration per member, each naming its FQDN in `privateLinkConnectionProperties`
 * [EX-NET PrivateEndpointGet, JS-NET NetworkInterfaceIPConfiguration].
 */
export function buildEndpointNic(input: NicInput): Resource {
  const previous = Array.isArray(input.existing?.properties.ipConfigurations)
    ? (input.existing.properties.ipConfigurations as Json[])
    : [];
  const ipConfigurations = input.members.map((m, i) => {
    const name = (previous[i]?.name as string | undefined) ?? `privateEndpointIpConfig.${input.newGuid()}`;
    return {
      name,
      id: `${input.id}/ipConfigurations/${name}`,
      type: "Microsoft.Network/networkInterfaces/ipConfigurations",
      properties: {
        provisioningState: "Succeeded",
        privateIPAddress: m.address,
        privateIPAllocationMethod: m.static ? "Static" : "Dynamic",
        subnet: { id: input.subnetId },
        primary: i === 0,
        privateIPAddressVersion: "IPv4",
        privateLinkConnectionProperties: { groupId: input.groupId, requiredMemberName: m.memberName, fqdns: [m.fqdn] },
      },
    };
  });
  return {
    id: input.id,
    name: input.id.split("/").pop()!,
    type: NIC_TYPE,
    location: input.location,
    tags: {},
    properties: {
      provisioningState: "Succeeded",
      resourceGuid: (input.existing?.properties.resourceGuid as string | undefined) ?? input.newGuid(),
      ipConfigurations,
      dnsSettings: { dnsServers: [], appliedDnsServers: [] },
      macAddress: "",
      enableAcceleratedNetworking: false,
      vnetEncryptionSupported: false,
      enableIPForwarding: false,
      disableTcpStateTracking: false,
      privateEndpoint: { id: input.privateEndpointId },
      nicType: "Standard",
      auxiliaryMode: "None",
      auxiliarySku: "None",
      hostedWorkloads: [],
      tapConfigurations: [],
    },
    internal: { privateEndpointId: input.privateEndpointId },
  };
}

/**
 * `Microsoft.Network/networkInterfaces`: arclink has no virtual machines, so the only
 * NICs are those of private endpoints; they are created and deleted with their
 * endpoint, read here, and refused as direct writes.
 */
export const networkInterfaces: TypeHandler = {
  type: NIC_TYPE,
  kind: "tracked",
  apiVersions: NETWORK_API_VERSIONS,
  put(_ctx, { id }) {
    throw new ArmError(
      "MethodNotAllowed",
      `Network interface '${id.name}' cannot be created or changed directly: arclink makes network interfaces only as part of a private endpoint (Microsoft.Network/privateEndpoints).`,
    );
  },
  view(_world, r) {
    const etag = bodyEtag(r);
    const configs = (r.properties.ipConfigurations as Json[]).map((c) => ({ ...c, etag }));
    return envelope(r, { ...r.properties, ipConfigurations: configs });
  },
};
