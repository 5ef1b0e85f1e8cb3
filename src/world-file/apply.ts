import { randomUUID } from "node:crypto";
import type { App } from "../arm/app.js";
import { type EngineRequest, putResource, resolveType } from "../arm/engine.js";
import type { HandlerContext } from "../arm/providers/index.js";
import { ArmError } from "../rules/errors.js";
import { OverlayWorld, parseId } from "../world/index.js";
import { dependencyOrder } from "./order.js";
import type { WorldEntry } from "./parse.js";

export interface ApplyError {
  id: string;
  line: number;
  code: string;
  message: string;
  /** The property the error names, when the rule gives one. */
  target?: string;
}

export interface ApplyReport {
  applied: number;
  errors: ApplyError[];
}

/**
 * Applies a world: each entry is PUT through the same engine and rules as the REST API,
 * in dependency order, against the world as the earlier entries left it. Only when
 * every entry succeeds is the whole world committed, in one transaction; otherwise
 * nothing changes and every entry's error is reported.
 */
export function applyWorld(
  app: App,
  entries: readonly WorldEntry[],
  options: { principalId?: string /** Validate only: commit nothing. */; dryRun?: boolean } = {},
): ApplyReport {
  const overlay = new OverlayWorld(app.store.world);
  const errors: ApplyError[] = [];
  const failed = new Set<string>();
  const { order, dependsOn } = dependencyOrder(entries);
  const indexOf = new Map(entries.map((e, i) => [e, i]));
  const now = app.clock.now();
  const principalId = options.principalId ?? app.principals.ensureDefault(now).clientId;
  for (const entry of order) {
    const blocking = dependsOn
      .get(indexOf.get(entry)!)!
      .map((d) => entries[d])
      .find((d) => failed.has(d.id));
    if (blocking) {
      failed.add(entry.id);
      errors.push({
        id: entry.id,
        line: entry.line,
        code: "DependencyFailed",
        message: `Not applied: it depends on '${blocking.id}' (line ${blocking.line}), which failed.`,
      });
      continue;
    }
    try {
      const id = parseId(entry.id);
      if (!id) throw new ArmError("InvalidResourceId", `'${entry.id}' is not a valid ARM resource id.`);
      const reg = resolveType(app.env, id, (entry.body.apiVersion as string | undefined) ?? newestStable(app, id.type));
      const { apiVersion: _v, ...body } = entry.body;
      const ctx: HandlerContext = {
        world: overlay,
        now,
        apiVersion: reg.apiVersion,
        principalId,
        tenantId: app.tenantId,
        newGuid: randomUUID,
      };
      const req: EngineRequest = {
        method: "PUT",
        id,
        query: new URLSearchParams(),
        headers: {},
        body,
        baseUrl: "",
        selfUrl: "",
        noResponseBody: true,
      };
      const outcome = putResource(app.env, overlay, ctx, req, reg);
      if (outcome.changes) overlay.add(outcome.changes);
    } catch (error) {
      failed.add(entry.id);
      if (!(error instanceof ArmError)) throw error;
      errors.push({
        id: entry.id,
        line: entry.line,
        code: String(error.code),
        message: error.message,
        ...(error.target ? { target: error.target } : {}),
      });
    }
  }
  if (errors.length === 0 && !options.dryRun) app.store.commit(overlay.changes());
  return { applied: errors.length === 0 ? entries.length : 0, errors };
}

/** World files may omit `apiVersion`: the newest non-preview version of the type is used. */
function newestStable(app: App, type: string): string | null {
  const reg = app.env.registry.type(type);
  if (!reg) return "unknown";
  const stable = reg.apiVersions.filter((v) => !v.includes("preview")).sort();
  return stable[stable.length - 1] ?? reg.apiVersions[reg.apiVersions.length - 1] ?? null;
}
