import assert from "node:assert/strict";
import { test } from "node:test";
import { audienceOf, credentialsOf } from "./token-request.js";

const basic = (id: string, secret: string) => ({
  headers: { authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}` },
});

test("audienceOf takes ADAL's resource as is", () => {
  assert.equal(
    audienceOf(new URLSearchParams({ resource: "https://management.core.windows.net/" })),
    "https://management.core.windows.net/",
  );
});

test("audienceOf strips /.default from an MSAL scope, keeping the resource's own trailing slash", () => {
  // The Azure CLI's resource_to_scopes / scopes_to_resource pair [CLI245].
  const cases: [string, string | undefined][] = [
    ["https://localhost:8443//.default", "https://localhost:8443/"],
    ["https://management.azure.com/.default", "https://management.azure.com"],
    ["openid profile https://management.azure.com//.default offline_access", "https://management.azure.com/"],
    ["openid profile", undefined],
    ["/.default", undefined],
  ];
  for (const [scope, audience] of cases) assert.equal(audienceOf(new URLSearchParams({ scope })), audience, scope);
  assert.equal(audienceOf(new URLSearchParams()), undefined);
});

test("credentialsOf reads client_secret_post from the form", () => {
  const form = new URLSearchParams({ client_id: "app", client_secret: "s3cret" });
  assert.deepEqual(credentialsOf({ headers: {} }, form), { kind: "ok", id: "app", secret: "s3cret" });
});

test("credentialsOf reads client_secret_basic, form-decoded and split at the first colon", () => {
  const form = new URLSearchParams({ client_id: "ignored" });
  assert.deepEqual(credentialsOf(basic("app", "a%3Ab:c+d"), form), { kind: "ok", id: "app", secret: "a:b:c d" });
});

test("credentialsOf refuses a Basic header without a colon or with a bad escape", () => {
  const noColon = { headers: { authorization: `Basic ${Buffer.from("app").toString("base64")}` } };
  assert.equal(credentialsOf(noColon, new URLSearchParams()).kind, "malformed");
  assert.equal(credentialsOf(basic("app", "%E0%A4%A"), new URLSearchParams()).kind, "malformed");
});
