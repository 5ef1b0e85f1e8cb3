import type { Resource } from "../../world/resource.js";
import { DEFAULT_PLACEMENT, envelope, type Placement, topId } from "./resource-ids.js";

/** The `Arclink.OnPremises` types of docs/premises.md, properties passed as written there. */
export function site(name: string, properties: Record<string, unknown>, at: Placement = DEFAULT_PLACEMENT): Resource {
  return envelope(topId(at, "Arclink.OnPremises/sites", name), "Arclink.OnPremises/sites", properties, "onpremises");
}

export function dnsServer(siteId: string, name: string, properties: Record<string, unknown>): Resource {
  return envelope(`${siteId}/dnsServers/${name}`, "Arclink.OnPremises/sites/dnsServers", properties);
}

export function host(siteId: string, name: string, properties: Record<string, unknown>): Resource {
  return envelope(`${siteId}/hosts/${name}`, "Arclink.OnPremises/sites/hosts", properties);
}

export function proxy(siteId: string, name: string, properties: Record<string, unknown>): Resource {
  return envelope(`${siteId}/proxies/${name}`, "Arclink.OnPremises/sites/proxies", properties);
}
