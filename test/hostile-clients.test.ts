import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { request } from "node:https";
import { networkInterfaces } from "node:os";
import { after, before, describe, test } from "node:test";
import { createApp } from "../src/arm/app.js";
import { startServer } from "../src/arm/server.js";
import { issueLeaf, loadOrCreateCa, serverNames } from "../src/pki/index.js";
import { Store } from "../src/store/index.js";
import { rawExchange } from "./helpers/raw-http.js";
import { startTestSystem, TEST_DATA_DIR, type TestSystem } from "./helpers/system.js";

// Issue 8's findings, one by one, against a running server over real TLS: each hostile
// request gets a 4xx in ARM's shape, changes nothing, and the server keeps answering.

const SUB = "00000000-0000-0000-0000-000000000000";
const RG = `/subscriptions/${SUB}/resourceGroups/hostile`;
const VNET = `${RG}/providers/Microsoft.Network/virtualNetworks/v1`;
const NET = "api-version=2022-01-01";
const RG_API = "api-version=2025-04-01";

let system: TestSystem;
let token: string;
let port: number;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: any;
}

function send(method: string, path: string, options: { headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<Answer>((resolve, reject) => {
    // The path goes as is (a URL would resolve %2e%2e on the client side), SNI names localhost whatever Host says.
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path,
        servername: "localhost",
        method,
        headers: { authorization: `Bearer ${token}`, ...options.headers },
      },
      (res) => {
        let text = "";
        res.on("data", (d) => {
          text += d;
        });
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text ? JSON.parse(text) : undefined }),
        );
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

const json = { "content-type": "application/json" };
const admin = () => ({ "x-arclink-admin-key": system.adminKey });

function armError(res: { status?: number; body: any }, status: number, code: string) {
  assert.equal(res.status, status, JSON.stringify(res.body));
  assert.equal(res.body.error.code, code);
  assert.equal(typeof res.body.error.message, "string");
}

const stillAnswers = async () => assert.equal((await send("GET", "/subscriptions?api-version=2022-12-01")).status, 200);

before(async () => {
  system = await startTestSystem();
  port = Number(new URL(system.armUrl).port);
  token = (await system.credential.getToken("https://management.azure.com/.default")).token;
  assert.equal(
    (await send("PUT", `${RG}?${RG_API}`, { headers: json, body: '{"location":"westeurope"}' })).status,
    201,
  );
  const vnet = {
    location: "westeurope",
    properties: {
      addressSpace: { addressPrefixes: ["10.0.0.0/16"] },
      subnets: [{ name: "s1", properties: { addressPrefix: "10.0.1.0/24" } }],
    },
  };
  const put = await send("PUT", `${VNET}?${NET}`, { headers: json, body: JSON.stringify(vnet) });
  assert.ok(put.status === 200 || put.status === 201, JSON.stringify(put.body));
});
after(() => system.stop());

describe("1. malformed request targets and hosts", () => {
  test("absolute-form targets that are not URLs are 400 InvalidRequestUri, and the server lives", async () => {
    for (const target of ["http://[", "https://[::1", "http://%zz/", "http://x:99999/"]) {
      const res = await rawExchange(port, `GET ${target} HTTP/1.1\r\nHost: localhost\r\n\r\n`, { ca: readCa() });
      armError({ status: res.status, body: JSON.parse(res.body) }, 400, "InvalidRequestUri");
      assert.match(res.headers["x-ms-request-id"] ?? "", /^[0-9a-f-]{36}$/);
    }
    await stillAnswers();
  });

  test("a Host that is not a host name is 400 InvalidHostHeader, on discovery routes too", async () => {
    for (const path of ["/metadata/endpoints?api-version=2015-01-01", "/common/discovery/instance"]) {
      const res = await rawExchange(port, `GET ${path} HTTP/1.1\r\nHost: [\r\n\r\n`, { ca: readCa() });
      armError({ status: res.status, body: JSON.parse(res.body) }, 400, "InvalidHostHeader");
    }
  });
});

describe("8. URLs the server writes name its configured origin, never Host", () => {
  test("Azure-AsyncOperation, Location and /metadata/endpoints ignore Host: attacker.example", async () => {
    const headers = { host: "attacker.example", ...json };
    await send("PUT", `${RG}-gone?${RG_API}`, { headers, body: '{"location":"westeurope"}' });
    const del = await send("DELETE", `${RG}-gone?${RG_API}`, { headers });
    assert.equal(del.status, 202);
    for (const url of [del.headers["azure-asyncoperation"], del.headers.location]) {
      assert.ok(String(url).startsWith(`${system.armUrl}/subscriptions/`), String(url));
    }
    const meta = await send("GET", "/metadata/endpoints?api-version=2015-01-01", { headers });
    assert.equal(meta.body.authentication.loginEndpoint, `${system.armUrl}/adfs`);
    assert.deepEqual(meta.body.authentication.audiences, [`${system.armUrl}/`]);
    const discovery = await send("GET", "/adfs/.well-known/openid-configuration", { headers });
    assert.equal(discovery.body.token_endpoint, `${system.armUrl}/adfs/oauth2/token`);
  });
});

describe("3. admin routes", () => {
  test("no credential is 401; a browser's cross-origin text/plain POST is refused; nothing is wiped", async () => {
    const before = system.app.store.world.all().length;
    armError(await send("POST", "/_arclink/reset", { headers: { authorization: "" } }), 401, "AuthenticationFailed");
    const simple = await send("POST", "/_arclink/reset", {
      headers: { authorization: "", "content-type": "text/plain", origin: "https://attacker.example" },
      body: "{}",
    });
    armError(simple, 403, "AuthorizationFailed");
    armError(await send("GET", "/_arclink/snapshot", { headers: { authorization: "" } }), 401, "AuthenticationFailed");
    armError(
      await send("POST", "/_arclink/apply", { headers: { ...admin(), "content-type": "text/plain" }, body: "{}" }),
      415,
      "UnsupportedMediaType",
    );
    assert.equal(system.app.store.world.all().length, before);
    assert.equal((await send("GET", "/_arclink/snapshot", { headers: admin() })).status, 200);
  });
});

describe("4 and 6. audiences and tokens", () => {
  test("a token for graph is refused even with Host: graph.microsoft.com; none is issued for IP literals", async () => {
    const sp = system.servicePrincipal;
    for (const resource of ["https://graph.microsoft.com/", "https://198.51.100.7/"]) {
      const res = await send("POST", "/adfs/oauth2/token", {
        headers: {
          authorization: "",
          "content-type": "application/x-www-form-urlencoded",
          host: "graph.microsoft.com",
        },
        body: new URLSearchParams({
          grant_type: "client_credentials",
          client_id: sp.clientId,
          client_secret: sp.secret,
          resource,
        }).toString(),
      });
      assert.equal(res.status, 400, resource);
      assert.equal(res.body.error, "invalid_resource");
    }
    const { token: graph } = await system.app.tokens.issue(
      {
        clientId: sp.clientId,
        tenantId: system.tenantId,
        audience: "https://graph.microsoft.com/",
        issuer: `${system.armUrl}/adfs`,
      },
      new Date(),
    );
    const res = await send("GET", "/subscriptions?api-version=2022-12-01", {
      headers: { authorization: `Bearer ${graph}`, host: "graph.microsoft.com" },
    });
    armError(res, 401, "InvalidAuthenticationTokenAudience");
  });
});

describe("7, 9 and 10. bodies, paths and ARM's input rules", () => {
  test("JSON nested 5,000 deep is 400, not a stack overflow", async () => {
    const deep = `{"location":"westeurope","properties":${"[".repeat(5000)}${"]".repeat(5000)}}`;
    armError(await send("PUT", `${RG}-deep?${RG_API}`, { headers: json, body: deep }), 400, "InvalidRequestContent");
    armError(
      await send("POST", "/_arclink/apply", { headers: { ...admin(), ...json }, body: '{"resources":[null]}' }),
      400,
      "InvalidRequestContent",
    );
  });

  test("%2e%2e and encoded slashes cannot address another resource", async () => {
    armError(await send("DELETE", `${VNET}/subnets/%2e%2e?${NET}`), 400, "InvalidResourceName");
    armError(await send("DELETE", `${VNET}/subnets/..?${NET}`), 400, "InvalidResourceName");
    assert.equal((await send("GET", `${VNET}?${NET}`)).status, 200, "the vnet is still there");
    const sneaky = `/subscriptions/${SUB}/resourceGroups/hostile%2Fproviders%2FMicrosoft.Network%2FvirtualNetworks%2Fv1?${RG_API}`;
    armError(await send("GET", sneaky), 400, "InvalidResourceName");
  });

  test("text/plain, XML and form bodies are 415 UnsupportedMediaType and create nothing", async () => {
    for (const type of ["text/plain", "application/xml", "application/x-www-form-urlencoded"]) {
      const res = await send("PUT", `${RG}-typed?${RG_API}`, {
        headers: { "content-type": type },
        body: '{"location":"westeurope"}',
      });
      armError(res, 415, "UnsupportedMediaType");
    }
    assert.equal((await send("GET", `${RG}-typed?${RG_API}`)).status, 404);
  });

  test("tag limits and object-typed properties", async () => {
    const put = (body: unknown) => send("PUT", `${RG}-tags?${RG_API}`, { headers: json, body: JSON.stringify(body) });
    const tags51 = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`t${i}`, "v"]));
    armError(await put({ location: "westeurope", tags: tags51 }), 400, "TooManyTags");
    armError(await put({ location: "westeurope", tags: { ["n".repeat(513)]: "v" } }), 400, "InvalidTagName");
    armError(await put({ location: "westeurope", tags: { "": "v" } }), 400, "InvalidTagName");
    armError(await put({ location: "westeurope", tags: { a: "v".repeat(257) } }), 400, "InvalidTagValueLength");
    armError(await put({ location: "westeurope", properties: [1, 2, 3] }), 400, "InvalidRequestContent");
    assert.equal((await send("GET", `${RG}-tags?${RG_API}`)).status, 404);
  });

  test("a 1 GB Content-Length is 413 at once, before any body byte", async () => {
    const head = `PUT ${RG}-big?${RG_API} HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: 1073741824\r\n\r\n`;
    const started = Date.now();
    const res = await rawExchange(port, head, { ca: readCa(), end: false, waitMs: 5000 });
    assert.ok(Date.now() - started < 4000, "answered without waiting for the body");
    armError({ status: res.status, body: JSON.parse(res.body) }, 413, "RequestEntityTooLarge");
    await stillAnswers();
  });
});

