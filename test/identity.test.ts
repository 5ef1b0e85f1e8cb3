import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { createLocalJWKSet, decodeJwt, generateKeyPair, jwtVerify, SignJWT } from "jose";
import { type App, createApp, newRequestId } from "../src/arm/app.js";
import type { ArmResponse } from "../src/arm/http-types.js";
import { Store } from "../src/store/index.js";

// The local authority and ARM's authentication, in-process through app.handle
// (STYLE.md §16). test/identity-https.test.ts drives the same endpoints over TLS.

const BASE = "https://localhost:8443";
const TENANT = "00000000-0000-0000-0000-000000000000";

let app: App;
let sp: { clientId: string; secret: string };

async function call(
  method: string,
  path: string,
  {
    form,
    headers = {},
    base = BASE,
  }: { form?: Record<string, string>; headers?: Record<string, string>; base?: string } = {},
): Promise<ArmResponse & { body: any }> {
  const url = new URL(path, base);
  return (await app.handle({
    method,
    path: url.pathname.replace(/\/+$/, "") || "/",
    query: url.searchParams,
    headers: form ? { "content-type": "application/x-www-form-urlencoded", ...headers } : headers,
    rawBody: Buffer.from(form ? new URLSearchParams(form).toString() : ""),
    baseUrl: base,
    requestId: newRequestId(),
  })) as ArmResponse & { body: any };
}

const clientCredentials = (extra: Record<string, string>) => ({
  grant_type: "client_credentials",
  client_id: sp.clientId,
  client_secret: sp.secret,
  ...extra,
});

async function tokenFor(audience: string): Promise<string> {
  const res = await call("POST", "/adfs/oauth2/token", { form: clientCredentials({ resource: audience }) });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.access_token;
}

const arm = (token: string | undefined, base = BASE) =>
  call("GET", "/subscriptions?api-version=2022-12-01", {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    base,
  });

before(async () => {
  app = await createApp({ store: new Store({ inMemory: true }) });
  sp = app.principals.ensureDefault(new Date());
});

