import { checkChanges } from "../rules/check.js";
import { ArmError } from "../rules/errors.js";
import { checkResourceGroupName, checkResourceName } from "../rules/naming.js";
import { checkReadOnly } from "../rules/read-only.js";
import type { Rule } from "../rules/rule.js";
import type { OperationStatus } from "../store/operations.js";
import {
  type ArmId,
  buildId,
  type ChangeSet,
  findRegion,
  idKey,
  normalizeLocation,
  OverlayWorld,
  parentId,
  publicBody,
  RESOURCE_GROUP_TYPE,
  type Resource,
  resourceGroupId,
  type World,
} from "../world/index.js";
import { checkApiVersion } from "./api-version.js";
import { checkPreconditions, etagHeader } from "./etag.js";
import type { ArmResponse } from "./http-types.js";
import { checkPropertiesObject, checkTags } from "./input-checks.js";
import type { HandlerContext, TypeHandler } from "./providers/provider.js";
import type { RegisteredType, Registry } from "./providers/registry.js";

/** What the engine needs besides the request: the providers, the rules and the tenant. */
export interface EngineEnv {
  registry: Registry;
  rules: readonly Rule[];
  subscriptions: readonly string[];
  pageSize: number;
}

/** A request to the engine: a parsed id (or collection) and what came with it. */
export interface EngineRequest {
  method: string;
  id: ArmId;
  query: URLSearchParams;
  headers: Record<string, string | undefined>;
  body: unknown;
  baseUrl: string;
  selfUrl: string;
  /** The caller needs no response body (world files): render only to check read-only echoes. */
  noResponseBody?: boolean;
}

/** The engine's answer: the response, the writes to commit, and an operation to record. */
export interface Outcome {
  response: ArmResponse;
  changes?: ChangeSet;
  operation?: OperationStatus;
}

/** Finds the type's handler, checking namespace, type and api-version in ARM's order. */
export function resolveType(
  env: EngineEnv,
  id: ArmId,
  apiVersion: string | null,
): RegisteredType & { apiVersion: string } {
  const reg = env.registry.type(id.type);
  if (!reg) {
    if (id.namespace && !env.registry.provider(id.namespace)) {
      throw new ArmError("InvalidResourceNamespace", `The resource namespace '${id.namespace}' is invalid.`);
    }
    throw new ArmError(
      "InvalidResourceType",
      `The resource type '${id.types.join("/")}' could not be found in the namespace '${id.namespace}'.`,
    );
  }
  return { ...reg, apiVersion: checkApiVersion(apiVersion, reg.apiVersions, `resource type '${reg.handler.type}'`) };
}

export function checkContainers(env: EngineEnv, world: World, id: ArmId): void {
  if (!env.subscriptions.some((s) => s.toLowerCase() === id.subscriptionId.toLowerCase())) {
    throw new ArmError("SubscriptionNotFound", `The subscription '${id.subscriptionId}' could not be found.`);
  }
  if (id.type === RESOURCE_GROUP_TYPE) return;
  if (id.resourceGroup && !world.get(resourceGroupId(id.subscriptionId, id.resourceGroup))) {
    throw new ArmError("ResourceGroupNotFound", `Resource group '${id.resourceGroup}' could not be found.`);
  }
  // `/subscriptions/{s}/providers/{ns}/locations/{loc}/...` is location-scoped: its
  // `locations/{loc}` prefix is a region, not a parent resource.
  const locationScoped = !id.resourceGroup && id.types[0]?.toLowerCase() === "locations";
  if (id.types.length > 1 && !locationScoped) {
    const parent = parentId(id);
    if (parent && !world.get(parent)) {
      throw new ArmError(
        "ParentResourceNotFound",
        `Can not perform requested operation on nested resource. Parent resource '${id.names.slice(0, -1).join("/")}' not found.`,
      );
    }
  }
}

/** The response body of a stored resource. */
export function render(
  handler: TypeHandler,
  world: World,
  resource: Resource,
  apiVersion: string,
): Record<string, unknown> {
  return handler.view ? handler.view(world, resource, apiVersion) : (publicBody(resource) as Record<string, unknown>);
}

export function headersFor(resource: Resource): Record<string, string> {
  const tag = etagHeader(resource);
  return tag ? { etag: tag } : {};
}

