import assert from "node:assert/strict";
import { test } from "node:test";
import { decodeJwt, decodeProtectedHeader, generateKeyPair, SignJWT, UnsecuredJWT } from "jose";
import { ArmError } from "../../rules/errors.js";
import { Store } from "../../store/index.js";
import { TokenService } from "./tokens.js";

const NOW = new Date("2026-01-01T12:00:00Z");
const CLAIMS = { clientId: "app", tenantId: "t", audience: "https://management.azure.com/", issuer: "https://x/adfs" };

function rejectsWith(code: string, message?: RegExp) {
  return (error: unknown) => {
    assert.ok(error instanceof ArmError);
    assert.equal(error.code, code);
    assert.equal(error.status, 401);
    if (message) assert.match(error.message, message);
    return true;
  };
}

test("an issued token verifies and carries the app's claims", async () => {
  const tokens = await TokenService.open(new Store({ inMemory: true }));
  const issued = await tokens.issue(CLAIMS, NOW);
  assert.equal(issued.expiresIn, 3600);
  assert.equal(issued.expiresOn, NOW.getTime() / 1000 + 3600);
  const payload = decodeJwt(issued.token);
  assert.equal(payload.aud, CLAIMS.audience);
  assert.equal(payload.appid, "app");
  assert.equal(payload.tid, "t");
  assert.equal(decodeProtectedHeader(issued.token).kid, tokens.publicJwk.kid);
  assert.equal(tokens.publicJwk.d, undefined);
  const claims = await tokens.verify(issued.token, new Date(NOW.getTime() + 60_000));
  assert.deepEqual(claims, {
    clientId: "app",
    tenantId: "t",
    audience: CLAIMS.audience,
    issuer: CLAIMS.issuer,
    expiresAt: issued.expiresOn,
  });
});

test("the signing key is kept in the store: a second service verifies the first one's tokens", async () => {
  const store = new Store({ inMemory: true });
  const first = await TokenService.open(store);
  const { token } = await first.issue(CLAIMS, NOW);
  const second = await TokenService.open(store);
  assert.deepEqual(second.publicJwk, first.publicJwk);
  assert.equal((await second.verify(token, NOW)).clientId, "app");
});

test("an expired token is ExpiredAuthenticationToken naming both times, before and after caching", async () => {
  const tokens = await TokenService.open(new Store({ inMemory: true }));
  const { token, expiresOn } = await tokens.issue(CLAIMS, NOW);
  const later = new Date(expiresOn * 1000 + 1000);
  await assert.rejects(
    tokens.verify(token, later),
    rejectsWith(
      "ExpiredAuthenticationToken",
      /'2026-01-01T13:00:00.000Z' is earlier than current UTC time '2026-01-01T13:00:01.000Z'/,
    ),
  );
  await tokens.verify(token, NOW);
  await assert.rejects(tokens.verify(token, later), rejectsWith("ExpiredAuthenticationToken"));
});

test("malformed, unsigned, foreign-signed and not-yet-valid tokens are InvalidAuthenticationToken", async () => {
  const tokens = await TokenService.open(new Store({ inMemory: true }));
  const foreign = await generateKeyPair("ES256");
  const forged = await new SignJWT({ appid: "app", tid: "t" })
    .setProtectedHeader({ alg: "ES256", kid: tokens.publicJwk.kid })
    .setAudience(CLAIMS.audience)
    .setIssuedAt()
    .setExpirationTime("1h")
    .sign(foreign.privateKey);
  const unsigned = new UnsecuredJWT({ appid: "app" }).setAudience(CLAIMS.audience).setExpirationTime("1h").encode();
  const { token: future } = await tokens.issue(CLAIMS, new Date(NOW.getTime() + 3600_000));
  for (const bad of ["abc", "a.b.c", forged, unsigned]) {
    await assert.rejects(tokens.verify(bad, new Date()), rejectsWith("InvalidAuthenticationToken"), bad);
  }
  await assert.rejects(tokens.verify(future, NOW), rejectsWith("InvalidAuthenticationToken"));
});
