import { arcPrivateLinkNames, idKey, parseId, RESOURCE_TYPES, typeKey } from "../../world/index.js";
import type { ImportLog } from "../import-log.js";
import type { ImportedEntry } from "../imported-entry.js";
import { isObject, type Json, member, text } from "../json-text.js";
import { arr, body, objects } from "./pick.js";
import type { RawResource } from "./raw-resource.js";

/** What the rest of the export says about private endpoints. */
export interface EndpointContext {
  /** Scope id key → location. */
  scopeLocations: Map<string, string>;
  /** Private endpoint id key → fqdn (lower case) → address, from its NICs [JS-NET NetworkInterfaceIPConfigurationPrivateLinkConnectionProperties]. */
  nicAddresses: Map<string, Map<string, string>>;
  /** Private endpoint id key → connection status on the scope [SPEC-PLS privateEndpointConnections]. */
  scopeStatus: Map<string, string>;
}

/** Addresses a private endpoint's NIC holds, by FQDN. */
export function nicAddresses(nic: RawResource): { endpointId?: string; byFqdn: Map<string, string> } {
  const endpoint = isObject(nic.properties.privateEndpoint) ? text(nic.properties.privateEndpoint.id) : undefined;
  const byFqdn = new Map<string, string>();
  for (const c of objects(nic.properties.ipConfigurations)) {
    const p = isObject(c.properties) ? c.properties : c;
    const address = text(member(p, "privateIPAddress"));
    const link = member(p, "privateLinkConnectionProperties");
    if (!address || !isObject(link)) continue;
    for (const f of arr(link.fqdns)) if (typeof f === "string") byFqdn.set(f.toLowerCase(), address);
  }
  return { endpointId: endpoint, byFqdn };
}

interface Connection {
  name: string;
  scopeId: string;
  groupIds: unknown[];
  status?: string;
}

function connections(p: Json): Connection[] {
  return [...objects(p.privateLinkServiceConnections), ...objects(p.manualPrivateLinkServiceConnections)].map((c) => {
    const cp = isObject(c.properties) ? c.properties : c;
    const state = isObject(cp.privateLinkServiceConnectionState) ? cp.privateLinkServiceConnectionState : {};
    return {
      name: text(c.name) ?? "",
      scopeId: text(cp.privateLinkServiceId) ?? "",
      groupIds: arr(cp.groupIds),
      status: text(state.status),
    };
  });
}

/**
 * A private endpoint to an Arc private link scope, with each address it had pinned as a
 * static `ipConfigurations` entry (member of the scope's region [facts §8]), so the world
 * keeps the addresses the estate uses. Approved connections are automatic; any other
 * status makes the connection manual (Pending). Endpoints to other services are set aside:
 * arclink emulates private endpoints to Arc scopes only.
 */
export function privateEndpointEntry(pe: RawResource, ctx: EndpointContext, log: ImportLog): ImportedEntry | undefined {
  const p = pe.properties;
  const all = connections(p);
  const arc = all.filter((c) => typeKey(parseId(c.scopeId)?.type ?? "") === typeKey(RESOURCE_TYPES.privateLinkScope));
  if (all.length !== 1 || arc.length !== 1) {
    log.aside(
      pe.file,
      pe.line,
      pe.id,
      all.length === 1
        ? `its target '${all[0].scopeId}' is not an Azure Arc private link scope: arclink emulates private endpoints to Arc scopes only`
        : `it has ${all.length} connections; arclink emulates endpoints with exactly one`,
    );
    return undefined;
  }
  const c = arc[0];
  const status = ctx.scopeStatus.get(idKey(pe.id)) ?? c.status ?? "Approved";
  if (status !== "Approved" && status !== "Pending") {
    log.assume(
      `${pe.id}: connection status`,
      `'Pending' (the export says '${status}')`,
      "approve or delete the connection on the scope in Azure, then export again",
    );
  }
  const addresses = new Map<string, string>(ctx.nicAddresses.get(idKey(pe.id)) ?? []);
  for (const d of objects(p.customDnsConfigs)) {
    const ip = arr(d.ipAddresses).find((x) => typeof x === "string") as string | undefined;
    if (typeof d.fqdn === "string" && ip) addresses.set(d.fqdn.toLowerCase(), ip);
  }
  const location = ctx.scopeLocations.get(idKey(c.scopeId));
  if (!location) {
    log.assume(
      `${pe.id}: region of scope '${c.scopeId}'`,
      `'${pe.location}' (the endpoint's; the scope is not in the exports)`,
      "export the private link scope too",
    );
  }
  const members = arcPrivateLinkNames(location ?? pe.location ?? "");
  const ipConfigurations: Json[] = [];
  for (const m of members) {
    const address = addresses.get(m.fqdn.toLowerCase());
    if (!address) continue;
    ipConfigurations.push({
      name: `ipconfig-${m.member}`,
      properties: { groupId: "hybridcompute", memberName: m.member, privateIPAddress: address },
    });
    addresses.delete(m.fqdn.toLowerCase());
  }
  if (ipConfigurations.length === 0 && members.length > 0) {
    log.assume(
      `${pe.id}: addresses`,
      "allocated from the subnet (the export has no customDnsConfigs or NIC addresses)",
      "export the endpoint with `az network private-endpoint show` or its NIC",
    );
  }
  for (const fqdn of addresses.keys()) {
    log.aside(
      pe.file,
      pe.line,
      `${pe.id}: address of '${fqdn}'`,
      `not a name of the scope's region '${location ?? pe.location}' [facts §8]`,
    );
  }
  const approved = status === "Approved";
  const connection = {
    name: c.name || "connection",
    properties: { privateLinkServiceId: c.scopeId, groupIds: c.groupIds.length > 0 ? c.groupIds : ["hybridcompute"] },
  };
  const subnet = isObject(p.subnet) && typeof p.subnet.id === "string" ? { id: p.subnet.id } : undefined;
  return {
    id: pe.id,
    body: body(pe, {
      ...(subnet ? { subnet } : {}),
      [approved ? "privateLinkServiceConnections" : "manualPrivateLinkServiceConnections"]: [connection],
      ...(ipConfigurations.length > 0 ? { ipConfigurations } : {}),
    }),
    file: pe.file,
    line: pe.line,
  };
}

/** A private DNS zone group: the zones it writes the endpoint's records into [POL-DNS]. */
export function zoneGroupEntry(g: RawResource): ImportedEntry {
  const privateDnsZoneConfigs = objects(g.properties.privateDnsZoneConfigs).map((c) => {
    const cp = isObject(c.properties) ? c.properties : c;
    return { name: text(c.name) ?? "", properties: { privateDnsZoneId: text(cp.privateDnsZoneId) ?? "" } };
  });
  return { id: g.id, body: { properties: { privateDnsZoneConfigs } }, file: g.file, line: g.line };
}
