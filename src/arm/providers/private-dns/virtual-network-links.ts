import { ArmError, checkKnownMembers } from "../../../rules/index.js";
import { idKey, type Resource } from "../../../world/index.js";
import type { TypeHandler } from "../provider.js";
import { bodyProperties, boolAt, checkBodyEtag, checkGlobalLocation, enumAt, type Json, refAt } from "./body.js";
import { hasResolutionPolicy, LINK_TYPE, PRIVATE_DNS_API_VERSIONS } from "./constants.js";

const RESOLUTION_POLICIES = ["Default", "NxDomainRedirect"] as const;
const READ_ONLY = ["properties.virtualNetworkLinkState", "properties.provisioningState"];

function linkProperties(body: Json, apiVersion: string, existing: Resource | undefined, patch: boolean): Json {
  const props = bodyProperties(body, ["location", "tags", "etag"], "VirtualNetworkLink");
  const known = ["virtualNetwork", "registrationEnabled", "virtualNetworkLinkState", "provisioningState"];
  if (hasResolutionPolicy(apiVersion)) known.push("resolutionPolicy");
  const unknown = checkKnownMembers(props, known, "VirtualNetworkLinkProperties", "properties");
  if (unknown) throw unknown;
  checkGlobalLocation(body, LINK_TYPE);
  checkBodyEtag(body, existing);
  const before = existing?.properties ?? {};
  const vnetId = refAt(props.virtualNetwork, "properties.virtualNetwork", !patch);
  const previousVnet = (before.virtualNetwork as Json | undefined)?.id as string | undefined;
  if (vnetId && previousVnet && idKey(vnetId) !== idKey(previousVnet)) {
    throw new ArmError(
      "PropertyChangeNotAllowed",
      `The virtual network of link '${existing?.name}' is '${previousVnet}' and cannot be changed to '${vnetId}'; create a new link instead.`,
      "properties.virtualNetwork.id",
    );
  }
  const registrationEnabled = boolAt(props.registrationEnabled, "properties.registrationEnabled");
  const resolutionPolicy = enumAt(props.resolutionPolicy, "properties.resolutionPolicy", RESOLUTION_POLICIES);
  const keep = patch || !hasResolutionPolicy(apiVersion);
  return {
    virtualNetwork: { id: vnetId ?? previousVnet },
    registrationEnabled: registrationEnabled ?? (patch ? before.registrationEnabled : false) ?? false,
    resolutionPolicy: resolutionPolicy ?? (keep ? before.resolutionPolicy : undefined) ?? "Default",
    virtualNetworkLinkState: "Completed",
    provisioningState: "Succeeded",
  };
}

/**
 * `Microsoft.Network/privateDnsZones/virtualNetworkLinks` [SPEC-PDNS, facts §5]: links a
 * zone to a virtual network so Azure DNS in that network answers from the zone.
 * Location `global`; the virtual network cannot change; `resolutionPolicy` exists from
 * 2024-06-01. The rules in src/rules/private-dns/ check the network and the limits.
 */
export const virtualNetworkLinks: TypeHandler = {
  type: LINK_TYPE,
  kind: "proxy",
  apiVersions: PRIVATE_DNS_API_VERSIONS,
  etagInBody: true,
  asyncPut: true,
  readOnly: READ_ONLY,
  put(ctx, { id, body, existing }) {
    const properties = linkProperties(body, ctx.apiVersion, existing, false);
    return { resource: { id: id.id, name: id.name, type: LINK_TYPE, location: "global", properties } };
  },
  patch(ctx, { body, existing }) {
    const properties = linkProperties(body, ctx.apiVersion, existing, true);
    return { resource: { ...existing, properties } };
  },
  view(_world, r, apiVersion) {
    const { resolutionPolicy, ...props } = r.properties;
    return {
      id: r.id,
      name: r.name,
      type: LINK_TYPE,
      etag: r.etag,
      location: "global",
      tags: r.tags ?? {},
      properties: { ...props, ...(hasResolutionPolicy(apiVersion) ? { resolutionPolicy } : {}) },
    };
  },
};
