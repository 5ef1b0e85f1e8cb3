import { type App, type AppOptions, createApp, newRequestId } from "../../src/arm/app.js";
import type { ArmResponse } from "../../src/arm/http-types.js";
import { Store } from "../../src/store/index.js";
import { normalizePath } from "../../src/world/index.js";

export interface Injector {
  app: App;
  store: Store;
  /** Sends a request in-process, authenticated as the default service principal unless `token` is null. */
  call(
    method: string,
    path: string,
    options?: { body?: unknown; rawBody?: string; headers?: Record<string, string>; token?: string | null },
  ): Promise<ArmResponse & { body: any }>;
  /** A valid ARM token of the default service principal. */
  token: string;
}

/**
 * An app over an in-memory store, driven without sockets (STYLE.md §16: in-process
 * first, like hono's `app.request` and fastify's `inject`).
 *
 * @example
 * const { call } = await inject();
 * const res = await call("PUT", "/subscriptions/0000.../resourcegroups/rg?api-version=2025-04-01", { body: { location: "westeurope" } });
 */
export async function inject(options: Partial<AppOptions> = {}): Promise<Injector> {
  const store = options.store ?? new Store({ inMemory: true });
  const app = await createApp({ ...options, store });
  const sp = app.principals.ensureDefault(new Date());
  const { token } = await app.tokens.issue(
    {
      clientId: sp.clientId,
      tenantId: app.tenantId,
      audience: "https://management.azure.com/",
      issuer: "https://localhost:8443/adfs",
    },
    new Date(),
  );
  async function call(
    method: string,
    path: string,
    opts: { body?: unknown; rawBody?: string; headers?: Record<string, string>; token?: string | null } = {},
  ) {
    const url = new URL(path.replace(/^\/{2,}/, "/"), "https://localhost:8443");
    const headers: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(opts.headers ?? {})) headers[k.toLowerCase()] = v;
    if (opts.token !== null) headers.authorization ??= `Bearer ${opts.token ?? token}`;
    const raw = opts.rawBody ?? (opts.body === undefined ? "" : JSON.stringify(opts.body));
    // As every Azure SDK does; a test that means otherwise sets its own content-type.
    if (raw !== "") headers["content-type"] ??= "application/json";
    return (await app.handle({
      method,
      path: normalizePath(decodeURIComponent(url.pathname)),
      query: url.searchParams,
      headers,
      rawBody: Buffer.from(raw),
      baseUrl: "https://localhost:8443",
      requestId: newRequestId(),
    })) as ArmResponse & { body: any };
  }
  return { app, store, call, token };
}

export const SUB = "00000000-0000-0000-0000-000000000000";
export const RG_API = "api-version=2025-04-01";
