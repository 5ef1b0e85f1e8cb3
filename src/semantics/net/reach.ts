import type { World } from "../../world/world.js";
import type { Subnet, VirtualNetwork } from "../model/network.js";
import { allPrivateEndpoints, peersOf, readVirtualNetwork } from "../model/network.js";
import { answersOnlyInsideAzure, inAnyPrefix, isAddress, isPublicAddress } from "./cidr.js";
import { evaluateEgressFirewall } from "./egress-firewall.js";
import { evaluateNsg } from "./nsg.js";
import type { NetStep, Protocol, ReachResult, Source } from "./reach-types.js";
import { findInVnets, type Located, locate, sitesReachingVnet, vnetsReachableFromSite } from "./topology.js";

export interface ReachOptions {
  /** The host name the client asked for, matched by FQDN firewall rules. */
  requestedName?: string;
}

/** NSGs apply to a private endpoint only when its subnet's network policies say so [facts §4.1, §3.13]. */
function nsgAppliesTo(world: World, subnet: Subnet, address: string): boolean {
  const policy = subnet.privateEndpointNetworkPolicies;
  if (policy === "Enabled" || policy === "NetworkSecurityGroupEnabled") return true;
  return !allPrivateEndpoints(world).some(
    (pe) => pe.addresses.includes(address) && pe.subnetId?.toLowerCase() === subnet.id.toLowerCase(),
  );
}

function deliverIntoVnet(
  world: World,
  trace: NetStep[],
  target: { vnet: VirtualNetwork; subnet?: Subnet },
  from: string,
  to: string,
  port: number,
  protocol: Protocol,
): ReachResult {
  const { vnet, subnet } = target;
  const place = { kind: "virtual-network", virtualNetworkId: vnet.id, subnetId: subnet?.id } as const;
  if (!subnet) {
    trace.push({ kind: "no-route", detail: `${to} lies in "${vnet.id}" but in none of its subnets` });
    return { disposition: "NO_ROUTE", trace };
  }
  if (subnet.networkSecurityGroupId && !nsgAppliesTo(world, subnet, to)) {
    trace.push({
      kind: "nsg-not-applied",
      detail: `${to} is a private endpoint in "${subnet.id}", whose privateEndpointNetworkPolicies is ${subnet.privateEndpointNetworkPolicies}`,
    });
  } else if (subnet.networkSecurityGroupId) {
    const flow = {
      direction: "Inbound",
      virtualNetworkId: vnet.id,
      sourceAddress: from,
      destinationAddress: to,
      port,
      protocol,
    } as const;
    const verdict = evaluateNsg(world, subnet.networkSecurityGroupId, flow);
    trace.push(verdict.step);
    if (!verdict.allowed) return { disposition: "BLOCKED_BY_NSG", trace };
  }
  trace.push({ kind: "delivered", detail: `delivered to ${to} in "${subnet.id}"` });
  return { disposition: "DELIVERED", place, trace };
}

function fromSite(
  world: World,
  at: Extract<Located, { kind: "site" }>,
  to: string,
  port: number,
  protocol: Protocol,
  options: ReachOptions,
): ReachResult {
  const trace: NetStep[] = [{ kind: "source", detail: `from ${at.address} ("${at.label}") in site "${at.site.id}"` }];
  if (inAnyPrefix(to, at.site.addressPrefixes)) {
    trace.push({ kind: "same-site", detail: `${to} is inside site "${at.site.id}"` });
    return { disposition: "DELIVERED", place: { kind: "site", siteId: at.site.id }, trace };
  }
  const reachable = vnetsReachableFromSite(world, at.site);
  const hit = findInVnets(
    reachable.map((r) => r.vnet),
    to,
  );
  if (hit) {
    const via = reachable.find((r) => r.vnet.id === hit.vnet.id)!.via;
    trace.push({ kind: "site-connection", detail: `${to} is in "${hit.vnet.id}", reached over ${via}` });
    return deliverIntoVnet(world, trace, hit, at.address, to, port, protocol);
  }
  if (!isPublicAddress(to)) {
    const elsewhere = findInVnets(
      world
        .ofType("Microsoft.Network/virtualNetworks")
        .map((r) => readVirtualNetwork(world, r.id)!)
        .sort((a, b) => (a.id.toLowerCase() < b.id.toLowerCase() ? -1 : 1)),
      to,
    );
    const why = elsewhere
      ? `${to} is in "${elsewhere.vnet.id}", which site "${at.site.id}" has no connection to`
      : `no route to private address ${to}`;
    trace.push({ kind: "no-route", detail: why });
    return { disposition: "NO_ROUTE", trace };
  }
  if (!at.site.internetAccess) {
    trace.push({ kind: "internet-access", detail: `site "${at.site.id}" has no internet access` });
    return { disposition: "NO_INTERNET", trace };
  }
  const verdict = evaluateEgressFirewall(world, at.site, {
    sourceAddress: at.address,
    destinationAddress: to,
    port,
    protocol,
    requestedName: options.requestedName,
  });
  trace.push(verdict.step);
  if (!verdict.allowed) return { disposition: "BLOCKED_BY_FIREWALL", trace };
  trace.push({ kind: "delivered", detail: `delivered to ${to} on the internet` });
  return { disposition: "DELIVERED", place: { kind: "internet" }, trace };
}

