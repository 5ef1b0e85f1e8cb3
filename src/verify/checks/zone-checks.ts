import {
  allInboundEndpoints,
  allPrivateEndpoints,
  arcScopeOf,
  canonicalName,
  DNS_SERVER_TYPE,
  FORWARDING_RULE_TYPE,
  forwardingRulesFor,
  isAtOrUnder,
  list,
  PRIVATE_ZONE_TYPE,
  PROXY_TYPE,
  readClient,
  readDnsServer,
  str,
  zoneRecordsAt,
  zonesLinkedTo,
} from "../../semantics/model/index.js";
import { idKey } from "../../world/arm-id.js";
import { RESOURCE_TYPES } from "../../world/resource-types.js";
import type { World } from "../../world/world.js";
import { type Finding, finding } from "../finding.js";
import { ARC_ZONE_FAMILIES, arcFamilyOf } from "./arc-zones.js";
import type { CheckContext, WorldCheck } from "./check-types.js";

const ZONE_GROUP_TYPE = RESOURCE_TYPES.privateDnsZoneGroup;
const A_RECORD_TYPE = RESOURCE_TYPES.privateDnsARecordSet;

/**
 * Zone names [DOC-PEDNS, DOC-PL §8]: an Azure private zone for Arc must be exactly one of
 * the three `privatelink.` names; an on-premises zone or forwarder domain must lie at or
 * under a public Arc zone name. A wrong name of the optional Kubernetes zone is only a
 * warning — servers don't use it — and a missing one is nothing.
 */
export const zoneNameCheck: WorldCheck = {
  name: "zone-names",
  codes: ["ARC-ZONE-NAME-WRONG", "ARC-ZONE-NAME-WRONG-OPTIONAL"],
  run({ world }) {
    const out: Finding[] = [];
    const judge = (name: string, resourceId: string, what: string, azureZone: boolean) => {
      const family = arcFamilyOf(name);
      if (!family) return;
      const n = canonicalName(name);
      const ok = azureZone ? n === family.zone : isAtOrUnder(n, family.publicZone);
      if (ok) return;
      const wanted = azureZone ? `"${family.zone}"` : `"${family.publicZone}" (or a name under it)`;
      out.push(
        finding(family.optional ? "ARC-ZONE-NAME-WRONG-OPTIONAL" : "ARC-ZONE-NAME-WRONG", {
          resourceId,
          message: `${what} "${name}" of "${resourceId}" looks like an Arc zone but is not ${wanted}.`,
        }),
      );
    };
    for (const z of world.ofType(PRIVATE_ZONE_TYPE)) judge(z.name, z.id, "Private DNS zone", true);
    for (const r of world.ofType(DNS_SERVER_TYPE)) {
      const server = readDnsServer(world, r.id);
      for (const z of server?.zones ?? []) judge(z.name, r.id, "Local zone", false);
      for (const f of server?.conditionalForwarders ?? []) judge(f.domain, r.id, "Conditional forwarder", false);
    }
    for (const rule of world.ofType(FORWARDING_RULE_TYPE)) {
      judge(str(rule.properties.domainName) ?? "", rule.id, "Forwarding rule domain", false);
    }
    return out;
  },
};

/** Every DNS server address something in the world sends queries to (hosts: those with an agent). */
function queriedAddresses(world: World, hosts: CheckContext["hosts"]): Set<string> {
  const out = new Set<string>();
  for (const r of world.ofType(DNS_SERVER_TYPE)) {
    const s = readDnsServer(world, r.id);
    for (const a of [...(s?.forwarders ?? []), ...(s?.conditionalForwarders.flatMap((f) => f.targets) ?? [])])
      out.add(a);
  }
  for (const h of hosts) for (const a of h.client.dnsServers) out.add(a);
  for (const r of world.ofType(PROXY_TYPE)) for (const a of readClient(world, r.id)?.dnsServers ?? []) out.add(a);
  for (const rule of world.ofType(FORWARDING_RULE_TYPE)) {
    for (const t of list(rule.properties.targetDnsServers)) out.add(str(t.ipAddress) ?? "");
  }
  return out;
}

/**
 * Arc zones not linked to the vnet of a resolver inbound endpoint that something queries
 * [DOC-PDNS, DOC-PEDNS, facts §5–6]: Azure DNS answers an inbound endpoint's queries
 * from the zones linked to its vnet only. Only zones that exist, and not the optional one.
 */
