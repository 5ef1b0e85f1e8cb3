import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { ClientSecretCredential } from "@azure/identity";
import { decodeJwt } from "jose";
import { startTestSystem, type TestSystem } from "./helpers/system.js";

// The identity endpoints over TLS with the test CA trusted through NODE_EXTRA_CA_CERTS,
// as a user's tools see them. test/identity.test.ts covers the same cases in-process.

let system: TestSystem;

before(async () => {
  system = await startTestSystem();
});
after(() => system.stop());

const credential = (secret: string, tenant = system.tenantId) =>
  new ClientSecretCredential(tenant, system.servicePrincipal.clientId, secret, {
    authorityHost: system.armUrl,
    disableInstanceDiscovery: true,
  });

test("@azure/identity ClientSecretCredential gets an ARM token that ARM accepts", async () => {
  const token = await credential(system.servicePrincipal.secret).getToken("https://management.azure.com/.default");
  assert.ok(token.expiresOnTimestamp > Date.now() + 30 * 60_000);
  const claims = decodeJwt(token.token);
  assert.equal(claims.aud, "https://management.azure.com");
  assert.equal(claims.iss, `${system.armUrl}/${system.tenantId}/v2.0`);
  const res = await fetch(`${system.armUrl}/subscriptions?api-version=2022-12-01`, {
    headers: { authorization: `Bearer ${token.token}` },
  });
  assert.equal(res.status, 200);
  const body = (await res.json()) as { value: { subscriptionId: string }[] };
  assert.deepEqual(
    body.value.map((s) => s.subscriptionId),
    [system.subscriptionId],
  );
});

test("@azure/identity with a wrong secret fails with AADSTS7000215", async () => {
  await assert.rejects(credential("wrong").getToken("https://management.azure.com/.default"), /AADSTS7000215/);
});

test("@azure/identity with an unknown tenant fails at discovery, as against Entra ID", async () => {
  // msal-node turns the 400 invalid_tenant of the discovery document into this error.
  await assert.rejects(
    credential(system.servicePrincipal.secret, "11111111-1111-1111-1111-111111111111").getToken(
      "https://management.azure.com/.default",
    ),
    /endpoints_resolution_error/,
  );
});

test("ADFS discovery and a Basic-authenticated token request over HTTPS", async () => {
  const config = (await (await fetch(`${system.adfsUrl}/.well-known/openid-configuration`)).json()) as {
    token_endpoint: string;
  };
  assert.equal(config.token_endpoint, `${system.armUrl}/adfs/oauth2/token`);
  const { clientId, secret } = system.servicePrincipal;
  const res = await fetch(config.token_endpoint, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString("base64")}`,
    },
    body: new URLSearchParams({ grant_type: "client_credentials", scope: `${system.armUrl}//.default` }),
  });
  assert.equal(res.status, 200);
  const { access_token } = (await res.json()) as { access_token: string };
  assert.equal(decodeJwt(access_token).aud, `${system.armUrl}/`);
  const arm = await fetch(`${system.armUrl}/subscriptions/${system.subscriptionId}?api-version=2022-12-01`, {
    headers: { authorization: `Bearer ${access_token}` },
  });
  assert.equal(arm.status, 200);
});

test("ARM without a token over HTTPS: 401 with ARM's error body, request id and challenge", async () => {
  const res = await fetch(`${system.armUrl}/subscriptions?api-version=2022-12-01`);
  assert.equal(res.status, 401);
  assert.ok(res.headers.get("x-ms-request-id"));
  assert.match(res.headers.get("www-authenticate") ?? "", /^Bearer authorization_uri="/);
  assert.equal(((await res.json()) as { error: { code: string } }).error.code, "AuthenticationFailed");
});

test("/metadata/endpoints over HTTPS names this server's ADFS authority and audience", async () => {
  const res = await fetch(`${system.armUrl}/metadata/endpoints?api-version=2015-01-01`);
  assert.equal(res.status, 200);
  const body = (await res.json()) as { authentication: { loginEndpoint: string; audiences: string[] } };
  assert.equal(body.authentication.loginEndpoint, system.adfsUrl);
  assert.deepEqual(body.authentication.audiences, [`${system.armUrl}/`]);
});
