import type { Principals } from "../../store/index.js";
import type { ArmRequest, ArmResponse } from "../http-types.js";
import { ARM_HOST_NAMES, acceptedAudiences, audienceKey } from "./audiences.js";
import { oauthError } from "./oauth-errors.js";
import { audienceOf, credentialsOf } from "./token-request.js";
import type { TokenService } from "./tokens.js";

export interface TokenEndpointOptions {
  tenantId: string;
  tokens: TokenService;
  principals: Principals;
  now: () => Date;
  /** Host names of the Azure ARM audiences served besides this server's own origin. */
  armHostNames?: readonly string[];
}

/**
 * The OAuth 2.0 token endpoint of every authority the server plays (ADFS, Entra v1 and
 * v2): the client credentials grant only, with the secret in the form or in Basic
 * authorization, and the audience as ADAL's `resource` or MSAL's `scope`.
 */
export function createTokenEndpoint({
  tenantId,
  tokens,
  principals,
  now,
  armHostNames = ARM_HOST_NAMES,
}: TokenEndpointOptions) {
  return async function tokenEndpoint(req: ArmRequest, issuer: string): Promise<ArmResponse> {
    if (req.method !== "POST") {
      return oauthError("MethodNotAllowed", `The token endpoint only accepts POST, not '${req.method}'.`);
    }
    const form = new URLSearchParams(req.rawBody.toString("utf8"));
    const grant = form.get("grant_type");
    if (grant !== "client_credentials") {
      return oauthError(
        "UnsupportedGrantType",
        `The grant type '${grant ?? ""}' is not supported: only client_credentials is.`,
      );
    }
    const credentials = credentialsOf(req, form);
    if (credentials.kind === "malformed") return oauthError("MalformedAuthorization", credentials.reason);
    const { id, secret } = credentials;
    if (!id) return oauthError("MissingClientId", "The request body must contain the parameter 'client_id'.");
    if (!principals.get(id)) {
      return oauthError(
        "UnknownClient",
        `Application with identifier '${id}' was not found in the directory '${tenantId}'.`,
      );
    }
    if (!secret || !principals.verify(id, secret)) {
      return oauthError("InvalidClientSecret", `Invalid client secret provided for app '${id}'.`);
    }
    const audience = audienceOf(form);
    if (!audience) {
      return oauthError(
        "MissingScope",
        `The request must name a 'resource' or a 'scope' ending in '/.default'; found scope '${form.get("scope") ?? ""}'.`,
      );
    }
    // Tokens only for what this authority serves: Azure's ARM audiences and this server itself.
    const served = acceptedAudiences(armHostNames, req.baseUrl);
    if (!served.includes(audienceKey(audience))) {
      return oauthError(
        "UnknownResource",
        `The resource principal named '${audience}' was not found in the tenant named '${tenantId}': this authority serves only ${served.map((s) => `'${s}'`).join(", ")}.`,
      );
    }
    const issued = await tokens.issue({ clientId: id, tenantId, audience, issuer }, now());
    return {
      status: 200,
      headers: { "cache-control": "no-store", pragma: "no-cache" },
      body: {
        token_type: "Bearer",
        expires_in: issued.expiresIn,
        ext_expires_in: issued.expiresIn,
        expires_on: String(issued.expiresOn),
        not_before: String(issued.notBefore),
        resource: audience,
        access_token: issued.token,
      },
    };
  };
}
