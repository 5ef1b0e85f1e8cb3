import { ArmError } from "../rules/errors.js";
import { idKey, parentId, type World } from "../world/index.js";
import {
  checkContainers,
  type EngineEnv,
  type EngineRequest,
  headersFor,
  notFound,
  type Outcome,
  render,
} from "./engine.js";
import { page } from "./paging.js";
import type { HandlerContext } from "./providers/provider.js";
import type { RegisteredType } from "./providers/registry.js";

/** GET of one resource (stored or virtual). */
export function getResource(
  env: EngineEnv,
  world: World,
  ctx: HandlerContext,
  req: EngineRequest,
  reg: RegisteredType,
): Outcome {
  const { handler } = reg;
  checkContainers(env, world, req.id);
  if (handler.kind === "virtual") {
    const body = handler.get?.({ ...ctx, world }, req.id);
    if (!body) throw notFound(req.id);
    return { response: { status: 200, body } };
  }
  const resource = world.get(req.id.id);
  if (!resource || idKey(resource.type) !== idKey(handler.type)) throw notFound(req.id);
  return {
    response: { status: 200, headers: headersFor(resource), body: render(handler, world, resource, ctx.apiVersion) },
  };
}

/** HEAD: 204 when the resource exists, 404 when not [JS-RES]. */
export function headResource(env: EngineEnv, world: World, req: EngineRequest): Outcome {
  checkContainers(env, world, req.id);
  const exists = world.get(req.id.id);
  return { response: { status: exists ? 204 : 404 } };
}

/** GET of a collection: by subscription, by resource group, or the children of a parent. */
export function listResources(
  env: EngineEnv,
  world: World,
  ctx: HandlerContext,
  req: EngineRequest,
  reg: RegisteredType,
): Outcome {
  const { handler } = reg;
  const { id } = req;
  const parent = parentId(id);
  if (!parent) throw new ArmError("InvalidResourceId", `The collection path for '${handler.type}' is invalid.`);
  // `id` ends in a placeholder name, so its parent is the collection's owner: it must exist.
  checkContainers(env, world, id);
  if (handler.kind === "virtual" && handler.collection) {
    return { response: { status: 200, body: handler.collection({ ...ctx, world }, parent) } };
  }
  let items: Record<string, unknown>[];
  if (handler.kind === "virtual") {
    items = handler.list?.({ ...ctx, world }, parent) ?? [];
  } else {
    // The type fixes the depth, so every resource of it under the parent is a direct child.
    const prefix = `${idKey(parent)}/`;
    items = world
      .ofType(handler.type)
      .filter((r) => idKey(r.id).startsWith(prefix))
      .map((r) => render(handler, world, r, ctx.apiVersion));
  }
  return { response: { status: 200, body: page(items, req.query, req.selfUrl, env.pageSize) } };
}
