import { randomUUID } from "node:crypto";
import type { ArmResponse } from "../http-types.js";

/**
 * The catalogue of OAuth errors the local authority returns: the OAuth `error` value,
 * the HTTP status and the AADSTS number Entra ID uses for the same failure. A key is
 * never reused for another meaning.
 */
export const OAUTH_ERRORS = {
  MethodNotAllowed: { error: "invalid_request", status: 405, aadsts: 900561 },
  UnsupportedGrantType: { error: "unsupported_grant_type", status: 400, aadsts: 70003 },
  MissingClientId: { error: "invalid_request", status: 400, aadsts: 900144 },
  MalformedAuthorization: { error: "invalid_request", status: 400, aadsts: 900023 },
  UnknownClient: { error: "unauthorized_client", status: 400, aadsts: 700016 },
  InvalidClientSecret: { error: "invalid_client", status: 401, aadsts: 7000215 },
  MissingScope: { error: "invalid_scope", status: 400, aadsts: 70011 },
  // A resource this authority does not serve (Entra: the resource principal is not in the tenant).
  UnknownResource: { error: "invalid_resource", status: 400, aadsts: 500011 },
  // Entra answers an unknown tenant with invalid_request at the token endpoint and
  // invalid_tenant at the OpenID discovery document.
  UnknownTenant: { error: "invalid_request", status: 400, aadsts: 90002 },
  UnknownTenantDiscovery: { error: "invalid_tenant", status: 400, aadsts: 90002 },
} as const;

export type OAuthErrorName = keyof typeof OAUTH_ERRORS;

/**
 * An OAuth error response in Entra ID's shape.
 *
 * @example
 * oauthError("UnknownClient", "Application with identifier 'x' was not found in the directory 't'.");
 */
export function oauthError(name: OAuthErrorName, description: string): ArmResponse {
  const { error, status, aadsts } = OAUTH_ERRORS[name];
  return {
    status,
    headers: { "cache-control": "no-store", pragma: "no-cache" },
    body: {
      error,
      error_description: `AADSTS${aadsts}: ${description}`,
      error_codes: [aadsts],
      timestamp: new Date().toISOString(),
      trace_id: randomUUID(),
      correlation_id: randomUUID(),
    },
  };
}
