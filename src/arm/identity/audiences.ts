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