function requireObject(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw new ArmError("InvalidRequestContent", "The request content must be a JSON object.");
  }
  checkPropertiesObject(body as Record<string, unknown>);
  return body as Record<string, unknown>;
}

/** Location rules of tracked resources: required, known, and unchangeable once created. */
function resolveLocation(
  handler: TypeHandler,
  id: ArmId,
  body: Record<string, unknown>,
  existing?: Resource,
): string | undefined {
  if (handler.kind !== "tracked") return undefined;
  if (handler.fixedLocation) return handler.fixedLocation;
  const given = body.location;
  if (given === undefined || given === null || given === "") {
    throw new ArmError("LocationRequired", "The location property is required for this definition.", "location");
  }
  if (typeof given !== "string" || !findRegion(given)) {
    throw new ArmError(
      "LocationNotAvailableForResourceType",
      `The provided location '${String(given)}' is not available for resource type '${handler.type}'.`,
      "location",
    );
  }
  const location = normalizeLocation(given);
  if (existing?.location && existing.location !== location) {
    throw new ArmError(
      "InvalidResourceLocation",
      `The resource '${id.name}' already exists in location '${existing.location}' in resource group '${id.resourceGroup ?? ""}'. A resource with the same name cannot be created in location '${location}'. Please select a new resource name.`,
      "location",
    );
  }
  return location;
}

function finish(
  env: EngineEnv,
  world: World,
  ctx: HandlerContext,
  result: { resource: Resource; effects?: ChangeSet },
  existing: Resource | undefined,
): ChangeSet {
  const now = ctx.now.toISOString();
  const resource: Resource = {
    ...result.resource,
    etag: ctx.newGuid(),
    systemData: {
      createdBy: existing?.systemData?.createdBy ?? ctx.principalId,
      createdByType: existing?.systemData?.createdByType ?? "Application",
      createdAt: existing?.systemData?.createdAt ?? now,
      lastModifiedBy: ctx.principalId,
      lastModifiedByType: "Application",
      lastModifiedAt: now,
    },
  };
  const changes: ChangeSet = {
    puts: [resource, ...(result.effects?.puts ?? [])],
    deletes: result.effects?.deletes ?? [],
  };
  const error = checkChanges(env.rules, world, changes, ctx.now);
  if (error) throw error;
  return changes;
}

/**
 * The id a new resource is stored under: ARM's keywords (`resourceGroups`, `providers`)
 * and the type's segments in canonical case, the names as the client sent them.
 */
export function canonicalId(id: ArmId, type: string): string {
  if (id.type === RESOURCE_GROUP_TYPE) return resourceGroupId(id.subscriptionId, id.resourceGroup);
  const [namespace, ...types] = type.split("/");
  return buildId({
    subscriptionId: id.subscriptionId,
    resourceGroup: id.resourceGroup,
    namespace,
    types,
    names: id.names,
  });
}

/** PUT: create or replace. */
export function putResource(
  env: EngineEnv,
  world: World,
  ctx: HandlerContext,
  req: EngineRequest,
  reg: RegisteredType,
): Outcome {
  const { handler } = reg;
  const { id } = req;
  if (handler.kind === "virtual" || !handler.put) {
    throw new ArmError("MethodNotAllowed", `The resource type '${handler.type}' does not support PUT.`);
  }
  checkContainers(env, world, id);
  const nameError =
    id.type === RESOURCE_GROUP_TYPE
      ? checkResourceGroupName(id.name)
      : checkResourceName(id.name, handler.type, handler.namePattern);
  if (nameError) throw nameError;
  const existing = world.get(id.id);
  checkPreconditions(req.headers, existing);
  const body = requireObject(req.body);
  const location = resolveLocation(handler, id, body, existing);
  const tags = checkTags(body.tags);
  const result = handler.put({ ...ctx, world }, { id, body, existing });
  const base: Resource = {
    ...result.resource,
    id: existing?.id ?? canonicalId(id, handler.type),
    name: existing?.name ?? id.name,
    type: handler.type,
    ...(location ? { location } : {}),
    ...(handler.kind === "tracked" ? { tags: tags ?? {} } : tags ? { tags } : {}),
  };
  const changes = finish(env, world, ctx, { resource: base, effects: result.effects }, existing);
  const stored = changes.puts[0];
  const readOnly = ["id", "type", ...(handler.readOnly ?? [])];
  const echoes = readOnly.some((path) => hasPath(body, path));
  const bodyOut =
    req.noResponseBody && !echoes ? undefined : render(handler, overlayGet(world, changes), stored, ctx.apiVersion);
  const roError = echoes ? checkReadOnly(body, bodyOut, readOnly) : undefined;
  if (roError) throw roError;
  const response: ArmResponse = { status: existing ? 200 : 201, headers: headersFor(stored), body: bodyOut };
  let operation: OperationStatus | undefined;
  if (handler.asyncPut) {
    operation = succeededOperation(ctx, stored.id);
  }
  return { response, changes, operation };
}

