import type { ArmRequest } from "../http-types.js";

/**
 * The audience a client asked for, as a resource URI: ADAL's `resource`, or the first
 * MSAL scope ending in `/.default` with that suffix removed (the Azure CLI's
 * `scopes_to_resource`: `https://management.core.windows.net//.default` →
 * `https://management.core.windows.net/`). Undefined when the request names neither.
 */
export function audienceOf(form: URLSearchParams): string | undefined {
  const resource = form.get("resource");
  if (resource) return resource;
  const scope = form
    .get("scope")
    ?.split(/\s+/)
    .find((s) => s.endsWith("/.default"));
  return scope ? scope.slice(0, -"/.default".length) || undefined : undefined;
}

export type ClientCredentials = { kind: "ok"; id?: string; secret?: string } | { kind: "malformed"; reason: string };

function formDecode(value: string): string {
  return decodeURIComponent(value.replace(/\+/g, " "));
}

/**
 * Client id and secret from `Authorization: Basic` (client_secret_basic, RFC 6749 §2.3.1:
 * each part form-encoded, then joined by the first colon) or from the form body
 * (client_secret_post).
 */
export function credentialsOf(req: Pick<ArmRequest, "headers">, form: URLSearchParams): ClientCredentials {
  const auth = req.headers.authorization;
  if (auth?.toLowerCase().startsWith("basic ")) {
    const decoded = Buffer.from(auth.slice(6).trim(), "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon < 0) return { kind: "malformed", reason: "The Basic authorization header has no colon." };
    try {
      return { kind: "ok", id: formDecode(decoded.slice(0, colon)), secret: formDecode(decoded.slice(colon + 1)) };
    } catch {
      return { kind: "malformed", reason: "The Basic authorization header is not form-encoded." };
    }
  }
  return { kind: "ok", id: form.get("client_id") ?? undefined, secret: form.get("client_secret") ?? undefined };
}
