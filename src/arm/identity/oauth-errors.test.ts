import assert from "node:assert/strict";
import { test } from "node:test";
import { OAUTH_ERRORS, oauthError } from "./oauth-errors.js";

// RFC 6749 §5.2 error codes, plus Entra's invalid_tenant for discovery documents.
const OAUTH_CODES = new Set([
  "invalid_request",
  "invalid_client",
  "invalid_grant",
  "unauthorized_client",
  "unsupported_grant_type",
  "invalid_scope",
  "invalid_tenant",
  "invalid_resource",
]);

test("every catalogue entry is a 4xx with a standard OAuth error code and an AADSTS number", () => {
  for (const [name, { error, status, aadsts }] of Object.entries(OAUTH_ERRORS)) {
    assert.ok(OAUTH_CODES.has(error), `${name}: ${error}`);
    assert.ok(status >= 400 && status < 500, `${name}: ${status}`);
    assert.ok(Number.isInteger(aadsts) && aadsts > 0, name);
  }
});

test("oauthError renders Entra's body: error, AADSTS-prefixed description and error_codes", () => {
  const res = oauthError("InvalidClientSecret", "Invalid client secret provided for app 'x'.");
  assert.equal(res.status, 401);
  const body = res.body as Record<string, unknown>;
  assert.equal(body.error, "invalid_client");
  assert.equal(body.error_description, "AADSTS7000215: Invalid client secret provided for app 'x'.");
  assert.deepEqual(body.error_codes, [7000215]);
  assert.equal(res.headers?.["cache-control"], "no-store");
});
