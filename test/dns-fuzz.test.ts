import assert from "node:assert/strict";
import { createSocket } from "node:dgram";
import { Resolver } from "node:dns/promises";
import { after, before, test } from "node:test";
import packet from "dns-packet";
import fc from "fast-check";
import { CORPUS, malformed } from "./helpers/dns-fuzz.js";
import { type LiveDns, liveDns } from "./helpers/live-dns.js";

// The issue asks for 1,000,000 malformed packets; that many takes longer than a test should
// here (2 shared cores), so the test sends FUZZ_COUNT (default 100,000) over UDP and checks
// 50,000 more in-process; `npm run bench:dns-fuzz` sends the full million (BENCHMARKS.md).
const UDP_COUNT = Number(process.env.FUZZ_COUNT ?? 100_000);
const IN_PROCESS_RUNS = 50_000;

let live: LiveDns;
let dc01: string;
let web01: string;
before(async () => {
  live = await liveDns();
  dc01 = live.at("dnsServers/dc01");
  web01 = live.at("hosts/web01");
});
after(() => live.stop());

test("every malformed packet is dropped or answered with a well-formed reply echoing its ID", () => {
  fc.assert(
    fc.property(malformed, (bytes) => {
      const message = Buffer.from(bytes);
      const reply = live.plane.answer(dc01, message, web01);
      if (!reply) return;
      const out = reply.message.subarray(0, reply.length);
      assert.ok(out.length >= 12 && out.length <= 1232);
      assert.equal(out.readUInt16BE(0), message.readUInt16BE(0));
      assert.ok(out[2] & 0x80, "QR set");
      packet.decode(out); // a reply is always a decodable message
    }),
    { numRuns: IN_PROCESS_RUNS },
  );
  for (const c of CORPUS) live.plane.answer(dc01, c.packet, web01);
});

test(`${UDP_COUNT} malformed packets over UDP; correct answers still come`, async () => {
  const samples = fc.sample(malformed, { numRuns: 10_000, seed: 42 }).map((b) => Buffer.from(b));
  const socket = createSocket("udp4");
  await new Promise<void>((r) => socket.bind(0, web01, () => r()));
  let replies = 0;
  socket.on("message", () => replies++);
  const start = performance.now();
  for (let sent = 0; sent < UDP_COUNT; ) {
    const batch = Math.min(500, UDP_COUNT - sent);
    await Promise.all(
      Array.from(
        { length: batch },
        (_, i) =>
          new Promise<void>((r) => socket.send(samples[(sent + i) % samples.length], live.plane.port, dc01, () => r())),
      ),
    );
    sent += batch;
    await new Promise((r) => setImmediate(r));
  }
  const elapsed = performance.now() - start;
  await new Promise((r) => setTimeout(r, 200));
  socket.close();
  process.stdout.write(
    `# ${UDP_COUNT} malformed packets in ${(elapsed / 1000).toFixed(1)} s (${Math.round(UDP_COUNT / (elapsed / 1000))}/s), ${replies} replies\n`,
  );
  const resolver = new Resolver({ timeout: 1500, tries: 1 });
  resolver.setLocalAddress(web01);
  resolver.setServers([`${dc01}:${live.plane.port}`]);
  assert.deepEqual(await resolver.resolve4("gbl.his.arc.azure.com"), ["10.10.1.4"]);
  assert.deepEqual(await resolver.resolve4("agentserviceapi.guestconfiguration.azure.com"), ["10.10.1.6"]);
});
