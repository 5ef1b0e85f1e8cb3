import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { startSystem } from "../src/system/start-system.js";

// Service principals, their secrets and the token signing key live in the data
// directory: a restart keeps them, so clients keep their credentials and cached tokens.

const dir = mkdtempSync(join(tmpdir(), "arclink-identity-"));
after(() => rmSync(dir, { recursive: true, force: true }));

function https(
  url: string,
  ca: Buffer,
  { method = "GET", headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, ca }, (res) => {
      let text = "";
      res.setEncoding("utf8").on("data", (d: string) => {
        text += d;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined }));
    });
    req.on("error", reject).end(body);
  });
}

async function token(armUrl: string, ca: Buffer, clientId: string, secret: string) {
  const res = await https(`${armUrl}/adfs/oauth2/token`, ca, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_id: clientId,
      client_secret: secret,
      resource: `${armUrl}/`,
    }).toString(),
  });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.access_token as string;
}

const subscriptions = (armUrl: string, ca: Buffer, bearer: string) =>
  https(`${armUrl}/subscriptions?api-version=2022-12-01`, ca, { headers: { authorization: `Bearer ${bearer}` } });

test("a data-dir system keeps its service principal, secret and signing key across a restart", async () => {
  const first = await startSystem({ dataDir: dir, port: 0 });
  const port = Number(new URL(first.armUrl).port);
  const ca = readFileSync(first.caPath);
  const sp = first.servicePrincipal;
  const jwk = first.app.tokens.publicJwk;
  const oldToken = await token(first.armUrl, ca, sp.clientId, sp.secret);
  assert.equal((await subscriptions(first.armUrl, ca, oldToken)).status, 200);
  await first.stop();

  // The same port: the server's origin, and so its tokens' audience and issuer, stay the same.
  const second = await startSystem({ dataDir: dir, port });
  try {
    assert.deepEqual(second.servicePrincipal, sp);
    assert.equal(second.app.principals.list().length, 1);
    assert.deepEqual(second.app.tokens.publicJwk, jwk);
    assert.deepEqual(readFileSync(second.caPath), ca);
    // A token issued before the restart still verifies (its audience and issuer name the same origin).
    assert.equal((await subscriptions(second.armUrl, ca, oldToken)).status, 200);
    const fresh = await token(second.armUrl, ca, sp.clientId, sp.secret);
    assert.equal((await subscriptions(second.armUrl, ca, fresh)).status, 200);
  } finally {
    await second.stop();
  }
});
