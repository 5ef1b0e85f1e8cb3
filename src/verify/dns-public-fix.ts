import { ARC_ZONES } from "../world/catalog/arc-private-link.js";
import type { EndpointVerdict } from "./verdict-types.js";

const last = (id: string) => id.split("/").at(-1) ?? id;

/**
 * The fix for an Arc name that resolved publicly, read from where its resolution went
 * public (the DNS trace): a resolver in a vnet the privatelink zone is not linked to → link
 * it; an on-premises DNS server that recursed to the internet → a conditional forwarder;
 * undefined when the trace says neither (the catalogue's fix then lists every option).
 *
 * @example
 * publicResolutionFix(row) // 'Add a conditional forwarder for "his.arc.azure.com" on DNS server "dc01" …'
 */
export function publicResolutionFix(v: EndpointVerdict): string | undefined {
  const steps = v.trace.resolve?.value.trace ?? [];
  const zone = ARC_ZONES.find((z) => v.endpoint.endsWith(`.${z.publicZone}`));
  if (!zone) return undefined;
  const { publicZone, privateZone } = zone;
  const wentPublic = steps.find((s) => s.kind === "public-lookup");
  if (!wentPublic) return undefined;
  if (/\/virtualnetworks\//i.test(wentPublic.at)) {
    return (
      `Link the private DNS zone ${privateZone} to virtual network "${last(wentPublic.at)}" (a virtualNetworkLink), ` +
      "where the resolver that answers the Arc names asks Azure DNS; don't open the firewall to the public endpoint."
    );
  }
  if (/\/dnsservers\//i.test(wentPublic.at) && !steps.some((s) => s.kind === "conditional-forwarder")) {
    return (
      `Add a conditional forwarder for "${publicZone}" (the public zone name) on DNS server "${last(wentPublic.at)}" ` +
      "to the DNS Private Resolver inbound endpoint of the vnet the privatelink zones are linked to, or put the " +
      "private endpoint addresses in the host's hosts file (arclink generate hosts); don't open the firewall to the " +
      "public endpoint."
    );
  }
  return undefined;
}
