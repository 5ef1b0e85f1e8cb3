import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { Agent, request } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { after, test } from "node:test";

// kill -9 during concurrent writes (issue 8): every write the server acknowledged (2xx) is
// there after a restart, because each commit is one SQLite transaction synced to the WAL
// before the answer (synchronous=FULL). Bounded: about two seconds of writes.

const SUB = "00000000-0000-0000-0000-000000000000";
const dir = mkdtempSync(join(tmpdir(), "arclink-crash-"));
after(() => rmSync(dir, { recursive: true, force: true }));

async function up(): Promise<{ child: ChildProcess; ready: Record<string, any> }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "src/cli/main.ts", "up", "--json", "--data", dir, "--port", "0", "--empty"],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const [line] = (await once(createInterface({ input: child.stdout! }), "line")) as [string];
  return { child, ready: JSON.parse(line) };
}

function call(
  agent: Agent,
  ready: Record<string, any>,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, ready.armEndpoint);
    const req = request(url, { method, agent, ca: readFileSync(ready.caPath), headers }, (res) => {
      let text = "";
      res.on("data", (d) => {
        text += d;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

async function tokenOf(agent: Agent, ready: Record<string, any>): Promise<string> {
  const form = new URLSearchParams({
    grant_type: "client_credentials",
    client_id: ready.servicePrincipal.clientId,
    client_secret: ready.servicePrincipal.secret,
    resource: "https://management.azure.com/",
  }).toString();
  const res = await call(
    agent,
    ready,
    "POST",
    "/adfs/oauth2/token",
    { "content-type": "application/x-www-form-urlencoded" },
    form,
  );
  return JSON.parse(res.text).access_token;
}

test("every acknowledged write survives kill -9 during concurrent writes", async () => {
  const first = await up();
  const agent = new Agent({ keepAlive: true, maxSockets: 8 });
  const token = await tokenOf(agent, first.ready);
  const acknowledged: string[] = [];
  let next = 0;
  let killed = false;
  const writer = async () => {
    while (!killed) {
      const name = `crash-${next++}`;
      try {
        const res = await call(
          agent,
          first.ready,
          "PUT",
          `/subscriptions/${SUB}/resourceGroups/${name}?api-version=2025-04-01`,
          { authorization: `Bearer ${token}`, "content-type": "application/json" },
          JSON.stringify({ location: "westeurope", tags: { n: name } }),
        );
        if (res.status === 201) acknowledged.push(name);
      } catch {
        // The server died under this request: it was never acknowledged.
      }
    }
  };
  const writers = Array.from({ length: 8 }, writer);
  // Kill mid-stream: after some writes were acknowledged, while others are in flight.
  const started = Date.now();
  while (acknowledged.length < 200 && Date.now() - started < 2000) await new Promise((r) => setTimeout(r, 20));
  first.child.kill("SIGKILL");
  killed = true;
  await once(first.child, "exit");
  await Promise.all(writers);
  agent.destroy();
  assert.ok(acknowledged.length > 0, "some writes were acknowledged before the kill");

  const second = await up();
  try {
    const again = new Agent({ keepAlive: true });
    const snapshot = await call(again, second.ready, "GET", "/_arclink/snapshot", {
      "x-arclink-admin-key": second.ready.adminKey,
    });
    again.destroy();
    assert.equal(snapshot.status, 200);
    const present = new Set(
      (JSON.parse(snapshot.text).resources as { id: string }[]).map((r) => r.id.split("/").pop()),
    );
    const lost = acknowledged.filter((name) => !present.has(name));
    assert.deepEqual(lost, [], `${lost.length} of ${acknowledged.length} acknowledged writes were lost`);
    console.log(`${acknowledged.length} acknowledged writes before kill -9, ${present.size} present after restart`);
  } finally {
    second.child.kill("SIGINT");
    await once(second.child, "exit");
  }
});
