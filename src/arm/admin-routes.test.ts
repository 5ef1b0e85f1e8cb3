import assert from "node:assert/strict";
import { test } from "node:test";
import { inject, RG_API, SUB } from "../../test/helpers/inject.js";

test("the admin clock advances virtual time and refuses bad amounts", async () => {
  const { call } = await inject();
  const before = Date.parse((await call("GET", "/_arclink/clock")).body.now);
  const moved = await call("POST", "/_arclink/clock", { body: { advanceSeconds: 900 } });
  assert.equal(moved.status, 200);
  assert.ok(Date.parse(moved.body.now) - before >= 900_000);
  const bad = await call("POST", "/_arclink/clock", { body: { advanceSeconds: -5 } });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error.code, "InvalidRequestContent");
});

test("reset empties the world, keeps the identity, and info counts resources", async () => {
  const { call } = await inject();
  await call("PUT", `/subscriptions/${SUB}/resourcegroups/a?${RG_API}`, { body: { location: "westeurope" } });
  assert.equal((await call("GET", "/_arclink/info")).body.resources, 1);
  assert.equal((await call("POST", "/_arclink/reset")).body.resources, 0);
  const after = await call("PUT", `/subscriptions/${SUB}/resourcegroups/b?${RG_API}`, {
    body: { location: "westeurope" },
  });
  assert.equal(after.status, 201, "the same token still works after a reset");
  const unknown = await call("GET", "/_arclink/nope");
  assert.equal(unknown.status, 404);
});

test("apply and snapshot round-trip a world through the running app", async () => {
  const { call } = await inject();
  const id = `/subscriptions/${SUB}/resourceGroups/applied`;
  const applied = await call("POST", "/_arclink/apply", {
    body: { resources: [{ id, body: { location: "westeurope" }, line: 1 }] },
  });
  assert.deepEqual(applied.body, { applied: 1, errors: [] });
  const snapshot = await call("GET", "/_arclink/snapshot");
  assert.deepEqual(snapshot.body.resources, [
    { id, type: "Microsoft.Resources/resourceGroups", location: "westeurope", tags: {} },
  ]);
  const refused = await call("POST", "/_arclink/apply", { rawBody: "not json" });
  assert.equal(refused.status, 400);
});
