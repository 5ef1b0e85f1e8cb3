import type { Resource } from "../../world/resource.js";
import { DEFAULT_PLACEMENT, envelope, type Placement, topId } from "./resource-ids.js";

/** `Microsoft.Network/privateDnsZones` (location `global`) [SPEC-PDNS]. */
export function privateDnsZone(name: string, at: Placement = DEFAULT_PLACEMENT): Resource {
  return envelope(
    topId(at, "Microsoft.Network/privateDnsZones", name),
    "Microsoft.Network/privateDnsZones",
    {},
    "global",
  );
}

/** A record set `Microsoft.Network/privateDnsZones/{A|CNAME}` at a relative name [SPEC-PDNS]. */
export function recordSet(
  zoneId: string,
  relativeName: string,
  data: { a?: string[]; cname?: string; ttl?: number },
): Resource {
  const type = data.cname ? "CNAME" : "A";
  const zone = zoneId.split("/").at(-1);
  return envelope(`${zoneId}/${type}/${relativeName}`, `Microsoft.Network/privateDnsZones/${type}`, {
    ttl: data.ttl ?? 10,
    fqdn: `${relativeName === "@" ? "" : `${relativeName}.`}${zone}.`,
    ...(data.cname
      ? { cnameRecord: { cname: data.cname } }
      : { aRecords: (data.a ?? []).map((ipv4Address) => ({ ipv4Address })) }),
  });
}

/** `Microsoft.Network/privateDnsZones/virtualNetworkLinks` [SPEC-PDNS]. */
export function zoneLink(
  zoneId: string,
  name: string,
  virtualNetworkId: string,
  resolutionPolicy: "Default" | "NxDomainRedirect" = "Default",
): Resource {
  return envelope(
    `${zoneId}/virtualNetworkLinks/${name}`,
    "Microsoft.Network/privateDnsZones/virtualNetworkLinks",
    {
      virtualNetwork: { id: virtualNetworkId },
      registrationEnabled: false,
      resolutionPolicy,
      virtualNetworkLinkState: "Completed",
    },
    "global",
  );
}

/** `Microsoft.Network/dnsResolvers` with one inbound endpoint (and optionally an outbound one) [JS-DNSR]. */
export function dnsResolver(
  name: string,
  spec: { virtualNetworkId: string; inbound?: { subnetId: string; ip: string }; outboundSubnetId?: string },
  at: Placement = DEFAULT_PLACEMENT,
): Resource[] {
  const id = topId(at, "Microsoft.Network/dnsResolvers", name);
  const out = [
    envelope(
      id,
      "Microsoft.Network/dnsResolvers",
      { virtualNetwork: { id: spec.virtualNetworkId }, dnsResolverState: "Connected" },
      at.location,
    ),
  ];
  if (spec.inbound) {
    out.push(
      envelope(
        `${id}/inboundEndpoints/inbound`,
        "Microsoft.Network/dnsResolvers/inboundEndpoints",
        {
          ipConfigurations: [
            {
              subnet: { id: spec.inbound.subnetId },
              privateIpAddress: spec.inbound.ip,
              privateIpAllocationMethod: "Static",
            },
          ],
        },
        at.location,
      ),
    );
  }
  if (spec.outboundSubnetId) {
    out.push(
      envelope(
        `${id}/outboundEndpoints/outbound`,
        "Microsoft.Network/dnsResolvers/outboundEndpoints",
        { subnet: { id: spec.outboundSubnetId } },
        at.location,
      ),
    );
  }
  return out;
}

export interface ForwardingRuleSpec {
  name: string;
  /** With the trailing dot, as the API requires. */
  domainName: string;
  targets: string[];
  state?: "Enabled" | "Disabled";
}

/** `Microsoft.Network/dnsForwardingRulesets` with `forwardingRules` and `virtualNetworkLinks` children [JS-DNSR]. */
export function forwardingRuleset(
  name: string,
  spec: { outboundEndpointIds: string[]; rules: ForwardingRuleSpec[]; linkedVirtualNetworkIds: string[] },
  at: Placement = DEFAULT_PLACEMENT,
): Resource[] {
  const id = topId(at, "Microsoft.Network/dnsForwardingRulesets", name);
  return [
    envelope(
      id,
      "Microsoft.Network/dnsForwardingRulesets",
      { dnsResolverOutboundEndpoints: spec.outboundEndpointIds.map((o) => ({ id: o })) },
      at.location,
    ),
    ...spec.rules.map((r) =>
      envelope(`${id}/forwardingRules/${r.name}`, "Microsoft.Network/dnsForwardingRulesets/forwardingRules", {
        domainName: r.domainName,
        targetDnsServers: r.targets.map((ipAddress) => ({ ipAddress, port: 53 })),
        forwardingRuleState: r.state ?? "Enabled",
      }),
    ),
    ...spec.linkedVirtualNetworkIds.map((v, i) =>
      envelope(`${id}/virtualNetworkLinks/link${i}`, "Microsoft.Network/dnsForwardingRulesets/virtualNetworkLinks", {
        virtualNetwork: { id: v },
      }),
    ),
  ];
}
