import { randomUUID } from "node:crypto";
import { ArmError } from "../rules/errors.js";
import { type ArmId, parseId } from "../world/index.js";
import type { App, Stage } from "./app.js";
import { deleteResource, type EngineRequest, type Outcome, patchResource, putResource, resolveType } from "./engine.js";
import { getResource, headResource, listResources } from "./engine-reads.js";
import type { ArmRequest } from "./http-types.js";
import type { HandlerContext } from "./providers/index.js";
import { parseJsonBody, requireJsonBody } from "./request-limits.js";

/** An instance path parses as an id; a collection path does once a name is appended. */
function parsePath(path: string): { id: ArmId; collection: boolean } | undefined {
  const id = parseId(path);
  if (id) return { id, collection: false };
  const asCollection = parseId(`${path}/_`);
  return asCollection ? { id: asCollection, collection: true } : undefined;
}

/** A write's body: JSON only (415 otherwise), within the size and depth limits. */
function parseBody(req: ArmRequest): unknown {
  requireJsonBody(req.headers, req.rawBody);
  return parseJsonBody(req.rawBody);
}

/**
 * Every path under `/subscriptions/{id}` that names a resource or a collection: the type
 * and api-version are checked, the engine decides, and a write is committed in one
 * transaction together with its operation record.
 */
export function createResourceRoutes(app: App): Stage {
  return function resourceRoutes(req, state) {
    const parsed = parsePath(req.path);
    if (!parsed) {
      if (req.path.toLowerCase().startsWith("/subscriptions/")) {
        throw new ArmError("InvalidResourceId", `The path '${req.path}' is not a valid ARM resource id or collection.`);
      }
      return undefined;
    }
    const { id, collection } = parsed;
    const reg = resolveType(app.env, id, req.query.get("api-version"));
    const ctx: HandlerContext = {
      world: app.store.world,
      now: app.clock.now(),
      apiVersion: reg.apiVersion,
      principalId: state.principalId ?? "unknown",
      tenantId: app.tenantId,
      newGuid: randomUUID,
    };
    const ereq: EngineRequest = {
      method: req.method,
      id,
      query: req.query,
      headers: req.headers,
      body: undefined,
      baseUrl: req.baseUrl,
      selfUrl: `${req.baseUrl}${req.path}?${req.query.toString()}`,
    };
    const world = app.store.world;
    let outcome: Outcome;
    if (collection) {
      if (req.method !== "GET") {
        throw new ArmError("MethodNotAllowed", `The method '${req.method}' is not allowed on a collection.`);
      }
      outcome = listResources(app.env, world, ctx, ereq, reg);
    } else {
      switch (req.method) {
        case "GET":
          outcome = getResource(app.env, world, ctx, ereq, reg);
          break;
        case "HEAD":
          outcome = headResource(app.env, world, ereq);
          break;
        case "PUT":
          outcome = putResource(app.env, world, ctx, { ...ereq, body: parseBody(req) }, reg);
          break;
        case "PATCH":
          outcome = patchResource(app.env, world, ctx, { ...ereq, body: parseBody(req) }, reg);
          break;
        case "DELETE":
          outcome = deleteResource(app.env, world, ctx, ereq, reg);
          break;
        default:
          throw new ArmError("MethodNotAllowed", `The method '${req.method}' is not allowed on '${reg.handler.type}'.`);
      }
    }
    const location = world.get(id.id)?.location ?? "global";
    if (outcome.changes || outcome.operation) {
      const op = outcome.operation;
      app.system.commit(outcome.changes ?? { puts: [], deletes: [] }, op ? () => app.operations.put(op) : undefined);
    }
    if (outcome.operation) {
      const namespace = id.namespace ?? "Microsoft.Resources";
      const base = `${req.baseUrl}/subscriptions/${encodeURIComponent(id.subscriptionId)}/providers/${namespace}/locations/${location}`;
      const version = `?api-version=${reg.apiVersion}`;
      outcome.response.headers = {
        ...outcome.response.headers,
        "azure-asyncoperation": `${base}/operationStatuses/${outcome.operation.name}${version}`,
        ...(req.method === "DELETE"
          ? { location: `${base}/operationResults/${outcome.operation.name}${version}` }
          : {}),
        "retry-after": String(app.retryAfterSeconds),
      };
    }
    return outcome.response;
  };
}
