/**
 * The OpenID discovery document of one authority: `issuer`, and the endpoints under
 * `prefix` (the `oauth2` path of that authority). MSAL reads `authorization_endpoint`
 * and `token_endpoint` (both required) and takes the tenant from the token endpoint's
 * first path segment.
 *
 * @example
 * openidConfiguration("https://localhost:8443/adfs", "https://localhost:8443", "/adfs/oauth2", "/adfs/discovery/keys");
 */
export function openidConfiguration(
  issuer: string,
  base: string,
  prefix: string,
  keysPath: string,
): Record<string, unknown> {
  const host = new URL(base).host;
  return {
    issuer,
    authorization_endpoint: `${base}${prefix}/authorize`,
    token_endpoint: `${base}${prefix}/token`,
    device_authorization_endpoint: `${base}${prefix}/devicecode`,
    jwks_uri: `${base}${keysPath}`,
    response_types_supported: ["token"],
    response_modes_supported: ["query", "fragment", "form_post"],
    subject_types_supported: ["pairwise"],
    id_token_signing_alg_values_supported: ["ES256"],
    access_token_issuer: issuer,
    scopes_supported: ["openid"],
    token_endpoint_auth_methods_supported: ["client_secret_post", "client_secret_basic"],
    grant_types_supported: ["client_credentials"],
    claims_supported: ["sub", "iss", "aud", "exp", "iat", "nbf", "tid", "appid", "azp", "oid"],
    tenant_region_scope: "NA",
    cloud_instance_name: host,
    cloud_graph_host_name: host,
    msgraph_host: host,
  };
}
