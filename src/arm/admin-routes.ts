import { ArmError } from "../rules/errors.js";
import { exportWorld, type WorldEntry } from "../world-file/index.js";
import { type AdminGuardOptions, createAdminGuard } from "./admin-auth.js";
import type { App, Stage } from "./app.js";
import { challenge } from "./authenticate.js";
import { parseJsonBody } from "./request-limits.js";

/** `{"resources": [{id, body, line?}]}` with every entry in that shape, or undefined. */
function worldEntries(value: unknown): WorldEntry[] | undefined {
  const list = (value as { resources?: unknown } | null | undefined)?.resources;
  if (!Array.isArray(list)) return undefined;
  const ok = list.every(
    (e) =>
      e !== null &&
      typeof e === "object" &&
      typeof e.id === "string" &&
      e.body !== null &&
      typeof e.body === "object" &&
      !Array.isArray(e.body) &&
      (e.line === undefined || Number.isInteger(e.line)),
  );
  return ok ? list.map((e) => ({ id: e.id, body: e.body, line: e.line ?? 0 })) : undefined;
}

/**
 * `/_arclink/*`: health, info, clock, apply, snapshot and reset — how tests, the CLI and
 * the portal drive a lab. Health is open; the rest pass `createAdminGuard` (the data
 * directory's admin key or a token of the lab's own principal, same origin, JSON only).
 */
export function createAdminRoutes(
  app: App,
  info: () => Record<string, unknown>,
  guard: AdminGuardOptions = { armHostNames: [] },
): Stage {
  const allowed = createAdminGuard(app, guard);
  return async function adminRoutes(req) {
    const path = req.path.toLowerCase();
    if (!path.startsWith("/_arclink/")) return undefined;
    if (`${req.method} ${path}` !== "GET /_arclink/health") {
      try {
        await allowed(req);
      } catch (error) {
        if (error instanceof ArmError) return challenge(req, error);
        throw error;
      }
    }
    switch (`${req.method} ${path}`) {
      case "GET /_arclink/health":
        return { status: 200, body: { status: "ok" } };
      case "GET /_arclink/info":
        return {
          status: 200,
          body: {
            tenantId: app.tenantId,
            subscriptionId: app.subscriptionId,
            resources: app.store.world.all().length,
            now: app.clock.now().toISOString(),
            ...info(),
          },
        };
      case "GET /_arclink/clock":
        return { status: 200, body: { now: app.clock.now().toISOString(), offsetMs: app.clock.offsetMs } };
      case "POST /_arclink/clock": {
        let seconds: unknown;
        try {
          seconds = (parseJsonBody(req.rawBody) as { advanceSeconds?: unknown } | null | undefined)?.advanceSeconds;
        } catch {
          seconds = undefined;
        }
        // At most ten years at a time, so the clock stays a valid date.
        if (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds < 0 || seconds > 315_360_000) {
          return {
            status: 400,
            body: {
              error: {
                code: "InvalidRequestContent",
                message: 'The body must be {"advanceSeconds": <number from 0 to 315360000>}.',
              },
            },
          };
        }
        const now = app.system.advanceClock(seconds * 1000);
        return { status: 200, body: { now: now.toISOString(), offsetMs: app.clock.offsetMs } };
      }
      case "POST /_arclink/apply": {
        // The running server applies a world itself, so its in-memory world stays the truth.
        let entries: WorldEntry[] | undefined;
        try {
          entries = worldEntries(parseJsonBody(req.rawBody));
        } catch {
          entries = undefined;
        }
        if (!entries) {
          return {
            status: 400,
            body: {
              error: {
                code: "InvalidRequestContent",
                message: 'The body must be {"resources": [{"id": string, "body": object, "line"?: integer}]}.',
              },
            },
          };
        }
        const report = app.system.apply(entries);
        return { status: report.errors.length ? 400 : 200, body: report };
      }
      case "GET /_arclink/snapshot":
        return { status: 200, body: { resources: exportWorld(app.store.world, app.env.registry) } };
      case "POST /_arclink/reset":
        app.system.reset();
        return { status: 200, body: { status: "reset", resources: app.store.world.all().length } };
      default:
        return {
          status: 404,
          body: { error: { code: "NotFound", message: `No admin endpoint '${req.method} ${req.path}'.` } },
        };
    }
  };
}
