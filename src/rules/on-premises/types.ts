import { RESOURCE_TYPES } from "../../world/resource-types.js";

/** Resource types of the customer's premises (docs/premises.md). */
export const SITE_TYPE = RESOURCE_TYPES.site;
export const DNS_SERVER_TYPE = RESOURCE_TYPES.siteDnsServer;
export const PROXY_TYPE = RESOURCE_TYPES.siteProxy;
export const HOST_TYPE = RESOURCE_TYPES.siteHost;
export const SITE_CHILD_TYPES = [DNS_SERVER_TYPE, PROXY_TYPE, HOST_TYPE] as const;
export const VNET_TYPE = RESOURCE_TYPES.virtualNetwork;

type Json = Record<string, unknown>;

/** `properties.addressSpace.addressPrefixes` of a site or vnet. */
export function addressPrefixes(props: Json): string[] {
  const space = (props.addressSpace ?? {}) as Json;
  return Array.isArray(space.addressPrefixes)
    ? space.addressPrefixes.filter((p): p is string => typeof p === "string")
    : [];
}

/** The vnet ids a site connects to. */
export function connectedVnetIds(site: { properties: Json }): string[] {
  const list = Array.isArray(site.properties.connections) ? site.properties.connections : [];
  return list.flatMap((c) => {
    const id = ((c as Json)?.virtualNetwork as Json | undefined)?.id;
    return typeof id === "string" ? [id] : [];
  });
}

export function parentOf(id: string): string {
  return id.split("/").slice(0, -2).join("/");
}
