import { randomUUID } from "node:crypto";
import {
  deleteResource,
  type EngineEnv,
  type EngineRequest,
  type Outcome,
  patchResource,
  putResource,
  resolveType,
} from "../arm/engine.js";
import type { HandlerContext } from "../arm/providers/index.js";
import type { RegisteredType } from "../arm/providers/registry.js";
import { ArmError } from "../rules/errors.js";
import { type ArmId, parseId, type World } from "../world/index.js";

export type WriteMethod = "PUT" | "PATCH" | "DELETE";

export interface WriteOptions {
  /** api-version; default the type's newest stable one (as world files do). */
  apiVersion?: string;
  /** Client id recorded in systemData; default the lab's own principal. */
  principalId?: string;
}

export interface WriteContext {
  env: EngineEnv;
  world: World;
  now: Date;
  tenantId: string;
  principalId: string;
}

/**
 * Runs one write through the same engine and rules as the REST API and returns the
 * outcome (response, changes, operation) without committing it: the caller commits.
 */
export function runWrite(
  ctx: WriteContext,
  method: WriteMethod,
  rawId: string,
  body: unknown,
  options: WriteOptions = {},
): Outcome {
  const id = parseId(rawId);
  if (!id) throw new ArmError("InvalidResourceId", `'${rawId}' is not a valid ARM resource id.`);
  const reg = resolveType(ctx.env, id, options.apiVersion ?? newestStableApiVersion(ctx.env, id));
  const handler: HandlerContext = {
    world: ctx.world,
    now: ctx.now,
    apiVersion: reg.apiVersion,
    principalId: ctx.principalId,
    tenantId: ctx.tenantId,
    newGuid: randomUUID,
  };
  const req: EngineRequest = {
    method,
    id,
    query: new URLSearchParams(),
    headers: {},
    body,
    baseUrl: "",
    selfUrl: "",
    noResponseBody: true,
  };
  return run(ctx, method, handler, req, reg);
}

function run(
  ctx: WriteContext,
  method: WriteMethod,
  handler: HandlerContext,
  req: EngineRequest,
  reg: RegisteredType,
): Outcome {
  switch (method) {
    case "PUT":
      return putResource(ctx.env, ctx.world, handler, req, reg);
    case "PATCH":
      return patchResource(ctx.env, ctx.world, handler, req, reg);
    case "DELETE":
      return deleteResource(ctx.env, ctx.world, handler, req, reg);
  }
}

/** World files and hub writes may omit the api-version: the newest non-preview version of the type. */
export function newestStableApiVersion(env: EngineEnv, id: ArmId): string | null {
  const reg = env.registry.type(id.type);
  if (!reg) return "unknown";
  const stable = reg.apiVersions.filter((v) => !v.includes("preview")).sort();
  return stable[stable.length - 1] ?? reg.apiVersions[reg.apiVersions.length - 1] ?? null;
}
