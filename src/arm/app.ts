import { randomUUID } from "node:crypto";
import { VirtualClock } from "../fabric/clock.js";
import { createPortalRoutes, storeSource } from "../portal/index.js";
import { RULES } from "../rules/index.js";
import type { Rule } from "../rules/rule.js";
import { Operations, Principals, type Store } from "../store/index.js";
import { applyWorld } from "../world-file/index.js";
import { createAdminRoutes } from "./admin-routes.js";
import { createAuthenticate } from "./authenticate.js";
import type { EngineEnv } from "./engine.js";
import { renderError } from "./error-response.js";
import type { ArmRequest, ArmResponse } from "./http-types.js";
import { createIdentityRoutes, TokenService } from "./identity/index.js";
import { PROVIDERS, type Provider, Registry } from "./providers/index.js";
import { createResourceRoutes } from "./resource-routes.js";
import { createTenantRoutes } from "./tenant-routes.js";

/** The well-known zero GUIDs of the local tenant and subscription. */
export const DEFAULT_TENANT_ID = "00000000-0000-0000-0000-000000000000";
export const DEFAULT_SUBSCRIPTION_ID = "00000000-0000-0000-0000-000000000000";

export interface AppOptions {
  store: Store;
  clock?: VirtualClock;
  tenantId?: string;
  subscriptionId?: string;
  /** Items per page before `nextLink`. */
  pageSize?: number;
  providers?: readonly Provider[];
  rules?: readonly Rule[];
  /** Host names (besides localhost and IPs) whose audiences ARM tokens may carry. */
  armHostNames?: readonly string[];
  /** Seconds in `Retry-After` of long-running operations. */
  retryAfterSeconds?: number;
  /** Extra data `/_arclink/info` reports (endpoints, CA path). */
  info?: () => Record<string, unknown>;
}

/** A stage answers a request, or passes it on by answering undefined. */
export type Stage = (
  req: ArmRequest,
  state: RequestState,
) => Promise<ArmResponse | undefined> | ArmResponse | undefined;

export interface RequestState {
  principalId?: string;
}

export interface App {
  handle(req: ArmRequest): Promise<ArmResponse>;
  readonly store: Store;
  readonly clock: VirtualClock;
  readonly principals: Principals;
  readonly operations: Operations;
  readonly tokens: TokenService;
  readonly env: EngineEnv;
  readonly tenantId: string;
  readonly subscriptionId: string;
  readonly retryAfterSeconds: number;
}

/**
 * Builds the ARM front: identity, admin and ARM routes over one store.
 *
 * @example
 * const app = await createApp({ store: new Store({ inMemory: true }) });
 * const res = await app.handle(request);
 */
export async function createApp({
  store,
  clock = new VirtualClock(),
  tenantId = DEFAULT_TENANT_ID,
  subscriptionId = DEFAULT_SUBSCRIPTION_ID,
  pageSize = 100,
  providers = PROVIDERS,
  rules = RULES,
  armHostNames = ["management.azure.com", "management.core.windows.net"],
  retryAfterSeconds = 0,
  info = () => ({}),
}: AppOptions): Promise<App> {
  const principals = new Principals(store);
  principals.ensureDefault(clock.now());
  const operations = new Operations(store);
  const tokens = await TokenService.open(store);
  const env: EngineEnv = { registry: new Registry(providers), rules, subscriptions: [subscriptionId], pageSize };
  const app = {
    store,
    clock,
    principals,
    operations,
    tokens,
    env,
    tenantId,
    subscriptionId,
    retryAfterSeconds,
  } as App;

  const authenticate = createAuthenticate(app, armHostNames);
  const pipeline: Stage[] = [
    // 0. The portal: `/` redirect, its files under /portal, its /_arclink/ routes behind the ARM token.
    createPortalRoutes({
      source: storeSource(store, clock),
      authenticate,
      validate: (entries, principalId) => applyWorld(app, entries, { principalId, dryRun: true }),
    }),
    // 1. Admin endpoints live apart from ARM paths, under /_arclink/ (DESIGN.md).
    createAdminRoutes(app, info),
    // 2. The local authority: token endpoints, OpenID metadata, /metadata/endpoints.
    createIdentityRoutes({ tenantId, tokens, principals, now: () => new Date() }),
    // 3. Everything else is ARM and needs a valid bearer token for our audience.
    authenticate,
    // 4. Tenant-level ARM: subscriptions, tenants, providers, locations, operations.
    createTenantRoutes(app),
    // 5. Resources: parse the id, check type and api-version, run the engine, commit.
    createResourceRoutes(app),
  ];

  app.handle = async function handle(req: ArmRequest): Promise<ArmResponse> {
    const state: RequestState = {};
    let response: ArmResponse | undefined;
    try {
      for (const stage of pipeline) {
        response = await stage(req, state);
        if (response) break;
      }
      response ??= renderError(
        req,
        Object.assign(new Error("not found"), { code: "NotFound" }),
        404,
        `The path '${req.path}' is not a known ARM, identity or admin path.`,
      );
    } catch (error) {
      response = renderError(req, error);
    }
    response.headers = {
      ...response.headers,
      "x-ms-request-id": req.requestId,
      "x-ms-correlation-request-id": req.headers["x-ms-correlation-request-id"] ?? req.requestId,
      ...(req.headers["x-ms-client-request-id"]
        ? { "x-ms-client-request-id": req.headers["x-ms-client-request-id"] }
        : {}),
    };
    return response;
  };
  return app;
}

/** A new request id, as ARM sends in `x-ms-request-id`. */
export function newRequestId(): string {
  return randomUUID();
}
