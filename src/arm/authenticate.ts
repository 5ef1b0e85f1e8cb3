import { isIP } from "node:net";
import { ArmError } from "../rules/errors.js";
import type { App, Stage } from "./app.js";

/**
 * ARM calls need `Authorization: Bearer <token>` issued by the local authority for an
 * ARM audience: Azure's own ARM audiences, or this server under any of its names.
 */
export function createAuthenticate(app: App, armHostNames: readonly string[]): Stage {
  const hosts = new Set(["localhost", ...armHostNames.map((h) => h.toLowerCase())]);
  const acceptAudience = (aud: string) => {
    try {
      const host = new URL(aud).hostname.toLowerCase().replace(/^\[|\]$/g, "");
      return hosts.has(host) || isIP(host) !== 0;
    } catch {
      return false;
    }
  };
  return async function authenticate(req, state) {
    const header = req.headers.authorization;
    if (!header) {
      throw new ArmError("AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing.");
    }
    const [scheme, token] = header.split(" ");
    if (scheme?.toLowerCase() !== "bearer" || !token) {
      throw new ArmError(
        "AuthenticationFailed",
        "Authentication failed. The 'Authorization' header is provided in an invalid format.",
      );
    }
    // Tokens live in real time: advancing the virtual clock must not expire a client's cached token.
    const claims = await app.tokens.verify(token, new Date(), acceptAudience);
    state.principalId = claims.clientId;
    return undefined;
  };
}
