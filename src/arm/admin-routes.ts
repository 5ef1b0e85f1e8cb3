import { exportWorld, type WorldEntry } from "../world-file/index.js";
import type { App, Stage } from "./app.js";

/**
 * `/_arclink/*`: health, info, clock and reset. They need no token: arclink is a lab on
 * loopback, and these are how tests and the portal drive it.
 */
export function createAdminRoutes(app: App, info: () => Record<string, unknown>): Stage {
  return function adminRoutes(req) {
    const path = req.path.toLowerCase();
    if (!path.startsWith("/_arclink/")) return undefined;
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
          seconds = (JSON.parse(req.rawBody.toString("utf8") || "{}") as { advanceSeconds?: unknown }).advanceSeconds;
        } catch {
          seconds = undefined;
        }
        if (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds < 0) {
          return {
            status: 400,
            body: {
              error: {
                code: "InvalidRequestContent",
                message: 'The body must be {"advanceSeconds": <non-negative number>}.',
              },
            },
          };
        }
        const now = app.system.advanceClock(seconds * 1000);
        return { status: 200, body: { now: now.toISOString(), offsetMs: app.clock.offsetMs } };
      }
      case "POST /_arclink/apply": {
        // The running server applies a world itself, so its in-memory world stays the truth.
        let entries: WorldEntry[];
        try {
          entries = (JSON.parse(req.rawBody.toString("utf8")) as { resources: WorldEntry[] }).resources;
          if (!Array.isArray(entries)) throw new Error("no list");
        } catch {
          return {
            status: 400,
            body: {
              error: { code: "InvalidRequestContent", message: 'The body must be {"resources": [{id, body, line}]}.' },
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
