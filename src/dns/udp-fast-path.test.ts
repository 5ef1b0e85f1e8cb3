import assert from "node:assert/strict";
import { createSocket, type Socket } from "node:dgram";
import { after, before, test } from "node:test";
import fc from "fast-check";
import { parseQuery } from "./query-parse.js";
import { ipv4Number, ipv4String, startUdpFastPath, type UdpFastPath } from "./udp-fast-path.js";

// The engine on its own, with a stand-in handler: every plain query is answered with its own
// header (QR set) and question, reusable for `version`. The plane's tests are test/dns-fast-path.
const HOST = "127.254.77.1";
const PORT = 40_000 + (process.pid % 10_000);
let udp: UdpFastPath;
let client: Socket;
let version = 0;
const seen: Buffer[] = [];
const replies: Buffer[] = [];

function query(name: string, id: number): Buffer {
  const labels = name.split(".").flatMap((l) => [Buffer.from([l.length]), Buffer.from(l)]);
  const header = Buffer.from([id >> 8, id & 255, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
  return Buffer.concat([header, ...labels, Buffer.from([0, 0, 1, 0, 1])]);
}

before(async () => {
  udp = startUdpFastPath({ threads: 2, maxAnswers: 4 });
  udp.listen(HOST, PORT, (message) => {
    seen.push(Buffer.from(message));
    const parsed = parseQuery(message);
    if (parsed.kind !== "query") return undefined;
    const out = Buffer.from(message.subarray(0, parsed.query.questionEnd));
    out[2] |= 0x80;
    out.writeUInt16BE(0, 10);
    return { message: out, length: out.length, delayMs: 0, cacheVersion: version };
  });
  client = createSocket("udp4");
  client.on("message", (m) => replies.push(m));
  await new Promise<void>((r) => client.bind(0, "127.0.0.1", () => r()));
});
after(() => {
  client.close();
  udp.stop();
});

async function exchange(message: Buffer, expectReply = true): Promise<Buffer | undefined> {
  const before = replies.length;
  client.send(message, PORT, HOST);
  for (let i = 0; i < (expectReply ? 200 : 10); i++) {
    if (replies.length > before) return replies[before];
    await new Promise((r) => setTimeout(r, 5));
  }
  return undefined;
}

test("addresses convert both ways", () => {
  assert.equal(ipv4Number("127.0.0.1"), 0x7f000001);
  assert.equal(ipv4String(0xc0a8000a), "192.168.0.10");
});

test("an installed answer is served natively with the asker's ID, RD and case", async () => {
  const calls = seen.length;
  await exchange(query("fast.example", 1));
  assert.equal(seen.length, calls + 1);
  const again = query("FAST.Example", 2);
  again[2] = 0; // RD off
  const reply = await exchange(again);
  assert.equal(seen.length, calls + 1, "not handed to JavaScript");
  assert.ok(reply);
  assert.equal(reply.readUInt16BE(0), 2);
  assert.equal(reply[2], 0x80, "QR set, RD echoed off");
  assert.equal(reply.subarray(12).toString("latin1"), again.subarray(12).toString("latin1"));
  assert.equal(udp.stats().hits, 1);
});

test("reset empties the table; an answer installed for an older version is refused", async () => {
  udp.reset(1);
  assert.equal(udp.stats().entries, 0);
  const calls = seen.length;
  await exchange(query("fast.example", 3)); // answered for version 0: not kept
  assert.equal(udp.stats().entries, 0);
  version = 1;
  await exchange(query("fast.example", 4));
  await exchange(query("fast.example", 5));
  assert.equal(seen.length, calls + 2);
  assert.equal(udp.stats().entries, 1);
});

test("a full table starts over", async () => {
  const flushes = udp.stats().flushes;
  for (let i = 0; i < 4; i++) await exchange(query(`n${i}.example`, 10 + i));
  assert.equal(udp.stats().flushes, flushes + 1);
  assert.ok(udp.stats().entries <= 4);
});

test("garbage reaches the handler byte for byte, never crashes the engine; hits go on", async () => {
  const samples = fc.sample(fc.uint8Array({ minLength: 0, maxLength: 600 }), { numRuns: 2000, seed: 3 });
  const cached = query("fast.example", 20);
  await exchange(cached);
  const variants = [
    ...samples.map((b) => Buffer.from(b)),
    ...Array.from({ length: cached.length }, (_, n) => cached.subarray(0, n)),
    Buffer.concat([cached, Buffer.from([0])]),
  ];
  const before = seen.length;
  for (let start = 0; start < variants.length; start += 50) {
    // In batches the socket buffer holds: a flood would be dropped by the kernel, not by the engine.
    const batch = variants.slice(start, start + 50);
    for (const v of batch) client.send(v, PORT, HOST);
    const until = before + start + batch.length;
    for (let i = 0; i < 400 && seen.length < until; i++) await new Promise((r) => setTimeout(r, 2));
  }
  const got = new Set(seen.slice(before).map((b) => b.toString("hex")));
  for (const v of variants) assert.ok(got.has(v.toString("hex")), `handed over: ${v.toString("hex")}`);
  const hits = udp.stats().hits;
  assert.ok(await exchange(query("fast.example", 21)));
  assert.equal(udp.stats().hits, hits + 1);
});

test("an address in use is refused with EADDRINUSE", () => {
  assert.throws(() => udp.listen(HOST, PORT, () => undefined), { code: "EADDRINUSE" });
});
