/**
 * ARM's `/metadata/endpoints` for this server at `base`.
 *
 * api-version 2015-01-01 (what `az cloud register --endpoint-resource-manager` reads
 * through msrestazure [CLI245]) is one object: `authentication.loginEndpoint` becomes the
 * CLI's `active_directory`, `audiences[0]` its `active_directory_resource_id`,
 * `graphEndpoint` its `active_directory_graph_resource_id` (all three required). The
 * login endpoint ends in `/adfs`, so the CLI and MSAL treat it as an ADFS authority and
 * skip Entra's instance discovery at login.microsoftonline.com.
 *
 * api-version 2019-05-01 and later is the list of clouds that `ARM_CLOUD_METADATA_URL`
 * reads, with one cloud named `arclink`.
 *
 * @example
 * metadataEndpoints("https://localhost:8443", "2015-01-01").authentication.loginEndpoint; // "https://localhost:8443/adfs"
 */
export function metadataEndpoints(base: string, apiVersion: string | null) {
  const audience = `${base}/`;
  const legacy = {
    galleryEndpoint: audience,
    graphEndpoint: audience,
    portalEndpoint: audience,
    authentication: { loginEndpoint: `${base}/adfs`, audiences: [audience] },
  };
  if (!apiVersion || apiVersion < "2019-05-01") return legacy;
  return [
    {
      name: "arclink",
      portal: audience,
      resourceManager: audience,
      gallery: audience,
      graph: audience,
      graphAudience: audience,
      microsoftGraphResourceId: audience,
      authentication: {
        loginEndpoint: `${base}/adfs`,
        audiences: [audience],
        tenant: "adfs",
        identityProvider: "ADFS",
      },
      suffixes: {},
    },
  ];
}
