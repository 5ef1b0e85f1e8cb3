import assert from "node:assert/strict";
import { request } from "node:https";
import { after, before, test } from "node:test";
import { startTestSystem, type TestSystem } from "./helpers/system.js";

let system: TestSystem;
let token: string;
const SUB = "00000000-0000-0000-0000-000000000000";

function send(method: string, path: string, body?: Buffer | string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; text: string }>((resolve, reject) => {
    const req = request(
      `${system.armUrl}${path}`,
      { method, headers: { authorization: `Bearer ${token}`, ...headers } },
      (res) => {
        let text = "";
        res.on("data", (d) => {
          text += d;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

before(async () => {
  system = await startTestSystem();
  token = (await system.credential.getToken("https://management.azure.com/.default")).token;
});
after(() => system.stop());

test("a body over 4 MiB is refused with 413 and an ARM error", async () => {
  const big = Buffer.alloc(4 * 1024 * 1024 + 10, 0x20);
  const res = await send("PUT", `/subscriptions/${SUB}/resourcegroups/big?api-version=2025-04-01`, big, {
    "content-type": "application/json",
  });
  assert.equal(res.status, 413);
  assert.equal(JSON.parse(res.text).error.code, "RequestEntityTooLarge");
  assert.equal(system.app.store.world.all().length, 0);
});

test("a leading double slash is a path, not a host", async () => {
  const res = await send(
    "PUT",
    `//subscriptions/${SUB}//resourcegroups/a?api-version=2025-04-01`,
    '{"location":"westeurope"}',
    { "content-type": "application/json" },
  );
  assert.equal(res.status, 201);
  assert.equal(JSON.parse(res.text).id, `/subscriptions/${SUB}/resourceGroups/a`);
});

test("HEAD answers without a body; every answer has x-ms-request-id", async () => {
  const res = await send("HEAD", `/subscriptions/${SUB}/resourcegroups/a?api-version=2025-04-01`);
  assert.equal(res.status, 204);
  assert.equal(res.text, "");
  assert.match(String(res.headers["x-ms-request-id"]), /^[0-9a-f-]{36}$/);
});

test("an unknown path is a 404 with an ARM error body", async () => {
  const res = await send("GET", "/nothing/here");
  assert.equal(res.status, 404);
  assert.equal(JSON.parse(res.text).error.code, "NotFound");
});