function fromVnet(
  world: World,
  at: Extract<Located, { kind: "virtual-network" }>,
  to: string,
  port: number,
  protocol: Protocol,
): ReachResult {
  const trace: NetStep[] = [{ kind: "source", detail: `from ${at.address} in "${at.subnet?.id ?? at.vnet.id}"` }];
  if (at.subnet?.networkSecurityGroupId) {
    const flow = {
      direction: "Outbound",
      virtualNetworkId: at.vnet.id,
      sourceAddress: at.address,
      destinationAddress: to,
      port,
      protocol,
    } as const;
    const verdict = evaluateNsg(world, at.subnet.networkSecurityGroupId, flow);
    trace.push(verdict.step);
    if (!verdict.allowed) return { disposition: "BLOCKED_BY_NSG", trace };
  }
  if (answersOnlyInsideAzure(to)) {
    trace.push({ kind: "azure-platform", detail: `${to} is the Azure platform address of "${at.vnet.id}"` });
    return { disposition: "DELIVERED", place: { kind: "azure-platform", virtualNetworkId: at.vnet.id }, trace };
  }
  const candidates = [at.vnet, ...peersOf(world, at.vnet.id).flatMap((id) => readVirtualNetwork(world, id) ?? [])];
  const hit = findInVnets(candidates, to);
  if (hit) {
    if (hit.vnet.id !== at.vnet.id) trace.push({ kind: "peering", detail: `${to} is in peered "${hit.vnet.id}"` });
    return deliverIntoVnet(world, trace, hit, at.address, to, port, protocol);
  }
  const site = sitesReachingVnet(world, at.vnet.id).find((s) => inAnyPrefix(to, s.addressPrefixes));
  if (site) {
    // The egress firewall guards the internet breakout only, not VPN/ExpressRoute (premises.md).
    trace.push({ kind: "site-connection", detail: `${to} is in site "${site.id}", connected to "${at.vnet.id}"` });
    return { disposition: "DELIVERED", place: { kind: "site", siteId: site.id }, trace };
  }
  if (isPublicAddress(to)) {
    trace.push({ kind: "delivered", detail: `delivered to ${to} on the internet through Azure's outbound access` });
    return { disposition: "DELIVERED", place: { kind: "internet" }, trace };
  }
  trace.push({ kind: "no-route", detail: `no route from "${at.vnet.id}" to ${to}` });
  return { disposition: "NO_ROUTE", trace };
}

/**
 * Whether a packet from `from` reaches `toAddress:port`, and why.
 *
 * @example
 * reach(world, { kind: "premises", id: hostId }, "10.10.1.4", 443, "Tcp", now).disposition // "DELIVERED"
 */
export function reach(
  world: World,
  from: Source,
  toAddress: string,
  port: number,
  protocol: Protocol,
  _now: Date,
  options: ReachOptions = {},
): ReachResult {
  const at = locate(world, from);
  if (!at)
    return {
      disposition: "NO_ROUTE",
      trace: [{ kind: "no-route", detail: `source ${JSON.stringify(from)} is not in the world` }],
    };
  if (!isAddress(toAddress))
    return { disposition: "NO_ROUTE", trace: [{ kind: "no-route", detail: `"${toAddress}" is not an IP address` }] };
  return at.kind === "site"
    ? fromSite(world, at, toAddress, port, protocol, options)
    : fromVnet(world, at, toAddress, port, protocol);
}
