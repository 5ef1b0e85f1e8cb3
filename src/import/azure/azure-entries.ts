import { idKey, parseId, RESOURCE_TYPES, resourceGroupId, typeKey } from "../../world/index.js";
import type { ImportLog } from "../import-log.js";
import type { ImportedEntry } from "../imported-entry.js";
import { isObject, text } from "../json-text.js";
import {
  forwardingRuleEntry,
  inboundEntry,
  outboundEntry,
  privateZoneEntry,
  recordSetEntry,
  resolverEntry,
  rulesetEntry,
  rulesetLinkEntry,
  zoneLinkEntry,
} from "./project-dns.js";
import { machineEntry, scopeEntry } from "./project-hybrid.js";
import {
  childrenByParent,
  peeringProperties,
  securityGroupEntry,
  securityRuleEntry,
  subnetEntry,
  virtualNetworkEntries,
} from "./project-network.js";
import {
  type EndpointContext,
  nicAddresses,
  privateEndpointEntry,
  zoneGroupEntry,
} from "./project-private-endpoint.js";
import type { RawResource } from "./raw-resource.js";

const T = RESOURCE_TYPES;
const RECORD_TYPE = /^microsoft\.network\/privatednszones\/(a|aaaa|cname|mx|ptr|srv|txt)$/;
const SOA_TYPE = "microsoft.network/privatednszones/soa";
const EXTENSION_TYPE = "microsoft.hybridcompute/machines/extensions";
const RG_QUERY_TYPE = "microsoft.resources/subscriptions/resourcegroups";
const ON_PREMISES = "arclink.onpremises/";

const is = (r: RawResource, type: string) => typeKey(r.type) === typeKey(type);

/** The last of several exports of one id wins; the earlier ones are listed. */
function deduplicated(raws: RawResource[], log: ImportLog): RawResource[] {
  const byId = new Map<string, RawResource>();
  for (const r of raws) {
    const key = idKey(r.id);
    const before = byId.get(key);
    if (before) log.aside(before.file, before.line, r.id, `exported again at ${r.file}:${r.line}, which is used`);
    byId.set(key, r);
  }
  return [...byId.values()];
}

function endpointContext(raws: RawResource[]): EndpointContext {
  const ctx: EndpointContext = { scopeLocations: new Map(), nicAddresses: new Map(), scopeStatus: new Map() };
  for (const r of raws) {
    if (is(r, T.privateLinkScope) && r.location) ctx.scopeLocations.set(idKey(r.id), r.location);
    if (is(r, T.networkInterface)) {
      const { endpointId, byFqdn } = nicAddresses(r);
      if (endpointId) ctx.nicAddresses.set(idKey(endpointId), byFqdn);
    }
    if (is(r, T.privateEndpointConnection)) {
      const pe = isObject(r.properties.privateEndpoint) ? text(r.properties.privateEndpoint.id) : undefined;
      const state = r.properties.privateLinkServiceConnectionState;
      const status = isObject(state) ? text(state.status) : undefined;
      if (pe && status) ctx.scopeStatus.set(idKey(pe), status);
    }
  }
  return ctx;
}

/**
 * Turns the resources of Azure exports into world entries: for each type arclink models,
 * the writable properties the semantics read (docs/import.md lists them); children that
 * Azure embeds are merged into their parent; what a write derives (NICs of private
 * endpoints, scope connections, SOA records) is read for its facts, not imported; every
 * other type is set aside and listed.
 *
 * @example
 * azureEntries(readAzureJson(value, text, "graph.json", log, placement), log)
 */
