import { RESOURCE_TYPES } from "./resource-types.js";
/**
 * ARM resource ids: parsing, formatting and the case-insensitive key under which
 * everything is stored. ARM treats ids, types and names case-insensitively [RPC
 * common-api-details], so every lookup goes through `idKey`.
 *
 * @example
 * parseId("/subscriptions/s/resourceGroups/rg/providers/Microsoft.HybridCompute/machines/m1")
 * // → { subscriptionId: "s", resourceGroup: "rg", namespace: "Microsoft.HybridCompute",
 * //     types: ["machines"], names: ["m1"], type: "Microsoft.HybridCompute/machines", ... }
 */
export interface ArmId {
  /** The id as given, with repeated slashes collapsed and no trailing slash. */
  readonly id: string;
  readonly subscriptionId: string;
  readonly resourceGroup?: string;
  /** Provider namespace, e.g. `Microsoft.Network`; absent for subscriptions and resource groups. */
  readonly namespace?: string;
  /** Type segments under the namespace, e.g. `["privateLinkScopes", "privateEndpointConnections"]`. */
  readonly types: readonly string[];
  /** Names matching `types` one for one. */
  readonly names: readonly string[];
  /** Full resource type, e.g. `Microsoft.HybridCompute/privateLinkScopes/privateEndpointConnections`. */
  readonly type: string;
  /** The resource's own name (last name segment). */
  readonly name: string;
}

export const RESOURCE_GROUP_TYPE = RESOURCE_TYPES.resourceGroup;
export const SUBSCRIPTION_TYPE = RESOURCE_TYPES.subscription;

/** Lower-cased id, the store's key: ARM ids compare case-insensitively. */
export function idKey(id: string): string {
  return normalizePath(id).toLowerCase();
}

/** Lower-cased resource type, for case-insensitive comparison of types. */
export function typeKey(type: string): string {
  return type.toLowerCase();
}

/** Collapses repeated slashes and drops a trailing slash, as ARM does with request paths. */
export function normalizePath(path: string): string {
  // Hot path (every id lookup): most ids have no repeated slash, so skip the regex.
  const collapsed = path.includes("//") ? path.replace(/\/{2,}/g, "/") : path;
  return collapsed.length > 1 && collapsed.endsWith("/") ? collapsed.slice(0, -1) : collapsed;
}

/** Parses a full ARM resource id; returns undefined when it is not one. */
export function parseId(raw: string): ArmId | undefined {
  const id = normalizePath(raw);
  const parts = id.split("/");
  if (parts[0] !== "" || parts[1]?.toLowerCase() !== "subscriptions" || !parts[2]) return undefined;
  const subscriptionId = parts[2];
  if (parts.length === 3) {
    return { id, subscriptionId, types: [], names: [], type: SUBSCRIPTION_TYPE, name: subscriptionId };
  }
  let i = 3;
  let resourceGroup: string | undefined;
  if (parts[i]?.toLowerCase() === "resourcegroups") {
    resourceGroup = parts[i + 1];
    if (!resourceGroup) return undefined;
    i += 2;
    if (i === parts.length) {
      return {
        id,
        subscriptionId,
        resourceGroup,
        types: [],
        names: [],
        type: RESOURCE_GROUP_TYPE,
        name: resourceGroup,
      };
    }
  }
  if (parts[i]?.toLowerCase() !== "providers" || !parts[i + 1]) return undefined;
  const namespace = parts[i + 1];
  const rest = parts.slice(i + 2);
  if (rest.length === 0 || rest.length % 2 !== 0 || rest.some((s) => s === "")) return undefined;
  const types: string[] = [];
  const names: string[] = [];
  for (let k = 0; k < rest.length; k += 2) {
    types.push(rest[k]);
    names.push(rest[k + 1]);
  }
  return {
    id,
    subscriptionId,
    resourceGroup,
    namespace,
    types,
    names,
    type: `${namespace}/${types.join("/")}`,
    name: names[names.length - 1],
  };
}

/** The id of the resource that contains this one: parent resource, resource group or subscription. */
export function parentId(id: ArmId): string | undefined {
  if (id.types.length > 1) {
    return buildId({
      subscriptionId: id.subscriptionId,
      resourceGroup: id.resourceGroup,
      namespace: id.namespace,
      types: id.types.slice(0, -1),
      names: id.names.slice(0, -1),
    });
  }
  if (id.types.length === 1) return resourceGroupId(id.subscriptionId, id.resourceGroup);
  if (id.type === RESOURCE_GROUP_TYPE) return `/subscriptions/${id.subscriptionId}`;
  return undefined;
}

export function resourceGroupId(subscriptionId: string, resourceGroup?: string): string {
  return resourceGroup
    ? `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`
    : `/subscriptions/${subscriptionId}`;
}

export interface IdParts {
  subscriptionId: string;
  resourceGroup?: string;
  namespace?: string;
  types: readonly string[];
  names: readonly string[];
}

/** Formats an id from its parts. */
export function buildId(parts: IdParts): string {
  let id = resourceGroupId(parts.subscriptionId, parts.resourceGroup);
  if (!parts.namespace) return id;
  id += `/providers/${parts.namespace}`;
  parts.types.forEach((t, k) => {
    id += `/${t}/${parts.names[k]}`;
  });
  return id;
}

/** The id of a child resource under `parent`. */
export function childId(parent: string, childType: string, name: string): string {
  return `${normalizePath(parent)}/${childType}/${name}`;
}

/** True when two ids name the same resource. */
export function sameId(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && idKey(a) === idKey(b);
}