export const zoneLinkCheck: WorldCheck = {
  name: "zones-linked-to-resolver",
  codes: ["ARC-ZONE-NOT-LINKED"],
  run({ world, hosts }) {
    const out: Finding[] = [];
    const existing = new Set(world.ofType(PRIVATE_ZONE_TYPE).map((z) => canonicalName(z.name)));
    const queried = queriedAddresses(world, hosts);
    const done = new Set<string>();
    for (const ep of allInboundEndpoints(world)) {
      if (!ep.addresses.some((a) => queried.has(a.address)) || done.has(idKey(ep.virtualNetworkId))) continue;
      done.add(idKey(ep.virtualNetworkId));
      const linked = new Set(zonesLinkedTo(world, ep.virtualNetworkId).map((z) => z.name));
      const ruled = forwardingRulesFor(world, ep.virtualNetworkId).filter((r) => r.enabled);
      for (const f of ARC_ZONE_FAMILIES) {
        if (f.optional || !existing.has(f.zone) || linked.has(f.zone)) continue;
        // A forwarding rule for the name sends it elsewhere; the zone is not consulted there.
        if (ruled.some((r) => isAtOrUnder(f.zone, r.domain))) continue;
        out.push(
          finding("ARC-ZONE-NOT-LINKED", {
            resourceId: ep.virtualNetworkId,
            message: `Zone "${f.zone}" is not linked to "${ep.virtualNetworkId}", the vnet of resolver inbound endpoint "${ep.id}" (${ep.addresses.map((a) => a.address).join(", ")}).`,
          }),
        );
      }
    }
    return out;
  },
};

/**
 * Two scopes' private endpoints writing one zone [DOC-PL §3.5–3.6]: through private DNS
 * zone groups, or by records (Azure or on-premises) holding the addresses of endpoints
 * of different scopes.
 */
export const sharedZoneCheck: WorldCheck = {
  name: "zone-shared-by-scopes",
  codes: ["ARC-ZONE-SHARED-SCOPES"],
  run({ world }) {
    const scopesOf = new Map<string, { id: string; scopes: Map<string, string> }>();
    const add = (zoneKey: string, zoneId: string, scopeId: string | undefined, why: string) => {
      if (!scopeId) return;
      let z = scopesOf.get(zoneKey);
      if (!z) {
        z = { id: zoneId, scopes: new Map() };
        scopesOf.set(zoneKey, z);
      }
      if (!z.scopes.has(idKey(scopeId))) z.scopes.set(idKey(scopeId), why);
    };
    for (const g of world.ofType(ZONE_GROUP_TYPE)) {
      const peId = g.id.split("/").slice(0, -2).join("/");
      const scopeId = arcScopeOf(world, peId);
      for (const c of list(g.properties.privateDnsZoneConfigs)) {
        const zoneId = str((c.properties as Record<string, unknown> | undefined)?.privateDnsZoneId);
        if (zoneId) add(idKey(zoneId), zoneId, scopeId, `zone group "${g.id}" of scope "${scopeId}"`);
      }
    }
    const byAddress = new Map<string, string[]>();
    for (const pe of allPrivateEndpoints(world))
      for (const a of pe.addresses) byAddress.set(a, [...(byAddress.get(a) ?? []), pe.id]);
    const scopeAt = (address: string) => {
      const pes = byAddress.get(address);
      return pes?.length === 1 ? { pe: pes[0], scope: arcScopeOf(world, pes[0]) } : undefined;
    };
    for (const rs of world.ofType(A_RECORD_TYPE)) {
      const zoneId = rs.id.split("/").slice(0, -2).join("/");
      for (const r of zoneRecordsAt(world, zoneId, rs.name) ?? []) {
        const hit = scopeAt(r.data);
        if (hit) add(idKey(zoneId), zoneId, hit.scope, `record "${rs.name}" → ${r.data} (endpoint "${hit.pe}")`);
      }
    }
    for (const s of world.ofType(DNS_SERVER_TYPE)) {
      for (const z of readDnsServer(world, s.id)?.zones ?? []) {
        for (const r of z.records) {
          const hit = scopeAt(r.value);
          if (hit)
            add(
              `${idKey(s.id)}|${canonicalName(z.name)}`,
              s.id,
              hit.scope,
              `local zone "${z.name}" record "${r.name}" → ${r.value}`,
            );
        }
      }
    }
    const out: Finding[] = [];
    for (const z of scopesOf.values()) {
      if (z.scopes.size < 2) continue;
      out.push(
        finding("ARC-ZONE-SHARED-SCOPES", {
          resourceId: z.id,
          message: `Private endpoints of ${z.scopes.size} scopes write "${z.id}".`,
          evidence: [...z.scopes.values()],
        }),
      );
    }
    return out;
  },
};