describe("ADFS-style authority (what the Azure CLI uses)", () => {
  test("openid-configuration names the /adfs issuer, token endpoint and keys", async () => {
    const res = await call("GET", "/adfs/.well-known/openid-configuration");
    assert.equal(res.status, 200);
    assert.equal(res.body.issuer, `${BASE}/adfs`);
    assert.equal(res.body.token_endpoint, `${BASE}/adfs/oauth2/token`);
    assert.equal(res.body.authorization_endpoint, `${BASE}/adfs/oauth2/authorize`);
    assert.equal(res.body.jwks_uri, `${BASE}/adfs/discovery/keys`);
    // MSAL takes the tenant from the token endpoint's first path segment.
    assert.equal(new URL(res.body.token_endpoint).pathname.split("/")[1], "adfs");
  });

  test("client credentials with resource: a token for that audience, verifiable with the published keys", async () => {
    const res = await call("POST", "/adfs/oauth2/token", { form: clientCredentials({ resource: `${BASE}/` }) });
    assert.equal(res.status, 200);
    assert.equal(res.body.token_type, "Bearer");
    assert.equal(res.body.expires_in, 3600);
    assert.equal(res.body.resource, `${BASE}/`);
    assert.equal(res.headers?.["cache-control"], "no-store");
    const keys = await call("GET", "/adfs/discovery/keys");
    const { payload } = await jwtVerify(res.body.access_token, createLocalJWKSet(keys.body), {
      issuer: `${BASE}/adfs`,
      audience: `${BASE}/`,
    });
    assert.equal(payload.appid, sp.clientId);
    assert.equal(payload.tid, TENANT);
    assert.equal((await arm(res.body.access_token)).status, 200);
  });

  test("client credentials with an MSAL scope: the CLI's '<resource>/.default' gives the resource as audience", async () => {
    const res = await call("POST", "/adfs/oauth2/token", { form: clientCredentials({ scope: `${BASE}//.default` }) });
    assert.equal(res.status, 200);
    assert.equal(decodeJwt(res.body.access_token).aud, `${BASE}/`);
    assert.equal((await arm(res.body.access_token)).status, 200);
  });

  test("client credentials with Basic authorization (client_secret_basic)", async () => {
    const basic = Buffer.from(`${encodeURIComponent(sp.clientId)}:${encodeURIComponent(sp.secret)}`).toString("base64");
    const res = await call("POST", "/adfs/oauth2/token", {
      form: { grant_type: "client_credentials", resource: "https://management.azure.com/" },
      headers: { authorization: `Basic ${basic}` },
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(decodeJwt(res.body.access_token).appid, sp.clientId);
  });
});

describe("Entra-style authority (what @azure/identity uses)", () => {
  test("v2.0 openid-configuration for the tenant, and for 'organizations'", async () => {
    for (const tenant of [TENANT, "organizations"]) {
      const res = await call("GET", `/${tenant}/v2.0/.well-known/openid-configuration`);
      assert.equal(res.status, 200);
      assert.equal(res.body.issuer, `${BASE}/${TENANT}/v2.0`);
      assert.equal(res.body.token_endpoint, `${BASE}/${TENANT}/oauth2/v2.0/token`);
    }
  });

  test("v2.0 token with scope https://management.azure.com/.default", async () => {
    const res = await call("POST", `/${TENANT}/oauth2/v2.0/token`, {
      form: clientCredentials({ scope: "https://management.azure.com/.default" }),
    });
    assert.equal(res.status, 200);
    const claims = decodeJwt(res.body.access_token);
    assert.equal(claims.aud, "https://management.azure.com");
    assert.equal(claims.iss, `${BASE}/${TENANT}/v2.0`);
    assert.equal((await arm(res.body.access_token)).status, 200);
  });

  test("v1 token endpoint with resource", async () => {
    const res = await call("POST", `/${TENANT}/oauth2/token`, {
      form: clientCredentials({ resource: "https://management.core.windows.net/" }),
    });
    assert.equal(res.status, 200);
    assert.equal(decodeJwt(res.body.access_token).iss, `${BASE}/${TENANT}/`);
  });
});

describe("token endpoint errors", () => {
  const cases: [string, string, Record<string, string>, number, string, number][] = [
    ["wrong secret", "/adfs/oauth2/token", { client_secret: "wrong" }, 401, "invalid_client", 7000215],
    [
      "unknown client",
      "/adfs/oauth2/token",
      { client_id: "11111111-2222-3333-4444-555555555555" },
      400,
      "unauthorized_client",
      700016,
    ],
    ["unknown tenant", "/contoso.onmicrosoft.com/oauth2/v2.0/token", {}, 400, "invalid_request", 90002],
    ["unsupported grant", "/adfs/oauth2/token", { grant_type: "password" }, 400, "unsupported_grant_type", 70003],
    ["no client id", "/adfs/oauth2/token", { client_id: "" }, 400, "invalid_request", 900144],
  ];
  for (const [name, path, override, status, error, aadsts] of cases) {
    test(`${name} → ${status} ${error}`, async () => {
      const res = await call("POST", path, {
        form: { ...clientCredentials({ resource: `${BASE}/` }), ...override },
      });
      assert.equal(res.status, status, JSON.stringify(res.body));
      assert.equal(res.body.error, error);
      assert.deepEqual(res.body.error_codes, [aadsts]);
      assert.match(res.body.error_description, new RegExp(`^AADSTS${aadsts}: `));
      assert.equal(res.body.access_token, undefined);
    });
  }

  test("no resource and no /.default scope → 400 invalid_scope", async () => {
    const res = await call("POST", "/adfs/oauth2/token", { form: clientCredentials({ scope: "openid" }) });
    assert.equal(res.status, 400);
    assert.equal(res.body.error, "invalid_scope");
  });

  test("GET on a token endpoint → 405", async () => {
    assert.equal((await call("GET", "/adfs/oauth2/token")).status, 405);
  });

  test("an unknown tenant's discovery document → 400 invalid_tenant", async () => {
    const res = await call("GET", "/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration");
    assert.equal(res.status, 400);
    assert.equal(res.body.error, "invalid_tenant");
    assert.match(res.body.error_description, /Tenant 'contoso.onmicrosoft.com' not found/);
  });
});

describe("ARM authentication", () => {
  async function assertRefused(res: ArmResponse & { body: any }, code: string, message?: RegExp) {
    assert.equal(res.status, 401);
    assert.equal(res.body.error.code, code);
    if (message) assert.match(res.body.error.message, message);
    assert.match(
      res.headers?.["www-authenticate"] ?? "",
      /^Bearer authorization_uri="https:\/\/localhost:8443\/adfs", error="invalid_token"/,
    );
    assert.ok(res.headers?.["x-ms-request-id"]);
  }

  test("no token → 401 AuthenticationFailed in ARM's error body", async () => {
    await assertRefused(await arm(undefined), "AuthenticationFailed", /'Authorization' header is missing/);
  });

  test("a non-Bearer scheme → 401 AuthenticationFailed", async () => {
    const res = await call("GET", "/subscriptions?api-version=2022-12-01", { headers: { authorization: "Basic abc" } });
    await assertRefused(res, "AuthenticationFailed", /invalid format/);
  });

  test("a malformed token → 401 InvalidAuthenticationToken", async () => {
    await assertRefused(await arm("not-a-jwt"), "InvalidAuthenticationToken");
  });

  test("a token signed by another key → 401 InvalidAuthenticationToken", async () => {
    const { privateKey } = await generateKeyPair("ES256");
    const forged = await new SignJWT({ appid: sp.clientId, tid: TENANT })
      .setProtectedHeader({ alg: "ES256", kid: app.tokens.publicJwk.kid })
      .setAudience("https://management.azure.com/")
      .setIssuedAt()
      .setExpirationTime("1h")
      .sign(privateKey);
    await assertRefused(await arm(forged), "InvalidAuthenticationToken");
  });

  test("an expired token → 401 ExpiredAuthenticationToken", async () => {
    const { token } = await app.tokens.issue(
      { clientId: sp.clientId, tenantId: TENANT, audience: "https://management.azure.com/", issuer: `${BASE}/adfs` },
      new Date(Date.now() - 2 * 3600_000),
    );
    await assertRefused(
      await arm(token),
      "ExpiredAuthenticationToken",
      /expiry UTC time '.+' is earlier than current UTC time/,
    );
  });

  test("a token for another audience → 401 InvalidAuthenticationTokenAudience naming it", async () => {
    const { token } = await app.tokens.issue(
      { clientId: sp.clientId, tenantId: TENANT, audience: "https://vault.azure.net", issuer: `${BASE}/adfs` },
      new Date(),
    );
    await assertRefused(
      await arm(token),
      "InvalidAuthenticationTokenAudience",
      /wrong audience or resource 'https:\/\/vault.azure.net'/,
    );
  });

  test("ARM audiences accepted: Azure's two and this server's configured origin, nothing else", async () => {
    for (const audience of ["https://management.azure.com/", "https://management.core.windows.net", `${BASE}/`]) {
      assert.equal((await arm(await tokenFor(audience))).status, 200, audience);
    }
    // Neither another port of localhost nor an IP literal names this server, whatever Host says.
    for (const audience of ["https://localhost:9999/", "https://10.1.2.3:8443/", "https://[::1]:8443/"]) {
      const { token } = await app.tokens.issue(
        { clientId: sp.clientId, tenantId: TENANT, audience, issuer: `${BASE}/adfs` },
        new Date(),
      );
      await assertRefused(await arm(token), "InvalidAuthenticationTokenAudience", /wrong audience/);
    }
    // A server configured as another origin accepts that origin's tokens, and this one does not.
    const own = "https://arclink.example:8443";
    const { token } = await app.tokens.issue(
      { clientId: sp.clientId, tenantId: TENANT, audience: `${own}/`, issuer: `${own}/adfs` },
      new Date(),
    );
    assert.equal((await arm(token, own)).status, 200);
    await assertRefused(await arm(token), "InvalidAuthenticationTokenAudience");
  });
});

describe("/metadata/endpoints", () => {
  test("2015-01-01: the ADFS login endpoint and this server as audience, from the request's host", async () => {
    const res = await call("GET", "/metadata/endpoints?api-version=2015-01-01", { base: "https://127.0.0.1:9443" });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.authentication, {
      loginEndpoint: "https://127.0.0.1:9443/adfs",
      audiences: ["https://127.0.0.1:9443/"],
    });
    assert.equal(res.body.graphEndpoint, "https://127.0.0.1:9443/");
  });

  test("needs no token", async () => {
    assert.equal((await call("GET", "/metadata/endpoints?api-version=2022-09-01")).status, 200);
  });
});
