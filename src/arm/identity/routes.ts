import { randomUUID } from "node:crypto";
import type { Principals } from "../../store/index.js";
import type { ArmRequest, ArmResponse } from "../http-types.js";
import type { TokenService } from "./tokens.js";

export interface IdentityOptions {
  tenantId: string;
  tokens: TokenService;
  principals: Principals;
  now: () => Date;
}

function oauthError(status: number, error: string, description: string, aadsts: number): ArmResponse {
  return {
    status,
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

function openidConfiguration(issuer: string, base: string, prefix: string): Record<string, unknown> {
  return {
    issuer,
    authorization_endpoint: `${base}${prefix}/authorize`,
    token_endpoint: `${base}${prefix}/token`,
    device_authorization_endpoint: `${base}${prefix}/devicecode`,
    jwks_uri: `${base}${prefix.replace(/\/oauth2.*$/, "")}/discovery/keys`,
    response_types_supported: ["code", "id_token", "code id_token", "token id_token", "token"],
    response_modes_supported: ["query", "fragment", "form_post"],
    subject_types_supported: ["pairwise"],
    id_token_signing_alg_values_supported: ["ES256"],
    scopes_supported: ["openid", "profile", "email", "offline_access"],
    token_endpoint_auth_methods_supported: ["client_secret_post", "client_secret_basic", "private_key_jwt"],
    grant_types_supported: ["client_credentials"],
    claims_supported: ["sub", "iss", "aud", "exp", "iat", "tid", "appid"],
    tenant_region_scope: "NA",
    cloud_instance_name: new URL(base).host,
    cloud_graph_host_name: new URL(base).host,
    msgraph_host: new URL(base).host,
  };
}

/** The audience a client asked for: ADAL's `resource`, or MSAL's `scope` without `/.default`. */
function audienceOf(form: URLSearchParams): string | undefined {
  const resource = form.get("resource");
  if (resource) return resource;
  const scope = form
    .get("scope")
    ?.split(" ")
    .find((s) => s.endsWith("/.default"));
  return scope ? `${scope.slice(0, -"/.default".length)}/` : undefined;
}

/** Client id and secret from the form (client_secret_post) or Basic authorization. */
function credentialsOf(req: ArmRequest, form: URLSearchParams): { id?: string; secret?: string } {
  const auth = req.headers.authorization;
  if (auth?.toLowerCase().startsWith("basic ")) {
    const [id, secret] = Buffer.from(auth.slice(6), "base64").toString("utf8").split(":");
    return { id: decodeURIComponent(id ?? ""), secret: decodeURIComponent(secret ?? "") };
  }
  return { id: form.get("client_id") ?? undefined, secret: form.get("client_secret") ?? undefined };
}

/**
 * The local authority's endpoints: an ADFS-style one under `/adfs` (the only kind the
 * Azure CLI accepts offline) and the Entra-style `/{tenant}/oauth2/v2.0/token` that
 * `@azure/identity` uses. Answers undefined for paths that are not identity paths.
 */
export function createIdentityRoutes(opts: IdentityOptions) {
  const { tenantId, tokens, principals } = opts;
  const tenantOk = (t: string) => [tenantId.toLowerCase(), "organizations", "common", "adfs"].includes(t.toLowerCase());

  async function token(req: ArmRequest, issuer: string): Promise<ArmResponse> {
    if (req.method !== "POST")
      return oauthError(405, "invalid_request", "The token endpoint only accepts POST.", 900561);
    const form = new URLSearchParams(req.rawBody.toString("utf8"));
    const grant = form.get("grant_type");
    if (grant !== "client_credentials") {
      return oauthError(
        400,
        "unsupported_grant_type",
        `The grant type '${grant ?? ""}' is not supported; use client_credentials.`,
        70003,
      );
    }
    const { id, secret } = credentialsOf(req, form);
    if (!id)
      return oauthError(400, "invalid_request", "The request body must contain the parameter 'client_id'.", 900144);
    if (!principals.get(id)) {
      return oauthError(
        400,
        "unauthorized_client",
        `Application with identifier '${id}' was not found in the directory '${tenantId}'.`,
        700016,
      );
    }
    if (!secret || !principals.verify(id, secret)) {
      return oauthError(401, "invalid_client", `Invalid client secret provided for app '${id}'.`, 7000215);
    }
    const audience = audienceOf(form);
    if (!audience)
      return oauthError(
        400,
        "invalid_scope",
        "The request must name a resource or a scope ending in '/.default'.",
        70011,
      );
    const issued = await tokens.issue({ clientId: id, tenantId, audience, issuer }, opts.now());
    return {
      status: 200,
      headers: { "cache-control": "no-store", pragma: "no-cache" },
      body: {
        token_type: "Bearer",
        expires_in: issued.expiresIn,
        ext_expires_in: issued.expiresIn,
        expires_on: String(issued.expiresOn),
        resource: audience,
        access_token: issued.token,
      },
    };
  }

  return async function identityRoutes(req: ArmRequest): Promise<ArmResponse | undefined> {
    const base = req.baseUrl;
    const segments = req.path.split("/").slice(1);
    const lower = req.path.toLowerCase();
    if (lower === "/metadata/endpoints") {
      // Azure Stack's metadata document, read by `az cloud register --endpoint-resource-manager` [CLI245].
      return {
        status: 200,
        body: {
          galleryEndpoint: `${base}/`,
          graphEndpoint: `${base}/`,
          portalEndpoint: `${base}/`,
          authentication: { loginEndpoint: `${base}/adfs`, audiences: [`${base}/`] },
        },
      };
    }
    if (lower === "/adfs/.well-known/openid-configuration") {
      return { status: 200, body: openidConfiguration(`${base}/adfs`, base, "/adfs/oauth2") };
    }
    if (lower === "/adfs/oauth2/token") return token(req, `${base}/adfs`);
    if (
      lower === "/adfs/discovery/keys" ||
      lower.endsWith("/discovery/v2.0/keys") ||
      lower.endsWith("/discovery/keys")
    ) {
      return { status: 200, body: { keys: [tokens.publicJwk] } };
    }
    if (lower === "/common/discovery/instance") {
      const host = new URL(base).host;
      return {
        status: 200,
        body: {
          tenant_discovery_endpoint: `${base}/${tenantId}/v2.0/.well-known/openid-configuration`,
          "api-version": "1.1",
          metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
        },
      };
    }
    const [tenant, a, b, c] = segments;
    if (!tenant || segments.length < 2) return undefined;
    const isIdentityPath =
      (a === "v2.0" && b === ".well-known") ||
      a === ".well-known" ||
      (a === "oauth2" && (b === "token" || b === "v2.0"));
    if (!isIdentityPath) return undefined;
    if (!tenantOk(tenant)) {
      return oauthError(400, "invalid_tenant", `Tenant '${tenant}' not found.`, 90002);
    }
    if (a === "v2.0" && b === ".well-known" && c === "openid-configuration") {
      return { status: 200, body: openidConfiguration(`${base}/${tenantId}/v2.0`, base, `/${tenantId}/oauth2/v2.0`) };
    }
    if (a === ".well-known" && b === "openid-configuration") {
      return { status: 200, body: openidConfiguration(`${base}/${tenantId}/`, base, `/${tenantId}/oauth2`) };
    }
    if (a === "oauth2" && b === "v2.0" && c === "token") return token(req, `${base}/${tenantId}/v2.0`);
    if (a === "oauth2" && b === "token") return token(req, `${base}/${tenantId}/`);
    return undefined;
  };
}
