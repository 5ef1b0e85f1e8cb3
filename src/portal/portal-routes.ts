import type { RequestState, Stage } from "../arm/app.js";
import type { ArmRequest, ArmResponse } from "../arm/http-types.js";
import type { ApplyReport, WorldEntry } from "../world-file/index.js";
import { createEventsRoute } from "./events-route.js";
import { hostsFile, onboardingScript } from "./generate-routes.js";
import type { PortalSource } from "./portal-source.js";
import { createStaticFiles, WEB_ROOT } from "./static-files.js";
import { healthIndex, type Topology, topology } from "./topology-layout.js";
import { createVerifyCache, hostDetail, machineHealth } from "./verify-cache.js";

export interface PortalOptions {
  source: PortalSource;
  /** The ARM front's token check: the portal's `/_arclink/` routes take the same bearer token. */
  authenticate: Stage;
  /** Runs the entries through the engine and rules without committing (`applyWorld` dry run). */
  validate(entries: WorldEntry[], principalId: string | undefined): ApplyReport;
  webRoot?: string;
}

/** Request bodies of the portal's routes are small JSON documents. */
const MAX_JSON_BYTES = 256 * 1024;

function bad(message: string): ArmResponse {
  return { status: 400, body: { error: { code: "InvalidRequestContent", message } } };
}

function jsonBody(req: ArmRequest): Record<string, unknown> | undefined {
  if (req.rawBody.length > MAX_JSON_BYTES) return undefined;
  try {
    const value = JSON.parse(req.rawBody.toString("utf8") || "null");
    return value && typeof value === "object" && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The portal: `/` redirects to `/portal/`; `/portal/*` serves the bundle; and the
 * `/_arclink/` routes the portal reads besides ARM, each behind the ARM bearer token:
 * verify results and per-host traces, the laid-out topology, the change feed (SSE),
 * the generators, and validation without commit. Other paths pass on.
 *
 * @example
 * const portal = createPortalRoutes({ source: systemSource(system), authenticate, validate });
 */
export function createPortalRoutes({ source, authenticate, validate, webRoot = WEB_ROOT }: PortalOptions): Stage {
  const files = createStaticFiles({ root: webRoot, prefix: "/portal" });
  const verify = createVerifyCache(source);
  const events = createEventsRoute(source);
  let laid: { version: number; colours: string; topology: Promise<Topology> } | undefined;

  // Laid out once per world version; a re-verify at a later time that changes no colour reuses it.
  function currentTopology(): Promise<Topology> {
    const cached = verify();
    const world = source.snapshot();
    const health = healthIndex(world, cached.report.hosts, cached.report.findings);
    const colours = JSON.stringify([[...health.byHost], [...health.byResource]]);
    if (laid?.version === cached.version && laid.colours === colours) return laid.topology;
    laid = { version: cached.version, colours, topology: topology(world, health) };
    return laid.topology;
  }

  const routes: Record<string, (req: ArmRequest, state: RequestState) => Promise<ArmResponse> | ArmResponse> = {
    // The verify report in the `arclink verify --json` schema (docs/verify.md).
    "GET /_arclink/verify": () => ({
      status: 200,
      headers: { "content-type": "application/json; charset=utf-8" },
      body: verify().json(),
    }),
    // One host's rows with their traces as text and its findings with fixes.
    "GET /_arclink/verify/host": (req) => {
      const id = req.query.get("id");
      if (!id) return bad("The query parameter 'id' (a host's resource id) is required.");
      return { status: 200, body: hostDetail(verify(), id) };
    },
    // Each machine's host and its worst finding: the Machines list's verifier column.
    "GET /_arclink/verify/machines": () => ({ status: 200, body: machineHealth(verify()) }),
    "GET /_arclink/topology": async () => ({
      status: 200,
      body: { version: verify().version, ...(await currentTopology()) },
    }),
    "GET /_arclink/events": () => events(),
    "GET /_arclink/generate/hosts": (req) => hostsFile(source.snapshot(), req.query),
    "POST /_arclink/generate/onboarding-script": (req) => {
      const body = jsonBody(req);
      return body ? onboardingScript(source.snapshot(), body) : bad("The body must be a JSON object of options.");
    },
    // Review + create: every resource the wizard would PUT, checked by the same engine and rules.
    "POST /_arclink/validate": (req, state) => {
      const body = jsonBody(req);
      const list = body?.resources;
      if (!Array.isArray(list) || list.some((e) => typeof e?.id !== "string" || typeof e?.body !== "object")) {
        return bad('The body must be {"resources": [{"id", "body"}]}.');
      }
      const entries = list.map((e, i) => ({
        id: e.id as string,
        body: e.body as Record<string, unknown>,
        line: i + 1,
      }));
      const report = validate(entries, state.principalId);
      return { status: 200, body: { valid: report.errors.length === 0, errors: report.errors } };
    },
  };

  return async function portal(req, state) {
    const path = req.path.toLowerCase();
    if (path === "" || path === "/") {
      if (req.method !== "GET" && req.method !== "HEAD") return undefined;
      return { status: 302, headers: { location: "/portal/" } };
    }
    if (path === "/portal" || path.startsWith("/portal/")) return files(req);
    const route = routes[`${req.method} ${path}`];
    if (!route) return undefined;
    const refused = await authenticate(req, state);
    if (refused) return refused;
    return route(req, state);
  };
}
