import assert from "node:assert/strict";
import { createServer } from "node:net";
import { test } from "node:test";
import { httpsCall } from "./https-call.js";

const listen = (onSocket: (s: import("node:net").Socket) => void) =>
  new Promise<{ port: number; close: () => void }>((resolve) => {
    const server = createServer(onSocket);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      resolve({ port: typeof address === "object" && address ? address.port : 0, close: () => server.close() });
    });
  });

const call = (port: number, timeoutMs = 400) =>
  httpsCall({
    name: "gbl.his.arc.azure.com",
    path: "/",
    localAddress: "127.0.0.1",
    via: { kind: "direct", address: "127.0.0.1", port },
    ca: "",
    timeoutMs,
  });

test("a silent peer is a timeout, a reset is a reset, a bad handshake is a TLS error: as a client sees them", async () => {
  const held: import("node:net").Socket[] = [];
  const silent = await listen((s) => held.push(s));
  const resetting = await listen((s) => s.resetAndDestroy());
  const plain = await listen((s) => s.end("HTTP/1.1 400 Bad Request\r\n\r\n"));
  try {
    assert.equal((await call(silent.port)).kind, "timeout");
    assert.equal((await call(resetting.port)).kind, "reset");
    const garbled = await call(plain.port);
    assert.ok(garbled.kind === "tls-error" || garbled.kind === "reset", JSON.stringify(garbled));
    assert.equal(garbled.tls, false);
  } finally {
    for (const s of held) s.destroy();
    silent.close();
    resetting.close();
    plain.close();
  }
});

test("a proxy that refuses CONNECT is a proxy error with its status", async () => {
  const proxy = await listen((s) => s.once("data", () => s.end("HTTP/1.1 403 Forbidden\r\n\r\n")));
  try {
    const r = await httpsCall({
      name: "gbl.his.arc.azure.com",
      path: "/",
      localAddress: "127.0.0.1",
      via: { kind: "proxy", address: "127.0.0.1", port: proxy.port, targetPort: 443 },
      ca: "",
      timeoutMs: 1000,
    });
    assert.deepEqual([r.kind, r.status], ["proxy-error", 403]);
  } finally {
    proxy.close();
  }
});
