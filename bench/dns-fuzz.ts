// The DNS bad-input benchmark (issue 10): 1,000,000 malformed packets (fast-check
// arbitraries and the pathological corpus of test/helpers/dns-fuzz.ts) sent over UDP to a
// live arclink DNS server in another process, while a prober asks a good question every
// 2 ms; then the answers must still be right. Reports the send rate and the good queries'
// latency idle and under the flood (the baseline is the same prober in the same run).
// Run: npm run bench:dns-fuzz   (node --import tsx bench/dns-fuzz.ts [--count 1000000])
import { createSocket } from "node:dgram";
import packet from "dns-packet";
import fc from "fast-check";
import { sendQuery } from "../src/dns/index.js";
import { goodQuery, malformed } from "../test/helpers/dns-fuzz.js";
import { spawnReady, stopChild } from "./lib/processes.js";

const countArg = process.argv.indexOf("--count");
const COUNT = countArg >= 0 ? Number(process.argv[countArg + 1]) : 1_000_000;
/** A malformed-packet rate below the server's capacity: good answers must not slow down. */
const STEADY_RATE = 5000;

interface Server {
  dc01: string;
  web01: string;
  port: number;
}

/** Asks the good question every 2 ms until stopped; resolves with the round-trip times (µs) and losses. */
function probe(s: Server) {
  const socket = createSocket("udp4");
  const sentAt = new Map<number, number>();
  const rtts: number[] = [];
  let wrong = 0;
  let id = 0;
  socket.on("message", (m) => {
    const start = sentAt.get(m.readUInt16BE(0));
    if (start === undefined) return;
    sentAt.delete(m.readUInt16BE(0));
    rtts.push((performance.now() - start) * 1000);
    const answers = (packet.decode(m).answers ?? []) as { type: string; data: unknown }[];
    if (!answers.some((a) => a.type === "A" && a.data === "10.10.1.4")) wrong++;
  });
  let timer: NodeJS.Timeout;
  const ready = new Promise<void>((r) => socket.bind(0, s.web01, () => r()));
  void ready.then(() => {
    timer = setInterval(() => {
      id = (id + 1) & 0xffff;
      sentAt.set(id, performance.now());
      socket.send(goodQuery("gbl.his.arc.azure.com", "A", id), s.port, s.dc01);
    }, 2);
  });
  return async () => {
    await ready;
    clearInterval(timer);
    await new Promise((r) => setTimeout(r, 300));
    socket.close();
    const lost = sentAt.size;
    rtts.sort((a, b) => a - b);
    const at = (p: number) => Math.round(rtts[Math.floor(p * (rtts.length - 1))] ?? 0);
    return { answered: rtts.length, lost, wrong, p50: at(0.5), p99: at(0.99) };
  };
}

/** Sends `count` malformed packets, as fast as possible or at `perSecond`; resolves with the milliseconds taken. */
async function flood(s: Server, count: number, perSecond = Number.POSITIVE_INFINITY): Promise<number> {
  const samples = fc.sample(malformed, { numRuns: 20_000, seed: 7 }).map((b) => Buffer.from(b));
  const socket = createSocket("udp4");
  await new Promise<void>((r) => socket.bind(0, s.web01, () => r()));
  const start = performance.now();
  for (let sent = 0; sent < count; ) {
    const due = start + (sent / perSecond) * 1000;
    if (due > performance.now()) await new Promise((r) => setTimeout(r, due - performance.now()));
    const batch = Math.min(Number.isFinite(perSecond) ? 50 : 500, count - sent);
    await Promise.all(
      Array.from(
        { length: batch },
        (_, i) =>
          new Promise<void>((r) => socket.send(samples[(sent + i) % samples.length], s.port, s.dc01, () => r())),
      ),
    );
    sent += batch;
    // Sends that complete at once call back on the next tick: yield so the prober's timer runs.
    await new Promise((r) => setImmediate(r));
  }
  socket.close();
  return performance.now() - start;
}

const server = await spawnReady(["--import", "tsx", "bench/lib/dns-arclink-server.ts", "--port", "5310"]);
const s = server.ready as Server;
try {
  const idle = probe(s);
  await new Promise((r) => setTimeout(r, 3000));
  const idleStats = await idle();
  const steady = probe(s);
  await flood(s, STEADY_RATE * 5, STEADY_RATE);
  const steadyStats = await steady();
  const busy = probe(s);
  const ms = await flood(s, COUNT);
  const busyStats = await busy();
  const after = await sendQuery({
    server: s.dc01,
    port: s.port,
    from: s.web01,
    name: "gbl.his.arc.azure.com",
    type: "A",
  });
  const ok = (after.response?.answers ?? []).some(
    (a) => a.type === "A" && (a as { data: unknown }).data === "10.10.1.4",
  );
  process.stdout.write(
    [
      `${COUNT} malformed packets in ${(ms / 1000).toFixed(1)} s (${Math.round(COUNT / (ms / 1000))}/s); server alive and correct after: ${ok}`,
      "",
      "| good queries (every 2 ms) | answered | lost | wrong | p50 µs | p99 µs |",
      "|---|---|---|---|---|---|",
      `| idle, 3 s | ${idleStats.answered} | ${idleStats.lost} | ${idleStats.wrong} | ${idleStats.p50} | ${idleStats.p99} |`,
      `| ${STEADY_RATE} malformed/s for 5 s | ${steadyStats.answered} | ${steadyStats.lost} | ${steadyStats.wrong} | ${steadyStats.p50} | ${steadyStats.p99} |`,
      `| during the ${COUNT} flood (as fast as possible) | ${busyStats.answered} | ${busyStats.lost} | ${busyStats.wrong} | ${busyStats.p50} | ${busyStats.p99} |`,
      "",
    ].join("\n"),
  );
  if (!ok) process.exitCode = 1;
} finally {
  await stopChild(server.child);
}
