import { type ArcName, arcName, canonicalName, isArcScopeId } from "../semantics/model/index.js";
import { list, obj, str, strings } from "../semantics/model/read-json.js";
import { idKey, parentId, parseId, sameId } from "../world/arm-id.js";
import { ARC_ZONES } from "../world/catalog/arc-private-link.js";
import type { Resource } from "../world/resource.js";
import { RESOURCE_TYPES } from "../world/resource-types.js";
import type { World } from "../world/world.js";
import { GENERATE_ERRORS, GenerateError } from "./errors.js";
import { findResource } from "./lookup.js";

export const PRIVATE_ENDPOINT_TYPE = RESOURCE_TYPES.privateEndpoint;
export const SCOPE_TYPE = RESOURCE_TYPES.privateLinkScope;
const ZONE_GROUP_TYPE = RESOURCE_TYPES.privateDnsZoneGroup;

/** One line of the portal's "DNS configuration" page of a private endpoint. */
export interface DnsEntry extends ArcName {
  ipAddresses: string[];
  /** Where the pair was read: the endpoint's `customDnsConfigs`, or a DNS zone group's record sets. */
  source: "customDnsConfigs" | "privateDnsZoneGroup";
}

/**
 * A private endpoint to an Arc private link scope, read for the generators: its Arc
 * names and addresses, its scope and where it sits.
 */
export interface ArcEndpoint {
  id: string;
  name: string;
  location?: string;
  virtualNetworkId?: string;
  scopeId: string;
  /** The scope resource, when the world holds it. */
  scope?: Resource;
  /** `privateLinkServiceConnectionState.status` of the connection to the scope. */
  connectionStatus?: string;
  /** Arc names in zone order, then by name. */
  entries: DnsEntry[];
  /** FQDNs the endpoint publishes that are not under an Arc zone (kept out of every output). */
  otherFqdns: string[];
  warnings: string[];
}

function vnetOf(subnetId: string | undefined): string | undefined {
  const parsed = subnetId ? parseId(subnetId) : undefined;
  return parsed ? parentId(parsed) : undefined;
}

/** The scope connections of a private endpoint, auto-approved and manual [JS-NET, facts §4.2]. */
function connections(pe: Resource) {
  return [
    ...list(pe.properties.privateLinkServiceConnections),
    ...list(pe.properties.manualPrivateLinkServiceConnections),
  ]
    .map((c) => obj(c.properties))
    .map((p) => ({
      targetId: str(p.privateLinkServiceId) ?? "",
      status: str(obj(p.privateLinkServiceConnectionState).status),
    }));
}

/** True when the private endpoint connects to an Arc private link scope. */
export function isArcEndpoint(pe: Resource): boolean {
  return connections(pe).some((c) => isArcScopeId(c.targetId));
}

/**
 * FQDN/address pairs from `customDnsConfigs` and from the record sets of the endpoint's
 * DNS zone groups (where Azure reports them once a zone group exists) [facts §4.2–4.3].
 */
function dnsPairs(world: World, pe: Resource): { fqdn: string; ips: string[]; source: DnsEntry["source"] }[] {
  const out: { fqdn: string; ips: string[]; source: DnsEntry["source"] }[] = list(pe.properties.customDnsConfigs).map(
    (c) => ({
      fqdn: str(c.fqdn) ?? "",
      ips: strings(c.ipAddresses),
      source: "customDnsConfigs",
    }),
  );
  for (const group of world.under(pe.id, ZONE_GROUP_TYPE)) {
    for (const config of list(group.properties.privateDnsZoneConfigs)) {
      for (const rs of list(obj(config.properties).recordSets)) {
        if ((str(rs.recordType) ?? "A").toUpperCase() !== "A") continue;
        out.push({ fqdn: str(rs.fqdn) ?? "", ips: strings(rs.ipAddresses), source: "privateDnsZoneGroup" });
      }
    }
  }
  return out.filter((p) => p.fqdn !== "");
}

function zoneIndex(entry: DnsEntry): number {
  return ARC_ZONES.indexOf(entry.zone);
}

/** Reads the private endpoint named by id or name; throws unless it connects to an Arc scope. */
export function readArcEndpoint(world: World, ref: string): ArcEndpoint {
  const pe = findResource(world, ref, PRIVATE_ENDPOINT_TYPE, "Private endpoint");
  return arcEndpointOf(world, pe);
}

export function arcEndpointOf(world: World, pe: Resource): ArcEndpoint {
  const conns = connections(pe);
  const toScope = conns.find((c) => isArcScopeId(c.targetId));
  if (!toScope) {
    const targets = conns.map((c) => `'${c.targetId}'`).join(", ") || "nothing";
    throw new GenerateError(
      GENERATE_ERRORS.NotArcEndpoint,
      `Private endpoint '${pe.name}' connects to ${targets}, not to a ${SCOPE_TYPE}; Arc files need an endpoint of an Arc private link scope.`,
    );
  }
  const warnings: string[] = [];
  const scope = world.get(toScope.targetId);
  if (!scope) warnings.push(`The scope '${toScope.targetId}' of private endpoint '${pe.name}' is not in the world.`);
  if (toScope.status && toScope.status !== "Approved") {
    warnings.push(
      `The connection of private endpoint '${pe.name}' to its scope is '${toScope.status}', not 'Approved': the scope refuses traffic through it until it is approved.`,
    );
  }
  const byName = new Map<string, DnsEntry>();
  const otherFqdns: string[] = [];
  for (const pair of dnsPairs(world, pe)) {
    const name = arcName(pair.fqdn);
    if (!name) {
      otherFqdns.push(canonicalName(pair.fqdn));
      continue;
    }
    const seen = byName.get(name.fqdn);
    if (seen) seen.ipAddresses = [...new Set([...seen.ipAddresses, ...pair.ips])];
    else byName.set(name.fqdn, { ...name, ipAddresses: [...new Set(pair.ips)], source: pair.source });
  }
  const entries = [...byName.values()].sort((a, b) => zoneIndex(a) - zoneIndex(b) || (a.fqdn < b.fqdn ? -1 : 1));
  for (const e of entries) {
    if (e.ipAddresses.length === 0) warnings.push(`Private endpoint '${pe.name}' lists '${e.fqdn}' with no address.`);
  }
  return {
    id: pe.id,
    name: pe.name,
    location: pe.location,
    virtualNetworkId: vnetOf(str(obj(pe.properties.subnet).id)),
    scopeId: scope?.id ?? toScope.targetId,
    scope,
    connectionStatus: toScope.status,
    entries,
    otherFqdns,
    warnings,
  };
}

/** Every private endpoint connected to a scope, in id order. */
export function endpointsOfScope(world: World, scopeId: string): ArcEndpoint[] {
  return world
    .ofType(PRIVATE_ENDPOINT_TYPE)
    .filter((pe) => connections(pe).some((c) => sameId(c.targetId, scopeId)))
    .sort((a, b) => (idKey(a.id) < idKey(b.id) ? -1 : 1))
    .map((pe) => arcEndpointOf(world, pe));
}

/** Throws NothingToGenerate when the endpoint publishes no Arc name with an address. */
export function requireEntries(endpoint: ArcEndpoint): DnsEntry[] {
  const usable = endpoint.entries.filter((e) => e.ipAddresses.length > 0);
  if (usable.length === 0) {
    throw new GenerateError(
      GENERATE_ERRORS.NothingToGenerate,
      `Private endpoint '${endpoint.name}' publishes no Arc name with an address (no customDnsConfigs or DNS zone group records under ${ARC_ZONES.map((z) => z.publicZone).join(", ")}).`,
    );
  }
  return usable;
}
