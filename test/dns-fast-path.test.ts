import assert from "node:assert/strict";
import { createSocket, type Socket } from "node:dgram";
import { after, before, test } from "node:test";
import packet from "dns-packet";
import fc from "fast-check";
import { goodQuery } from "./helpers/dns-fuzz.js";
import { type LiveDns, liveDns } from "./helpers/live-dns.js";

// The native UDP fast path (src/dns/udp-fast-path.ts, src/dns/native/): answers that
// JavaScript installed are served by the addon's threads; these tests ask over real UDP
// and compare every reply with the in-process JavaScript answer to the same bytes.
const SUB = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/arc-pl";
const ZONE = `${SUB}/providers/Microsoft.Network/privateDnsZones/privatelink.his.arc.azure.com`;

let live: LiveDns;
let dc01: string;
let web01: string;
let socket: Socket;
const waiting = new Map<number, (reply: Buffer) => void>();

before(async () => {
  live = await liveDns();
  dc01 = live.at("dnsServers/dc01");
  web01 = live.at("hosts/web01");
  socket = createSocket("udp4");
  socket.on("message", (m) => m.length >= 2 && waiting.get(m.readUInt16BE(0))?.(m));
  await new Promise<void>((r) => socket.bind(0, web01, () => r()));
});
after(async () => {
  socket.close();
  await live.stop();
});

/** Sends `query` to dc01 from web01; the reply with its ID, or undefined after `timeoutMs`. */
function ask(query: Buffer, timeoutMs = 1000): Promise<Buffer | undefined> {
  const id = query.length >= 2 ? query.readUInt16BE(0) : -1;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      waiting.delete(id);
      resolve(undefined);
    }, timeoutMs);
    waiting.set(id, (reply) => {
      clearTimeout(timer);
      waiting.delete(id);
      resolve(reply);
    });
    socket.send(query, live.plane.port, dc01);
  });
}

/** What JavaScript answers to these bytes (no socket), as a copy. */
function jsAnswer(query: Buffer): Buffer | undefined {
  const reply = live.plane.answer(dc01, query, web01);
  return reply && Buffer.from(reply.message.subarray(0, reply.length));
}

const rcode = (reply: Buffer | undefined) => reply && (packet.decode(reply) as { rcode?: string }).rcode;
const addresses = (reply: Buffer) => packet.decode(reply).answers?.map((a) => (a as { data?: unknown }).data);

function withId(query: Buffer, id: number): Buffer {
  const q = Buffer.from(query);
  q.writeUInt16BE(id, 0);
  return q;
}

test("a repeated query is answered by the fast path, byte for byte as JavaScript answers it", async () => {
  const first = goodQuery("gbl.his.arc.azure.com", "A", 101);
  const before = live.plane.udpStats();
  const miss = await ask(first);
  assert.deepEqual(miss, jsAnswer(first));
  const afterMiss = live.plane.udpStats();
  assert.equal(afterMiss.hits, before.hits, "the first query went to JavaScript");
  assert.ok(afterMiss.installed > before.installed, "and its answer was installed");
  // Another ID, the asker's case, RD off: the same key, so a hit with the bytes patched.
  const again = goodQuery("GBL.His.ARC.azure.COM", "A", 202);
  again[2] &= ~1;
  const hit = await ask(again);
  assert.ok(hit);
  assert.equal(live.plane.udpStats().hits, afterMiss.hits + 1, "served natively");
  assert.deepEqual(hit, jsAnswer(again));
  assert.equal(hit.readUInt16BE(0), 202);
  assert.equal(hit[2] & 1, 0, "RD echoed");
  assert.deepEqual(
    packet.decode(hit).questions?.map((q) => q.name),
    ["GBL.His.ARC.azure.COM"],
  );
});

test("EDNS presence, payload size and DO are part of the key: each variant gets JavaScript's answer", async () => {
  const variants = [
    goodQuery("agentserviceapi.guestconfiguration.azure.com", "A", 0, false),
    goodQuery("agentserviceapi.guestconfiguration.azure.com", "A", 0, true),
    packet.encode({
      type: "query",
      id: 0,
      flags: packet.RECURSION_DESIRED | packet.DNSSEC_OK,
      questions: [{ name: "agentserviceapi.guestconfiguration.azure.com", type: "A", class: "IN" }],
      additionals: [{ type: "OPT", name: ".", udpPayloadSize: 4096, flags: packet.DNSSEC_OK, options: [] } as never],
    }),
  ];
  let id = 300;
  for (let round = 0; round < 3; round++) {
    for (const v of variants) {
      const q = withId(v, id++);
      assert.deepEqual(await ask(q), jsAnswer(q), `round ${round}`);
    }
  }
  assert.ok(live.plane.udpStats().hits >= 6);
});

