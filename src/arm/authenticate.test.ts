import assert from "node:assert/strict";
import { test } from "node:test";
import { inject } from "../../test/helpers/inject.js";

const BASE = "https://localhost:8443";
const LIST = "/subscriptions?api-version=2022-12-01";

test("a token of another tenant or issuer is 401 InvalidAuthenticationTokenTenant", async () => {
  const { app, call } = await inject();
  const sp = app.principals.ensureDefault(new Date());
  const base = { clientId: sp.clientId, audience: "https://management.azure.com/" };
  for (const claims of [
    { ...base, tenantId: "11111111-1111-1111-1111-111111111111", issuer: `${BASE}/adfs` },
    { ...base, tenantId: app.tenantId, issuer: "https://sts.windows.net/00000000-0000-0000-0000-000000000000/" },
    { ...base, tenantId: app.tenantId, issuer: "https://attacker.example/adfs" },
  ]) {
    const { token } = await app.tokens.issue(claims, new Date());
    const res = await call("GET", LIST, { token });
    assert.equal(res.status, 401, JSON.stringify(claims));
    assert.equal(res.body.error.code, "InvalidAuthenticationTokenTenant");
  }
  for (const issuer of [`${BASE}/adfs`, `${BASE}/${app.tenantId}/`, `${BASE}/${app.tenantId}/v2.0`]) {
    const { token } = await app.tokens.issue({ ...base, tenantId: app.tenantId, issuer }, new Date());
    assert.equal((await call("GET", LIST, { token })).status, 200, issuer);
  }
});

test("a deleted principal's token is refused at once, though it is still signed and unexpired", async () => {
  const { app, call } = await inject();
  const sp = app.principals.create("short-lived", new Date());
  const { token } = await app.tokens.issue(
    {
      clientId: sp.clientId,
      tenantId: app.tenantId,
      audience: "https://management.azure.com/",
      issuer: `${BASE}/adfs`,
    },
    new Date(),
  );
  assert.equal((await call("GET", LIST, { token })).status, 200);
  assert.ok(app.principals.delete(sp.clientId));
  const res = await call("GET", LIST, { token });
  assert.equal(res.status, 401);
  assert.equal(res.body.error.code, "InvalidAuthenticationToken");
  assert.match(res.body.error.message, /does not exist/);
});

test("the token endpoint issues only for the audiences it serves (AADSTS500011 otherwise)", async () => {
  const { app } = await inject();
  const sp = app.principals.ensureDefault(new Date());
  const ask = (resource: string) =>
    app.handle({
      method: "POST",
      path: "/adfs/oauth2/token",
      query: new URLSearchParams(),
      headers: { "content-type": "application/x-www-form-urlencoded", host: "graph.microsoft.com" },
      rawBody: Buffer.from(
        new URLSearchParams({
          grant_type: "client_credentials",
          client_id: sp.clientId,
          client_secret: sp.secret,
          resource,
        }).toString(),
      ),
      baseUrl: BASE,
      requestId: "r",
    });
  for (const resource of ["https://graph.microsoft.com/", "https://198.51.100.7/", "https://vault.azure.net"]) {
    const res = await ask(resource);
    assert.equal(res.status, 400, resource);
    assert.equal((res.body as { error: string }).error, "invalid_resource");
    assert.deepEqual((res.body as { error_codes: number[] }).error_codes, [500011]);
  }
  for (const resource of ["https://management.azure.com/", "https://management.core.windows.net/", `${BASE}/`]) {
    assert.equal((await ask(resource)).status, 200, resource);
  }
});