/** PATCH: tags by default, or the type's own update. */
export function patchResource(
  env: EngineEnv,
  world: World,
  ctx: HandlerContext,
  req: EngineRequest,
  reg: RegisteredType,
): Outcome {
  const { handler } = reg;
  const { id } = req;
  if (handler.kind === "virtual") {
    throw new ArmError("MethodNotAllowed", `The resource type '${handler.type}' does not support PATCH.`);
  }
  checkContainers(env, world, id);
  const existing = world.get(id.id);
  if (!existing || idKey(existing.type) !== idKey(handler.type)) throw notFound(id);
  checkPreconditions(req.headers, existing);
  const body = requireObject(req.body);
  const tags = checkTags(body.tags);
  const result = handler.patch
    ? handler.patch({ ...ctx, world }, { id, body, existing })
    : { resource: { ...existing, ...(tags ? { tags } : {}) } };
  if (handler.patch && tags) result.resource = { ...result.resource, tags };
  const changes = finish(env, world, ctx, result, existing);
  const stored = changes.puts[0];
  return {
    response: {
      status: 200,
      headers: headersFor(stored),
      body: render(handler, overlayGet(world, changes), stored, ctx.apiVersion),
    },
    changes,
  };
}

/**
 * DELETE: a long-running operation [RPC]. The work is done at once; the answer is 202
 * with `Azure-AsyncOperation` and `Location`, or 204 when nothing was there.
 */
export function deleteResource(
  env: EngineEnv,
  world: World,
  ctx: HandlerContext,
  req: EngineRequest,
  reg: RegisteredType,
): Outcome {
  const { handler } = reg;
  if (handler.kind === "virtual") {
    throw new ArmError("MethodNotAllowed", `The resource type '${handler.type}' does not support DELETE.`);
  }
  checkContainers(env, world, req.id);
  const existing = world.get(req.id.id);
  if (!existing || idKey(existing.type) !== idKey(handler.type)) return { response: { status: 204 } };
  checkPreconditions(req.headers, existing);
  const changes = handler.delete
    ? handler.delete({ ...ctx, world }, existing)
    : { puts: [], deletes: [existing.id, ...world.under(existing.id).map((r) => r.id)] };
  const error = checkChanges(env.rules, world, changes, ctx.now);
  if (error) throw error;
  if (handler.syncDelete) return { response: { status: 200 }, changes };
  return { response: { status: 202 }, changes, operation: succeededOperation(ctx) };
}

export function notFound(id: ArmId): ArmError {
  if (id.type === RESOURCE_GROUP_TYPE) {
    return new ArmError("ResourceGroupNotFound", `Resource group '${id.name}' could not be found.`);
  }
  return new ArmError(
    "ResourceNotFound",
    `The Resource '${id.type}/${id.names.join("/")}' under resource group '${id.resourceGroup ?? ""}' was not found.`,
  );
}

function hasPath(obj: unknown, path: string): boolean {
  let cur = obj;
  for (const part of path.split(".")) {
    if (cur === null || typeof cur !== "object") return false;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur !== undefined && cur !== null;
}

/** Rendering after a write must see the write; the overlay is cheap and read-only. */
function overlayGet(world: World, changes: ChangeSet): World {
  return new OverlayWorld(world, changes);
}

function succeededOperation(ctx: HandlerContext, resourceId?: string): OperationStatus {
  const name = ctx.newGuid();
  const time = ctx.now.toISOString();
  return { id: name, name, status: "Succeeded", startTime: time, endTime: time, percentComplete: 100, resourceId };
}
