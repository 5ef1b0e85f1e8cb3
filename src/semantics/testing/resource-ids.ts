import type { Resource } from "../../world/resource.js";

/** Where test resources live. */
export interface Placement {
  subscriptionId: string;
  resourceGroup: string;
  location: string;
}

export const DEFAULT_PLACEMENT: Placement = {
  subscriptionId: "00000000-0000-0000-0000-00000000a11c",
  resourceGroup: "rg-arc",
  location: "westeurope",
};

export function rgId(at: Placement): string {
  return `/subscriptions/${at.subscriptionId}/resourceGroups/${at.resourceGroup}`;
}

/** The id of a top-level resource `namespace/type/name` in the placement's resource group. */
export function topId(at: Placement, type: string, name: string): string {
  const [namespace, ...types] = type.split("/");
  return `${rgId(at)}/providers/${namespace}/${types[0]}/${name}`;
}

/** A resource with the ARM envelope; `type` is the full type, `id` given. */
export function envelope(id: string, type: string, properties: Record<string, unknown>, location?: string): Resource {
  const name = id.split("/").at(-1)!;
  return location === undefined ? { id, name, type, properties } : { id, name, type, location, properties };
}

export function resourceGroup(at: Placement = DEFAULT_PLACEMENT): Resource {
  return envelope(rgId(at), "Microsoft.Resources/resourceGroups", { provisioningState: "Succeeded" }, at.location);
}
