import type { Resource } from "../../world/resource.js";
import { DEFAULT_PLACEMENT, envelope, type Placement, topId } from "./resource-ids.js";

export interface SubnetSpec {
  name: string;
  addressPrefix: string;
  networkSecurityGroupId?: string;
  privateEndpointNetworkPolicies?: "Enabled" | "Disabled" | "NetworkSecurityGroupEnabled" | "RouteTableEnabled";
}

/** `Microsoft.Network/virtualNetworks` with embedded subnets, as the REST API returns it [JS-NET]. */
export function virtualNetwork(
  name: string,
  spec: { addressPrefixes: string[]; subnets?: SubnetSpec[]; dnsServers?: string[]; peerWith?: string[] },
  at: Placement = DEFAULT_PLACEMENT,
): Resource {
  const id = topId(at, "Microsoft.Network/virtualNetworks", name);
  return envelope(
    id,
    "Microsoft.Network/virtualNetworks",
    {
      provisioningState: "Succeeded",
      addressSpace: { addressPrefixes: spec.addressPrefixes },
      ...(spec.dnsServers ? { dhcpOptions: { dnsServers: spec.dnsServers } } : {}),
      subnets: (spec.subnets ?? []).map((s) => ({
        id: `${id}/subnets/${s.name}`,
        name: s.name,
        type: "Microsoft.Network/virtualNetworks/subnets",
        properties: {
          addressPrefix: s.addressPrefix,
          ...(s.networkSecurityGroupId ? { networkSecurityGroup: { id: s.networkSecurityGroupId } } : {}),
          privateEndpointNetworkPolicies: s.privateEndpointNetworkPolicies ?? "Disabled",
        },
      })),
      virtualNetworkPeerings: (spec.peerWith ?? []).map((remote, i) => ({
        id: `${id}/virtualNetworkPeerings/peer${i}`,
        name: `peer${i}`,
        properties: { remoteVirtualNetwork: { id: remote }, peeringState: "Connected" },
      })),
    },
    at.location,
  );
}

export interface RuleSpec {
  name: string;
  priority: number;
  direction: "Inbound" | "Outbound";
  access: "Allow" | "Deny";
  protocol?: "Tcp" | "Udp" | "*";
  source?: string;
  destination?: string;
  ports?: string;
}

/** `Microsoft.Network/networkSecurityGroups` with embedded `securityRules` [EX-NET]. */
export function networkSecurityGroup(name: string, rules: RuleSpec[], at: Placement = DEFAULT_PLACEMENT): Resource {
  const id = topId(at, "Microsoft.Network/networkSecurityGroups", name);
  return envelope(
    id,
    "Microsoft.Network/networkSecurityGroups",
    {
      securityRules: rules.map((r) => ({
        id: `${id}/securityRules/${r.name}`,
        name: r.name,
        properties: {
          protocol: r.protocol ?? "*",
          sourcePortRange: "*",
          destinationPortRange: r.ports ?? "*",
          sourceAddressPrefix: r.source ?? "*",
          destinationAddressPrefix: r.destination ?? "*",
          access: r.access,
          priority: r.priority,
          direction: r.direction,
        },
      })),
    },
    at.location,
  );
}

export interface EndpointRecord {
  fqdn: string;
  ip: string;
}

/**
 * A `Microsoft.Network/privateEndpoints` to an Arc scope, group `hybridcompute`, with
 * `ipConfigurations` and `customDnsConfigs` [JS-NET, EX-NET, facts §4.2].
 */
export function privateEndpoint(
  name: string,
  spec: { subnetId: string; scopeId: string; status: string; records: EndpointRecord[] },
  at: Placement = DEFAULT_PLACEMENT,
): Resource {
  return envelope(
    topId(at, "Microsoft.Network/privateEndpoints", name),
    "Microsoft.Network/privateEndpoints",
    {
      subnet: { id: spec.subnetId },
      privateLinkServiceConnections: [
        {
          name,
          properties: {
            privateLinkServiceId: spec.scopeId,
            groupIds: ["hybridcompute"],
            privateLinkServiceConnectionState: { status: spec.status, description: "", actionsRequired: "None" },
          },
        },
      ],
      customDnsConfigs: spec.records.map((r) => ({ fqdn: r.fqdn, ipAddresses: [r.ip] })),
      ipConfigurations: spec.records.map((r) => ({
        name: r.fqdn.split(".")[0],
        properties: { groupId: "hybridcompute", memberName: r.fqdn.split(".")[0], privateIPAddress: r.ip },
      })),
    },
    at.location,
  );
}
