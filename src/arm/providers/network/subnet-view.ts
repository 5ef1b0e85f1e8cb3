import { type Resource, sameId, type World } from "../../../world/index.js";
import { bodyEtag, isObject, type Json } from "./body.js";
import { NIC_TYPE, PRIVATE_ENDPOINT_TYPE, SUBNET_TYPE } from "./network-types.js";

function refId(value: unknown): string | undefined {
  return isObject(value) && typeof value.id === "string" ? value.id : undefined;
}

/** Private endpoints whose `subnet.id` is this subnet. */
export function privateEndpointsInSubnet(world: World, subnetId: string): Resource[] {
  return world.ofType(PRIVATE_ENDPOINT_TYPE).filter((pe) => sameId(refId(pe.properties.subnet), subnetId));
}

/** Ids of the NIC IP configurations placed in this subnet. */
export function ipConfigurationsInSubnet(world: World, subnetId: string): string[] {
  const out: string[] = [];
  for (const nic of world.ofType(NIC_TYPE)) {
    const configs = Array.isArray(nic.properties.ipConfigurations) ? nic.properties.ipConfigurations : [];
    for (const c of configs) {
      if (isObject(c) && isObject(c.properties) && sameId(refId(c.properties.subnet), subnetId)) out.push(String(c.id));
    }
  }
  return out;
}

/** A subnet body as Azure returns it, with its read-only users listed. */
export function subnetView(world: World, s: Resource): Json {
  const privateEndpoints = privateEndpointsInSubnet(world, s.id).map((pe) => ({ id: pe.id }));
  const ipConfigurations = ipConfigurationsInSubnet(world, s.id).map((id) => ({ id }));
  return {
    id: s.id,
    name: s.name,
    etag: bodyEtag(s),
    type: SUBNET_TYPE,
    properties: {
      ...s.properties,
      ...(privateEndpoints.length ? { privateEndpoints } : {}),
      ...(ipConfigurations.length ? { ipConfigurations } : {}),
    },
  };
}
