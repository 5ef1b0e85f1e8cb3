import type { Principals } from "../../store/index.js";
import type { ArmRequest, ArmResponse } from "../http-types.js";
import { metadataEndpoints } from "./metadata-endpoints.js";
import { oauthError } from "./oauth-errors.js";
import { openidConfiguration } from "./openid-configuration.js";
import { createTokenEndpoint } from "./token-endpoint.js";
import type { TokenService } from "./tokens.js";

export interface IdentityOptions {
  tenantId: string;
  tokens: TokenService;
  principals: Principals;
  now: () => Date;
  /** Host names of the Azure ARM audiences the token endpoints serve (default Azure's two). */
  armHostNames?: readonly string[];
}

/** Tenant path segments the Entra-style authority answers besides the tenant id. */
const TENANT_ALIASES = ["organizations", "common"];

/**
 * The local authority's endpoints: `/metadata/endpoints`; an ADFS-style authority under
 * `/adfs` (what the Azure CLI gets from the metadata, so MSAL does no instance discovery);
 * and the Entra-style `/{tenant}/oauth2[/v2.0]/token` with its discovery documents, which
 * `@azure/identity` uses with `authorityHost` and `disableInstanceDiscovery`. Answers
 * undefined for every other path.
 *
 * @example
 * const identity = createIdentityRoutes({ tenantId, tokens, principals, now: () => new Date() });
 * await identity(req); // an ArmResponse for /adfs/oauth2/token, undefined for /subscriptions
 */
export function createIdentityRoutes(opts: IdentityOptions) {
  const { tenantId } = opts;
  const token = createTokenEndpoint(opts);
  const keys = (): ArmResponse => ({ status: 200, body: { keys: [opts.tokens.publicJwk] } });
  const isTenant = (t: string) =>
    t.toLowerCase() === tenantId.toLowerCase() || TENANT_ALIASES.includes(t.toLowerCase());

  function adfs(req: ArmRequest, rest: string): Promise<ArmResponse> | ArmResponse | undefined {
    const base = req.baseUrl;
    if (rest === ".well-known/openid-configuration") {
      return { status: 200, body: openidConfiguration(`${base}/adfs`, base, "/adfs/oauth2", "/adfs/discovery/keys") };
    }
    if (rest === "oauth2/token") return token(req, `${base}/adfs`);
    if (rest === "discovery/keys") return keys();
    return undefined;
  }

  function entra(req: ArmRequest, tenant: string, rest: string): Promise<ArmResponse> | ArmResponse | undefined {
    const base = req.baseUrl;
    const known = [
      "v2.0/.well-known/openid-configuration",
      ".well-known/openid-configuration",
      "oauth2/v2.0/token",
      "oauth2/token",
      "discovery/v2.0/keys",
      "discovery/keys",
    ];
    if (!known.includes(rest)) return undefined;
    if (!isTenant(tenant)) {
      const discovery = rest.includes("well-known");
      return oauthError(
        discovery ? "UnknownTenantDiscovery" : "UnknownTenant",
        `Tenant '${tenant}' not found: this authority serves only tenant '${tenantId}'.`,
      );
    }
    switch (rest) {
      case "v2.0/.well-known/openid-configuration":
        return {
          status: 200,
          body: openidConfiguration(
            `${base}/${tenantId}/v2.0`,
            base,
            `/${tenantId}/oauth2/v2.0`,
            `/${tenantId}/discovery/v2.0/keys`,
          ),
        };
      case ".well-known/openid-configuration":
        return {
          status: 200,
          body: openidConfiguration(`${base}/${tenantId}/`, base, `/${tenantId}/oauth2`, `/${tenantId}/discovery/keys`),
        };
      case "oauth2/v2.0/token":
        return token(req, `${base}/${tenantId}/v2.0`);
      case "oauth2/token":
        return token(req, `${base}/${tenantId}/`);
      default:
        return keys();
    }
  }

  /** Entra's instance discovery, for clients that ask this host instead of login.microsoftonline.com. */
  function instanceDiscovery(req: ArmRequest): ArmResponse {
    const host = new URL(req.baseUrl).host;
    return {
      status: 200,
      body: {
        tenant_discovery_endpoint: `${req.baseUrl}/${tenantId}/v2.0/.well-known/openid-configuration`,
        "api-version": "1.1",
        metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
      },
    };
  }

  return async function identityRoutes(req: ArmRequest): Promise<ArmResponse | undefined> {
    const lower = req.path.toLowerCase();
    if (lower === "/common/discovery/instance") return instanceDiscovery(req);
    if (lower === "/metadata/endpoints") {
      return { status: 200, body: metadataEndpoints(req.baseUrl, req.query.get("api-version")) };
    }
    if (lower.startsWith("/adfs/")) return adfs(req, lower.slice("/adfs/".length));
    const slash = req.path.indexOf("/", 1);
    if (slash < 0) return undefined;
    return entra(req, req.path.slice(1, slash), lower.slice(slash + 1));
  };
}
