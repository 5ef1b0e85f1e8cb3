import assert from "node:assert/strict";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { inject } from "../../test/helpers/inject.js";
import { ADMIN_KEY_HEADER, loadOrCreateAdminKey } from "./admin-auth.js";

const KEY = "k".repeat(43);
const BASE = "https://localhost:8443";

test("the admin key file is created once, owner-only, and tightened when found loose", () => {
  const dir = mkdtempSync(join(tmpdir(), "arclink-admin-"));
  try {
    const first = loadOrCreateAdminKey(dir);
    assert.equal(statSync(first.path).mode & 0o777, 0o600);
    assert.match(first.key, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(loadOrCreateAdminKey(dir).key, first.key);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("admin routes: the admin key or the lab principal's token; nothing else", async () => {
  const { app, call } = await inject({ adminKey: KEY });
  const info = (headers: Record<string, string>, token?: string | null) =>
    call("GET", "/_arclink/info", { headers, token });
  assert.equal((await call("GET", "/_arclink/health", { token: null })).status, 200, "health is open");
  assert.equal((await info({ [ADMIN_KEY_HEADER]: KEY }, null)).status, 200);
  assert.equal((await info({}, undefined)).status, 200, "the lab principal's token");
  const none = await info({}, null);
  assert.equal(none.status, 401);
  assert.equal(none.body.error.code, "AuthenticationFailed");
  const wrongKey = await info({ [ADMIN_KEY_HEADER]: "x".repeat(43) }, null);
  assert.equal(wrongKey.status, 403);
  assert.equal(wrongKey.body.error.code, "AuthorizationFailed");
  // Another principal of the tenant may call ARM, not the admin routes.
  const other = app.principals.create("other", new Date());
  const { token } = await app.tokens.issue(
    {
      clientId: other.clientId,
      tenantId: app.tenantId,
      audience: "https://management.azure.com/",
      issuer: `${BASE}/adfs`,
    },
    new Date(),
  );
  const foreign = await info({}, token);
  assert.equal(foreign.status, 403);
  assert.equal(foreign.body.error.code, "AuthorizationFailed");
  assert.equal((await call("GET", "/subscriptions?api-version=2022-12-01", { token })).status, 200);
});

test("admin routes refuse cross-origin requests and non-JSON bodies, and change nothing", async () => {
  const { app, call } = await inject({ adminKey: KEY });
  const rg = { id: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/kept", location: "westeurope" };
  app.store.commit({
    puts: [{ ...rg, name: "kept", type: "Microsoft.Resources/resourceGroups", properties: {} }],
    deletes: [],
  });
  const reset = (headers: Record<string, string>, rawBody?: string) =>
    call("POST", "/_arclink/reset", { headers: { [ADMIN_KEY_HEADER]: KEY, ...headers }, rawBody, token: null });
  const crossOrigin: Record<string, string>[] = [
    { origin: "https://attacker.example" },
    { "sec-fetch-site": "cross-site" },
  ];
  for (const headers of crossOrigin) {
    const res = await reset(headers);
    assert.equal(res.status, 403, JSON.stringify(headers));
    assert.equal(res.body.error.code, "AuthorizationFailed");
  }
  // A CORS "simple" request: text/plain.
  const simple = await reset({ "content-type": "text/plain" }, "{}");
  assert.equal(simple.status, 415);
  assert.equal(simple.body.error.code, "UnsupportedMediaType");
  assert.equal(app.store.world.all().length, 1, "nothing was reset");
  assert.equal((await reset({ origin: BASE })).status, 200, "the server's own origin is fine");
  assert.equal(app.store.world.all().length, 0);
});

test("apply refuses entries that are not {id, body} objects with 400, not 500", async () => {
  const { call } = await inject({ adminKey: KEY });
  for (const body of [{ resources: [null] }, { resources: [{ id: 1, body: {} }] }, { resources: [{ id: "/x" }] }, {}]) {
    const res = await call("POST", "/_arclink/apply", { body });
    assert.equal(res.status, 400, JSON.stringify(body));
    assert.equal(res.body.error.code, "InvalidRequestContent");
  }
  const clock = await call("POST", "/_arclink/clock", { body: { advanceSeconds: 1e300 } });
  assert.equal(clock.status, 400);
});
