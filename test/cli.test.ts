import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { arclink, arclinkUp, stop } from "./helpers/cli.js";

const SUB = "00000000-0000-0000-0000-000000000000";
const tmp = () => mkdtempSync(join(tmpdir(), "arclink-cli-"));

async function getJson(url: string, ca: string, headers: Record<string, string> = {}) {
  const { request } = await import("node:https");
  return new Promise<{ status: number; body: any }>((resolve, reject) => {
    request(url, { ca: readFileSync(ca), headers }, (res) => {
      let text = "";
      res.on("data", (d) => {
        text += d;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    })
      .on("error", reject)
      .end();
  });
}

describe("arclink up", () => {
  test("--json prints one line with the endpoints, serves health and stops cleanly on Ctrl-C", async () => {
    const { child, ready } = await arclinkUp(["--in-memory", "--port", "0", "--empty"]);
    try {
      assert.match(ready.armEndpoint, /^https:\/\/localhost:\d+$/);
      assert.equal(ready.tenantId, SUB);
      assert.equal(ready.subscriptionId, SUB);
      assert.match(ready.servicePrincipal.clientId, /^[0-9a-f-]{36}$/);
      assert.ok(ready.servicePrincipal.secret.length >= 20);
      const health = await getJson(`${ready.armEndpoint}/_arclink/health`, ready.caPath);
      assert.deepEqual(health, { status: 200, body: { status: "ok" } });
      const info = await getJson(`${ready.armEndpoint}/_arclink/info`, ready.caPath, {
        "x-arclink-admin-key": ready.adminKey,
      });
      assert.equal(info.body.armEndpoint, ready.armEndpoint);
      // The admin key is printed and kept owner-only; without it admin routes answer 401.
      assert.equal(readFileSync(ready.adminKeyPath, "utf8").trim(), ready.adminKey);
      assert.equal(statSync(ready.adminKeyPath).mode & 0o777, 0o600);
      assert.equal((await getJson(`${ready.armEndpoint}/_arclink/info`, ready.caPath)).status, 401);
    } finally {
      assert.equal(await stop(child), 0);
    }
  });

  test("bad flags exit 2 with one clear line", () => {
    const unknown = arclink(["up", "--bogus"]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown option '--bogus'/);
    const port = arclink(["up", "--port", "http"]);
    assert.equal(port.code, 2);
    assert.equal(port.stderr.trim(), "arclink: Invalid value for --port: 'http'. Expected an integer from 0 to 65535.");
    const both = arclink(["up", "--in-memory", "--data", "x"]);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /cannot be used together/);
  });
});

describe("arclink apply and export", () => {
  test("a bad world file exits 2 naming the path and line, and changes nothing", () => {
    const dir = tmp();
    const file = join(dir, "bad.yaml");
    writeFileSync(
      file,
      "- { type: Microsoft.Resources/resourceGroups, name: ok, location: westeurope }\n- { type: Microsoft.Resources/resourceGroups, name: x, location: mars }\n",
    );
    const res = arclink(["apply", file, "--data", join(dir, "data")]);
    assert.equal(res.code, 2);
    assert.match(res.stderr, new RegExp(`${file}:2: .*LocationNotAvailableForResourceType`));
    assert.match(res.stderr, /nothing was applied/);
    const exported = arclink(["export", "--data", join(dir, "data"), "--format", "json"]);
    assert.deepEqual(JSON.parse(exported.stdout), []);
    const syntax = join(dir, "syntax.yaml");
    writeFileSync(syntax, "- id: [\n");
    const bad = arclink(["apply", syntax, "--data", join(dir, "data")]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, new RegExp(`^arclink: ${syntax}:\\d+: `));
    const missing = arclink(["apply", join(dir, "nope.yaml")]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /Cannot read world file .*ENOENT/);
  });

  test("apply persists in the data directory; a restarted server and export see it", async () => {
    const dir = tmp();
    const data = join(dir, "data");
    const file = join(dir, "w.yaml");
    writeFileSync(file, "- { type: Microsoft.Resources/resourceGroups, name: kept, location: westeurope }\n");
    const applied = arclink(["apply", file, "--data", data]);
    assert.equal(applied.code, 0, applied.stderr);
    assert.match(applied.stdout, /Applied 1 resources/);
    const { child, ready } = await arclinkUp(["--data", data, "--port", "0"]);
    try {
      assert.equal(ready.resources, 1);
      // While the server runs, apply goes through it, so it sees the change at once.
      writeFileSync(file, "- { type: Microsoft.Resources/resourceGroups, name: live, location: eastus }\n");
      assert.equal(arclink(["apply", file, "--data", data]).code, 0);
      const info = await getJson(`${ready.armEndpoint}/_arclink/info`, ready.caPath, {
        "x-arclink-admin-key": ready.adminKey,
      });
      assert.equal(info.body.resources, 2);
    } finally {
      await stop(child);
    }
    const exported = arclink(["export", "--data", data]);
    assert.equal(exported.code, 0);
    assert.match(exported.stdout, /resourceGroups\/kept/);
    assert.match(exported.stdout, /resourceGroups\/live/);
    const ca = arclink(["ca", "path", "--data", data]);
    assert.equal(ca.stdout.trim(), ready.caPath);
  });
});
