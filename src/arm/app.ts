import { randomUUID } from "node:crypto";
import type { VirtualClock } from "../fabric/clock.js";
import { createPortalRoutes, systemSource } from "../portal/index.js";
import type { Rule } from "../rules/rule.js";
import type { Operations, Principals, Store } from "../store/index.js";
import { DEFAULT_SUBSCRIPTION_ID, DEFAULT_TENANT_ID, openSystem, type System } from "../system/system.js";
import { createAdminRoutes } from "./admin-routes.js";
import { createAuthenticate } from "./authenticate.js";
import type { EngineEnv } from "./engine.js";
import { renderError } from "./error-response.js";
import type { ArmRequest, ArmResponse } from "./http-types.js";
import { createIdentityRoutes, TokenService } from "./identity/index.js";
import type { Provider } from "./providers/index.js";
import { createResourceRoutes } from "./resource-routes.js";
import { createTenantRoutes } from "./tenant-routes.js";

export { DEFAULT_SUBSCRIPTION_ID, DEFAULT_TENANT_ID };

export interface AppOptions {
  /** The system hub the front serves. Without one, a hub is opened over `store` with the options below. */
  system?: System;
  store?: Store;
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
  /** The data directory's admin key (`admin-auth.ts`); without it admin routes take only the lab principal's token. */
  adminKey?: string;
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
  readonly system: System;
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
  system: givenSystem,
  store: givenStore,
  clock,
  tenantId,
  subscriptionId,
  pageSize,
  providers,
  rules,
  armHostNames = ["management.azure.com", "management.core.windows.net"],
  retryAfterSeconds = 0,
  info = () => ({}),
  adminKey,
}: AppOptions): Promise<App> {
  const system =
    givenSystem ??
    openSystem({ store: givenStore, memory: !givenStore, clock, tenantId, subscriptionId, pageSize, providers, rules });
  const { store, principals, operations, env } = system;
  const tokens = await TokenService.open(store);
  const app = {
    system,
    store,
    clock: system.clock,
    principals,
    operations,
    tokens,
    env,
    tenantId: system.tenantId,
    subscriptionId: system.subscriptionId,
    retryAfterSeconds,
  } as App;

  const authenticate = createAuthenticate(app, armHostNames);
  const pipeline: Stage[] = [
    // 0. The portal: `/` redirect, its files under /portal, its /_arclink/ routes behind the ARM token.
    createPortalRoutes({
      source: systemSource(system),
      authenticate,
      validate: (entries, principalId) => system.apply(entries, { principalId, dryRun: true }),
    }),
    // 1. Admin endpoints live apart from ARM paths, under /_arclink/ (DESIGN.md).
    createAdminRoutes(app, info, { adminKey, armHostNames }),
    // 2. The local authority: token endpoints, OpenID metadata, /metadata/endpoints.
    // Tokens live in real time, as the clients that cache them do (authenticate.ts checks them so).
    createIdentityRoutes({ tenantId: system.tenantId, tokens, principals, now: () => new Date(), armHostNames }),
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
