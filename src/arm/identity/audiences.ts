/** Azure's ARM audiences, which the Azure SDKs ask for by default. */
export const ARM_HOST_NAMES: readonly string[] = ["management.azure.com", "management.core.windows.net"];

/** An audience compared as ARM does: lower case, with its trailing slash. */
export function audienceKey(audience: string): string {
  return (audience.endsWith("/") ? audience : `${audience}/`).toLowerCase();
}

/**
 * The audiences the authority issues tokens for and ARM accepts: Azure's ARM audiences
 * and this server's configured origin — a fixed list, never one derived from a request.
 *
 * @example
 * acceptedAudiences(["management.azure.com"], "https://localhost:8443"); // ["https://management.azure.com/", "https://localhost:8443/"]
 */
export function acceptedAudiences(armHostNames: readonly string[], origin: string): string[] {
  return [...armHostNames.map((h) => `https://${h}/`), `${origin}/`].map(audienceKey);
}

/** The issuers of this server's three authorities (ADFS, Entra v1 and v2). */
export function acceptedIssuers(origin: string, tenantId: string): string[] {
  return [`${origin}/adfs`, `${origin}/${tenantId}/`, `${origin}/${tenantId}/v2.0`];
}

/** Entra ID's names, under which the live network's front doors (src/fabric) serve this same authority. */
const ENTRA_ISSUER_HOSTS = ["login.microsoftonline.com", "login.windows.net"];

/**
 * True when `issuer` is one of this server's authorities: its own origin's three, or the
 * Entra v1/v2 issuers of the Entra ID front doors (`login.microsoftonline.com`,
 * `login.windows.net`, `<region>.login.microsoft.com`, on whatever port they were realized)
 * for the same tenant. The token's signature, checked before, proves it is ours.
 */
export function isAcceptedIssuer(issuer: string, origin: string, tenantId: string): boolean {
  if (acceptedIssuers(origin, tenantId).includes(issuer)) return true;
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return false;
  }
  const host = url.hostname.toLowerCase();
  const entra = ENTRA_ISSUER_HOSTS.includes(host) || host.endsWith(".login.microsoft.com");
  const path = url.pathname.toLowerCase();
  const tenant = tenantId.toLowerCase();
  return url.protocol === "https:" && entra && (path === `/${tenant}/` || path === `/${tenant}/v2.0`);
}
