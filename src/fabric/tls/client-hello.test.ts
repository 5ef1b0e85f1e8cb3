import assert from "node:assert/strict";
import { once } from "node:events";
import { createServer, type Socket } from "node:net";
import { test } from "node:test";
import { connect } from "node:tls";
import { MAX_CLIENT_HELLO_BYTES, parseClientHello } from "./client-hello.js";

/** The first bytes a real Node TLS client sends for `servername`. */
async function realHello(servername?: string): Promise<Buffer> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const port = (server.address() as { port: number }).port;
  const got = new Promise<Buffer>((resolve) =>
    server.once("connection", (s: Socket) => s.once("data", (d: Buffer) => resolve(d))),
  );
  const client = connect({ host: "127.0.0.1", port, servername, rejectUnauthorized: false });
  client.on("error", () => {});
  const bytes = await got;
  client.destroy();
  server.close();
  return bytes;
}

test("reads the SNI of a real Node ClientHello, lower-cased", async () => {
  const hello = await realHello("GBL.his.arc.azure.com");
  assert.deepEqual(parseClientHello(hello), { kind: "hello", serverName: "gbl.his.arc.azure.com" });
});

test("a ClientHello without SNI has no server name", async () => {
  const hello = await realHello(undefined);
  assert.deepEqual(parseClientHello(hello), { kind: "hello" });
});

test("partial records are incomplete; every prefix of a real hello is incomplete, never invalid", async () => {
  const hello = await realHello("weu.his.arc.azure.com");
  for (let n = 0; n < hello.length; n++) assert.equal(parseClientHello(hello.subarray(0, n)).kind, "incomplete");
});

test("plain HTTP, garbage and oversized records are invalid", () => {
  assert.equal(parseClientHello(Buffer.from("GET / HTTP/1.1\r\n\r\n")).kind, "invalid");
  assert.equal(parseClientHello(Buffer.from([22, 3, 1, 0xff, 0xff])).kind, "invalid");
  assert.ok(MAX_CLIENT_HELLO_BYTES < 0xffff);
});

test("random bytes never throw", () => {
  for (let i = 0; i < 2000; i++) {
    const b = Buffer.alloc(5 + (i % 300));
    for (let j = 0; j < b.length; j++) b[j] = (Math.random() * 256) | 0;
    b[0] = 22;
    b[1] = 3;
    b[3] = (b.length - 5) >> 8;
    b[4] = (b.length - 5) & 255;
    const r = parseClientHello(b);
    assert.ok(r.kind === "invalid" || r.kind === "hello");
  }
});
