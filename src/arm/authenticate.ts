import { ArmError } from "../rules/errors.js";
import type { App, Stage } from "./app.js";
import type { ArmRequest, ArmResponse } from "./http-types.js";
import { acceptedAudiences, acceptedIssuers, audienceKey, isAcceptedIssuer } from "./identity/index.js";

/** Who a verified bearer token speaks for. */
export interface Caller {
  principalId: string;
}

/**
 * Verifies `Authorization: Bearer <token>` as ARM does and answers who is calling, or
 * throws ARM's 401s: `AuthenticationFailed` (no or malformed header),
 * `InvalidAuthenticationToken` (bad signature, not yet valid, or its principal deleted),
 * `ExpiredAuthenticationToken`, `InvalidAuthenticationTokenAudience` (an audience other
 * than Azure's ARM audiences or this server's configured origin — never one derived from
 * the request), `InvalidAuthenticationTokenTenant` (another tenant or issuer).
 *
 * @example
 * const verify = createBearerVerifier(app, ["management.azure.com"]);
 * const { principalId } = await verify(req);
 */
export function createBearerVerifier(app: App, armHostNames: readonly string[]) {
  return async function verifyBearer(req: ArmRequest): Promise<Caller> {
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
    const audiences = acceptedAudiences(armHostNames, req.baseUrl);
    if (!audiences.includes(audienceKey(claims.audience))) {
      throw new ArmError(
        "InvalidAuthenticationTokenAudience",
        `The access token has been obtained for wrong audience or resource '${claims.audience}'. It should exactly match with one of the allowed audiences ${audiences.map((a) => `'${a}'`).join(",")}.`,
      );
    }
    const issuers = acceptedIssuers(req.baseUrl, app.tenantId);
    if (
      claims.tenantId.toLowerCase() !== app.tenantId.toLowerCase() ||
      !isAcceptedIssuer(claims.issuer, req.baseUrl, app.tenantId)
    ) {
      throw new ArmError(
        "InvalidAuthenticationTokenTenant",
        `The access token is from the wrong issuer '${claims.issuer}' or tenant '${claims.tenantId}'. It must match the tenant '${app.tenantId}' and one of the issuers ${issuers.map((i) => `'${i}'`).join(",")}.`,
      );
    }
    if (!app.principals.get(claims.clientId)) {
      throw new ArmError(
        "InvalidAuthenticationToken",
        `The access token is invalid: its service principal '${claims.clientId}' does not exist in tenant '${app.tenantId}'.`,
      );
    }
    return { principalId: claims.clientId };
  };
}

/** ARM's 401: the error body and a `WWW-Authenticate` challenge naming the authority. */
export function challenge(req: ArmRequest, error: ArmError): ArmResponse {
  // ARM's challenge; clients that handle claims challenges read it, the rest ignore it.
  const value = `Bearer authorization_uri="${req.baseUrl}/adfs", error="invalid_token", error_description="${error.message.replace(/"/g, "'")}"`;
  return {
    status: error.status,
    headers: error.status === 401 ? { "www-authenticate": value } : {},
    body: error.toBody(),
  };
}

/**
 * ARM calls need a bearer token issued by the local authority for an ARM audience
 * (`createBearerVerifier`); a refusal is a 401 with ARM's error body and challenge.
 */
export function createAuthenticate(app: App, armHostNames: readonly string[]): Stage {
  const verify = createBearerVerifier(app, armHostNames);
  return async function authenticate(req, state): Promise<ArmResponse | undefined> {
    try {
      state.principalId = (await verify(req)).principalId;
      return undefined;
    } catch (error) {
      if (!(error instanceof ArmError)) throw error;
      return challenge(req, error);
    }
  };
}
