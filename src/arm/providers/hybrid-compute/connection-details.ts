import { PRIVATE_ENDPOINT_CONNECTION_TYPE } from "../../../rules/hybrid-compute/index.js";
import { idKey, type Resource, type World } from "../../../world/index.js";
import { HYBRID_COMPUTE_GROUP_ID } from "./private-link-group.js";

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {});
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.map(obj) : []);
const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

/** One `ConnectionDetail` [SPEC-PLS]: absent fields are left out, not invented. */
function detail(peId: string, ip: string, link: string | undefined, groupId?: string, member?: string): Json {
  return {
    id: peId,
    privateIpAddress: ip,
    ...(link ? { linkIdentifier: link } : {}),
    groupId: groupId ?? HYBRID_COMPUTE_GROUP_ID,
    ...(member ? { memberName: member } : {}),
  };
}

/** The addresses of one private endpoint: its `ipConfigurations`, else its `customDnsConfigs` [facts §4.2]. */
function endpointDetails(pe: Resource, link: string | undefined): Json[] {
  const fromConfigs = list(pe.properties.ipConfigurations).flatMap((c) => {
    const p = obj(c.properties);
    const ip = str(p.privateIPAddress);
    return ip ? [detail(pe.id, ip, link, str(p.groupId), str(p.memberName))] : [];
  });
  if (fromConfigs.length > 0) return fromConfigs;
  const seen = new Set<string>();
  const out: Json[] = [];
  for (const c of list(pe.properties.customDnsConfigs)) {
    for (const ip of Array.isArray(c.ipAddresses) ? c.ipAddresses : []) {
      if (typeof ip !== "string" || seen.has(ip)) continue;
      seen.add(ip);
      out.push(detail(pe.id, ip, link));
    }
  }
  return out;
}

/**
 * `connectionDetails` of a scope's validation details [SPEC-PLS, facts §2.4]: one entry
 * per private address of each private endpoint whose connection to the scope is
 * Approved, read from the endpoint resource; an endpoint not (yet) in the world adds none.
 */
export function connectionDetails(world: World, scopeId: string): Json[] {
  return [...world.under(scopeId, PRIVATE_ENDPOINT_CONNECTION_TYPE)]
    .sort((a, b) => (idKey(a.id) < idKey(b.id) ? -1 : 1))
    .filter((c) => obj(c.properties.privateLinkServiceConnectionState).status === "Approved")
    .flatMap((c) => {
      const peId = str(obj(c.properties.privateEndpoint).id);
      const pe = peId ? world.get(peId) : undefined;
      if (!pe) return [];
      const link = str(c.internal?.linkIdentifier) ?? str(pe.properties.resourceGuid);
      return endpointDetails(pe, link);
    });
}