export function azureEntries(input: RawResource[], log: ImportLog): ImportedEntry[] {
  const raws = deduplicated(input, log);
  const ctx = endpointContext(raws);
  const subnets = childrenByParent(raws, T.subnet);
  const peerings = childrenByParent(raws, T.peering);
  const rules = childrenByParent(raws, T.securityRule);
  const extensions = childrenByParent(raws, EXTENSION_TYPE);
  const present = new Set(raws.map((r) => idKey(r.id)));
  const out: ImportedEntry[] = [];
  for (const r of raws) {
    const type = typeKey(r.type);
    const parentKey = idKey(r.id.split("/").slice(0, -2).join("/"));
    if (is(r, T.resourceGroup) || type === RG_QUERY_TYPE) {
      out.push({ id: r.id, body: { location: r.location ?? "westeurope" }, file: r.file, line: r.line });
    } else if (is(r, T.virtualNetwork)) {
      out.push(...virtualNetworkEntries(r, subnets.get(idKey(r.id)) ?? [], peerings.get(idKey(r.id)) ?? []));
    } else if (is(r, T.subnet) || is(r, T.peering)) {
      if (present.has(parentKey)) continue; // embedded in its vnet
      out.push(
        is(r, T.subnet)
          ? subnetEntry(r)
          : { id: r.id, body: { properties: peeringProperties(r.properties) }, file: r.file, line: r.line },
      );
    } else if (is(r, T.networkSecurityGroup)) {
      out.push(securityGroupEntry(r, rules.get(idKey(r.id)) ?? []));
    } else if (is(r, T.securityRule)) {
      if (!present.has(parentKey)) out.push(securityRuleEntry(r));
    } else if (is(r, T.privateEndpoint)) {
      const e = privateEndpointEntry(r, ctx, log);
      if (e) out.push(e);
    } else if (is(r, T.privateDnsZoneGroup)) {
      out.push(zoneGroupEntry(r));
    } else if (is(r, T.privateDnsZone)) {
      out.push(privateZoneEntry(r));
    } else if (RECORD_TYPE.test(type)) {
      out.push(recordSetEntry(r));
    } else if (is(r, T.privateDnsZoneLink)) {
      out.push(zoneLinkEntry(r));
    } else if (is(r, T.dnsResolver)) {
      out.push(resolverEntry(r));
    } else if (is(r, T.inboundEndpoint)) {
      out.push(inboundEntry(r));
    } else if (is(r, T.outboundEndpoint)) {
      out.push(outboundEntry(r));
    } else if (is(r, T.forwardingRuleset)) {
      out.push(rulesetEntry(r));
    } else if (is(r, T.forwardingRule)) {
      out.push(forwardingRuleEntry(r));
    } else if (is(r, T.forwardingRulesetLink)) {
      out.push(rulesetLinkEntry(r));
    } else if (is(r, T.privateLinkScope)) {
      out.push(scopeEntry(r));
    } else if (is(r, T.machine)) {
      out.push(machineEntry(r, extensions.get(idKey(r.id)) ?? []));
    } else if (type === EXTENSION_TYPE) {
      if (!present.has(parentKey))
        log.aside(r.file, r.line, r.id, "an extension of a machine that is not in the exports");
    } else if (is(r, T.networkInterface) && isObject(r.properties.privateEndpoint)) {
      // Its addresses are pinned on the endpoint; the endpoint's write creates the NIC.
    } else if (is(r, T.privateEndpointConnection) || type === SOA_TYPE) {
      // Created by the endpoint's (or the zone's) write; its state is read above.
    } else if (type.startsWith(ON_PREMISES)) {
      const { provisioningState: _p, ...properties } = r.properties;
      out.push({
        id: r.id,
        body: { ...(r.location ? { location: r.location } : {}), properties },
        file: r.file,
        line: r.line,
      });
    } else {
      log.aside(r.file, r.line, r.id, `type '${r.type}' is not modelled by arclink`);
    }
  }
  return withResourceGroups(out, log);
}

/** Adds the resource group of every entry whose group was not exported, at the location of its first resource. */
function withResourceGroups(entries: ImportedEntry[], log: ImportLog): ImportedEntry[] {
  const have = new Set(entries.filter((e) => !parseId(e.id)?.namespace).map((e) => idKey(e.id)));
  const added: ImportedEntry[] = [];
  for (const e of entries) {
    const id = parseId(e.id);
    if (!id?.resourceGroup) continue;
    const rg = resourceGroupId(id.subscriptionId, id.resourceGroup);
    if (have.has(idKey(rg))) continue;
    have.add(idKey(rg));
    const location =
      typeof e.body.location === "string" && e.body.location !== "global" ? e.body.location : "westeurope";
    log.assume(
      `resource group '${id.resourceGroup}'`,
      `exists in '${location}' (it is not in the exports)`,
      "export it too (`az group show`)",
    );
    added.push({ id: rg, body: { location }, file: e.file, line: e.line });
  }
  return [...added, ...entries];
}