test("a new snapshot version empties the table: an ARM write is answered at once", async () => {
  const name = "fast.privatelink.his.arc.azure.com";
  const nx1 = await ask(goodQuery(name, "A", 401));
  const nx2 = await ask(goodQuery(name, "A", 402));
  assert.equal(rcode(nx1), "NXDOMAIN");
  assert.equal(rcode(nx2), "NXDOMAIN");
  const installed = live.plane.udpStats();
  assert.ok(installed.entries > 0);
  live.system.put(`${ZONE}/A/fast`, { properties: { ttl: 10, aRecords: [{ ipv4Address: "10.10.1.77" }] } });
  const fresh = live.plane.udpStats();
  assert.equal(fresh.entries, 0, "no answer of the old version is left");
  assert.equal(fresh.version, live.plane.version());
  const answer = await ask(goodQuery(name, "A", 403));
  assert.ok(answer);
  assert.deepEqual(addresses(answer), ["10.10.1.77"]);
  live.system.delete(`${ZONE}/A/fast`);
  const gone = await ask(goodQuery(name, "A", 404));
  assert.equal(rcode(gone), "NXDOMAIN");
});

test("every prefix of a cached query is answered as JavaScript answers it (FORMERR or nothing), and the cache still serves", async () => {
  const full = goodQuery("gbl.his.arc.azure.com", "A", 500);
  await ask(full);
  for (let len = 0; len < full.length; len++) {
    const cut = full.subarray(0, len);
    const expected = jsAnswer(cut);
    // Without an expected reply, wait briefly: a reply would still be caught (and fail the test).
    const reply = await ask(len >= 2 ? cut : Buffer.from(cut), expected ? 1000 : 50);
    assert.deepEqual(reply, expected, `prefix of ${len} bytes`);
  }
  const longer = Buffer.concat([withId(full, 501), Buffer.from([0])]);
  assert.deepEqual(await ask(longer), jsAnswer(longer));
  const hits = live.plane.udpStats().hits;
  assert.deepEqual(await ask(withId(full, 502)), jsAnswer(withId(full, 502)));
  assert.equal(live.plane.udpStats().hits, hits + 1);
});

test("random mutations of cached queries get exactly JavaScript's reply (or none), natively or not", async () => {
  const seeds = [
    goodQuery("gbl.his.arc.azure.com", "A", 0, true),
    goodQuery("gbl.his.arc.azure.com", "A", 0, false),
    goodQuery("agentserviceapi.guestconfiguration.azure.com", "AAAA", 0, true),
  ];
  for (const [i, s] of seeds.entries()) await ask(withId(s, 600 + i));
  const mutation = fc.record({
    seed: fc.integer({ min: 0, max: seeds.length - 1 }),
    flips: fc.array(fc.record({ at: fc.nat(), xor: fc.integer({ min: 1, max: 255 }) }), { maxLength: 3 }),
    cut: fc.nat({ max: 8 }),
    extra: fc.uint8Array({ maxLength: 4 }),
  });
  const samples = fc.sample(mutation, { numRuns: 3000, seed: 7 });
  const before = live.plane.udpStats().hits;
  let id = 1000;
  let answered = 0;
  for (let start = 0; start < samples.length; start += 100) {
    const batch = samples.slice(start, start + 100).map((m) => {
      const q = Buffer.from(seeds[m.seed]);
      for (const f of m.flips) q[2 + (f.at % (q.length - 2))] ^= f.xor; // never the ID
      const bytes = Buffer.concat([q.subarray(0, Math.max(12, q.length - m.cut)), m.extra]);
      return withId(bytes, id++);
    });
    const expected = batch.map(jsAnswer);
    const replies = await Promise.all(batch.map((q, i) => ask(q, expected[i] ? 2000 : 100)));
    for (const [i, reply] of replies.entries()) {
      assert.deepEqual(reply, expected[i], `mutation ${batch[i].toString("hex")}`);
      if (reply) answered++;
    }
  }
  assert.ok(answered > 1000);
  assert.ok(live.plane.udpStats().hits > before, "some mutations (case, RD, ID-only) were served natively");
});

test("a DNS server that goes away under load closes its socket; the others keep answering natively", async () => {
  const id = `${SUB}/providers/Arclink.OnPremises/sites/hq/dnsServers/dc07`;
  live.system.put(id, { properties: { address: "192.168.0.17", forwarders: ["10.10.2.4"], recursion: false } });
  await live.plane.settled();
  const dc07 = live.at("dnsServers/dc07");
  const sockets = live.plane.udpStats().sockets;
  const flood = createSocket("udp4");
  await new Promise<void>((r) => flood.bind(0, web01, () => r()));
  const query = goodQuery("gbl.his.arc.azure.com", "A", 700);
  let replies = 0;
  flood.on("message", () => replies++);
  for (let i = 0; i < 2000; i++) {
    flood.send(query, live.plane.port, dc07);
    if (i === 1000) live.system.delete(id);
    if (i % 100 === 0) await new Promise((r) => setImmediate(r));
  }
  await live.plane.settled();
  flood.close();
  assert.ok(replies > 0, "dc07 answered before it went away");
  assert.equal(live.plane.udpStats().sockets, sockets - 1);
  const hits = live.plane.udpStats().hits;
  const q = goodQuery("gbl.his.arc.azure.com", "A", 701);
  assert.deepEqual(await ask(q), jsAnswer(q));
  assert.deepEqual(await ask(withId(q, 702)), jsAnswer(withId(q, 702)));
  assert.ok(live.plane.udpStats().hits > hits);
});
