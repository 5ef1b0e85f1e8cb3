import { isIP } from "node:net";
import { ArmError } from "../rules/errors.js";
import type { App, Stage } from "./app.js";
import type { ArmRequest, ArmResponse } from "./http-types.js";

/** The host of an audience URI, lower-case and without IPv6 brackets; undefined if it is not a URI. */
function audienceHost(aud: string): string | undefined {
  try {
    return new URL(aud).hostname.toLowerCase().replace(/^\[|\]$/g, "");
  } catch {
    return undefined;
  }
}

/**
 * ARM calls need `Authorization: Bearer <token>` issued by the local authority for an
 * ARM audience: Azure's own ARM audiences (what the Azure SDKs ask for), or this server
 * under any of its names — localhost, an IP address, or the host the request came to
 * (what the Azure CLI asks for after `az cloud register`). A 401 carries ARM's error
 * body and a `WWW-Authenticate` challenge naming the authority.
 */
export function createAuthenticate(app: App, armHostNames: readonly string[]): Stage {
  const hosts = new Set(["localhost", ...armHostNames.map((h) => h.toLowerCase())]);

  function checkAudience(req: ArmRequest, audience: string): void {
    const host = audienceHost(audience);
    const own = audienceHost(req.baseUrl);
    if (host && (hosts.has(host) || isIP(host) !== 0 || host === own)) return;
    const allowed = [`${req.baseUrl}/`, ...[...hosts].filter((h) => h !== "localhost").map((h) => `https://${h}/`)];
    throw new ArmError(
      "InvalidAuthenticationTokenAudience",
      `The access token has been obtained for wrong audience or resource '${audience}'. It should exactly match with one of the allowed audiences ${allowed.map((a) => `'${a}'`).join(",")}.`,
    );
  }

  async function verify(req: ArmRequest): Promise<string> {
    const header = req.headers.authorization;
    if (!header) {
      throw new ArmError("AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing.");
    }
    const [scheme, token, extra] = header.trim().split(/\s+/);
    if (scheme?.toLowerCase() !== "bearer" || !token || extra) {
      throw new ArmError(
        "AuthenticationFailed",
        "Authentication failed. The 'Authorization' header is provided in an invalid format: expected 'Bearer <token>'.",
      );
    }
    // Tokens live in real time: advancing the virtual clock must not expire a client's cached token.
    const claims = await app.tokens.verify(token, new Date());
    checkAudience(req, claims.audience);
    return claims.clientId;
  }

  return async function authenticate(req, state): Promise<ArmResponse | undefined> {
    try {
      state.principalId = await verify(req);
      return undefined;
    } catch (error) {
      if (!(error instanceof ArmError)) throw error;
      // ARM's challenge; clients that handle claims challenges read it, the rest ignore it.
      const challenge = `Bearer authorization_uri="${req.baseUrl}/adfs", error="invalid_token", error_description="${error.message.replace(/"/g, "'")}"`;
      return { status: error.status, headers: { "www-authenticate": challenge }, body: error.toBody() };
    }
  };
}
