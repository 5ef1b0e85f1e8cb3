import { randomBytes, timingSafeEqual } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ArmError } from "../rules/errors.js";
import type { App } from "./app.js";
import { createBearerVerifier } from "./authenticate.js";
import type { ArmRequest } from "./http-types.js";
import { requireJsonBody } from "./request-limits.js";

/** The header that carries the local admin key. A custom header is never sent by a plain HTML form. */
export const ADMIN_KEY_HEADER = "x-arclink-admin-key";

/** The admin key file of a data directory. */
export function adminKeyPath(dataDir: string): string {
  return join(dataDir, "admin.key");
}

/**
 * The data directory's admin key: read it, or create it (32 random bytes, base64url)
 * owner-only (0600). An existing file is tightened to 0600.
 *
 * @example
 * const { key, path } = loadOrCreateAdminKey(".arclink");
 */
export function loadOrCreateAdminKey(dataDir: string): { key: string; path: string } {
  const path = adminKeyPath(dataDir);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  try {
    writeFileSync(path, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    chmodSync(path, 0o600);
  }
  return { key: readFileSync(path, "utf8").trim(), path };
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export interface AdminGuardOptions {
  /** The local admin key; when absent only a token of the lab's own principal is accepted. */
  adminKey?: string;
  armHostNames: readonly string[];
}

/**
 * Who may call `/_arclink/*` (all but `GET /_arclink/health`): a request from no other
 * origin (a browser's `Origin` or `Sec-Fetch-Site` must name this server), with a JSON
 * body if any, carrying the data directory's admin key in `x-arclink-admin-key` or a
 * bearer token of the lab's own service principal. Throws ARM's 401 `AuthenticationFailed`
 * without a credential and 403 `AuthorizationFailed` for a foreign origin or principal.
 *
 * @example
 * const guard = createAdminGuard(app, { adminKey, armHostNames: ["management.azure.com"] });
 * await guard(req); // throws unless the caller may administer the lab
 */
export function createAdminGuard(app: App, { adminKey, armHostNames }: AdminGuardOptions) {
  const verifyBearer = createBearerVerifier(app, armHostNames);
  return async function adminGuard(req: ArmRequest): Promise<void> {
    const origin = req.headers.origin;
    const site = req.headers["sec-fetch-site"];
    if (
      (origin !== undefined && origin !== req.baseUrl) ||
      (site !== undefined && !["same-origin", "none"].includes(site))
    ) {
      throw new ArmError(
        "AuthorizationFailed",
        `Admin endpoints refuse cross-origin requests: origin '${origin ?? site}' is not '${req.baseUrl}'.`,
      );
    }
    requireJsonBody(req.headers, req.rawBody);
    const key = req.headers[ADMIN_KEY_HEADER];
    if (key !== undefined) {
      if (adminKey && sameSecret(key, adminKey)) return;
      throw new ArmError("AuthorizationFailed", `The '${ADMIN_KEY_HEADER}' header does not hold this lab's admin key.`);
    }
    if (!req.headers.authorization) {
      throw new ArmError(
        "AuthenticationFailed",
        `Authentication failed. Admin endpoints need the '${ADMIN_KEY_HEADER}' header (the data directory's admin.key) or a bearer token of the lab's service principal.`,
      );
    }
    const { principalId } = await verifyBearer(req);
    const own = app.principals.list()[0]?.clientId;
    if (!own || own.toLowerCase() !== principalId.toLowerCase()) {
      throw new ArmError(
        "AuthorizationFailed",
        `The service principal '${principalId}' may not call admin endpoints: only the lab's own principal '${own}' may.`,
      );
    }
  };
}