// The test run trusts this CA (scripts/run-tests.mjs); raw connections read it as a client would.
const readCa = () => readFileSync(system.caPath);

describe("2. connection limits and timeouts (a server with small bounds)", () => {
  test("per-source cap, handshake and header timeouts, idle keep-alive; a good client still gets in", async () => {
    const store = new Store({ inMemory: true });
    const app = await createApp({ store });
    const ca = await loadOrCreateCa(TEST_DATA_DIR, new Date());
    const leaf = await issueLeaf(ca, serverNames("127.0.0.1", networkInterfaces()), new Date());
    const limits = {
      maxConnections: 40,
      maxConnectionsPerSource: 8,
      handshakeTimeoutMs: 400,
      headersTimeoutMs: 400,
      requestTimeoutMs: 800,
      keepAliveTimeoutMs: 300,
    };
    const small = await startServer({ app, cert: leaf.certPem, key: leaf.keyPem, port: 0, limits });
    try {
      const { connect } = await import("node:net");
      const open = () =>
        new Promise<{ closedAfter: Promise<number> }>((resolve) => {
          const started = Date.now();
          const s = connect({ host: "127.0.0.1", port: small.port }, () =>
            resolve({ closedAfter: new Promise((r) => s.on("close", () => r(Date.now() - started))) }),
          );
          s.on("error", () => undefined);
        });
      const idle = await Promise.all(Array.from({ length: 8 }, open));
      const ninth = await open();
      assert.ok((await ninth.closedAfter) < 300, "over the per-source cap: closed on arrival");
      // Idle TCP connections that never start TLS are dropped by the handshake timeout.
      for (const c of idle) assert.ok((await c.closedAfter) < 3000);
      // Headers that never finish: 408 in ARM's shape.
      const slow = await rawExchange(small.port, "GET /subscriptions HTTP/1.1\r\nHost: localhost\r\nX-Slow: ", {
        ca: readCa(),
        end: false,
        waitMs: 4000,
      });
      armError({ status: slow.status, body: JSON.parse(slow.body) }, 408, "RequestTimeout");
      const health = await rawExchange(small.port, "GET /_arclink/health HTTP/1.1\r\nHost: localhost\r\n\r\n", {
        ca: readCa(),
        end: false,
        waitMs: 3000,
      });
      assert.equal(health.status, 200, "a good client still gets in");
      assert.ok(health.closedByServer, "the idle keep-alive connection is closed by the server");
    } finally {
      small.server.closeAllConnections();
      await new Promise((r) => small.server.close(r));
      store.close();
    }
  });
});
