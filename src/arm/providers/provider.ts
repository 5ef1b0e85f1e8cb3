import type { NamePattern } from "../../rules/naming.js";
import type { ArmId, ChangeSet, Resource, World } from "../../world/index.js";

/** What a handler knows about the request it serves. */
export interface HandlerContext {
  world: World;
  now: Date;
  apiVersion: string;
  /** Client id of the caller (for systemData). */
  principalId: string;
  tenantId: string;
  /** A new GUID; injected so tests and world files can be deterministic. */
  newGuid(): string;
}

/** The outcome of a write: the resource itself and any other resources it changes. */
export interface WriteResult {
  resource: Resource;
  /** Further writes the same request makes (e.g. DNS records of a zone group). */
  effects?: ChangeSet;
}

export interface PutInput {
  id: ArmId;
  /** The request body, already checked to be a JSON object. */
  body: Record<string, unknown>;
  /** The stored resource being replaced, if any. */
  existing: Resource | undefined;
}

/**
 * One resource type of a provider. Tracked types have a location and list at
 * subscription and resource-group scope; proxy types are children of another
 * resource; virtual types are computed on GET (validation details, private link
 * resources) and never stored.
 */
export interface TypeHandler {
  /** Full type, canonical case: `Microsoft.HybridCompute/privateLinkScopes`. */
  type: string;
  kind: "tracked" | "proxy" | "virtual";
  /** Overrides the provider's api-versions for this type. */
  apiVersions?: readonly string[];
  /** Narrower name rule than ARM's generic one. */
  namePattern?: NamePattern;
  /** Location this type always reports (`global` for private DNS zones). */
  fixedLocation?: string;
  /** Dotted paths of read-only properties a PUT may echo but not change. */
  readOnly?: readonly string[];
  /** Whether the body carries `etag` (the HTTP ETag header is always sent). */
  etagInBody?: boolean;
  /** PUT answers 201 with Azure-AsyncOperation (the work itself is done at once). */
  asyncPut?: boolean;
  /** DELETE is synchronous in the spec (200, or 204 when absent) rather than a 202 LRO. */
  syncDelete?: boolean;
  /** Builds the stored resource from a PUT body. Throw ArmError (from rules/) to refuse. */
  put?(ctx: HandlerContext, input: PutInput): WriteResult;
  /** Applies a PATCH body to the stored resource. Default: tags only. */
  patch?(ctx: HandlerContext, input: PutInput & { existing: Resource }): WriteResult;
  /** What deleting this resource also deletes or changes. Default: its descendants. */
  delete?(ctx: HandlerContext, resource: Resource): ChangeSet;
  /** The response body for a stored resource, with computed properties. Default: as stored. */
  view?(world: World, resource: Resource, apiVersion: string): Record<string, unknown>;
  /** Virtual types: the body for an id, or undefined for 404. */
  get?(ctx: HandlerContext, id: ArmId): Record<string, unknown> | undefined;
  /** Virtual types: the items under a parent id. */
  list?(ctx: HandlerContext, parent: string): Record<string, unknown>[];
  /** Virtual types whose collection GET is not a `{value, nextLink}` page (service tags): the whole body. */
  collection?(ctx: HandlerContext, parent: string): Record<string, unknown>;
}

/** A resource provider namespace and the types it serves. */
export interface Provider {
  namespace: string;
  apiVersions: readonly string[];
  types: readonly TypeHandler[];
}
