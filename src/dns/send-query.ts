import { createSocket } from "node:dgram";
import { connect } from "node:net";
import packet from "dns-packet";

export interface SendQueryOptions {
  /** Realized address and port of the server. */
  server: string;
  port: number;
  name: string;
  type: string;
  /** Bind this source address (the asker's realized address); default: the kernel picks. */
  from?: string;
  tcp?: boolean;
  /** Retry over TCP when the UDP answer is truncated (as stub resolvers do) [RFC 7766 §5]. Default true. */
  tcpFallback?: boolean;
  timeoutMs?: number;
  edns?: boolean;
}

/** A decoded answer: dns-packet's packet with the fields its types leave out. */
export type DecodedAnswer = packet.Packet & { rcode?: string; opcode?: string };

export interface SentQuery {
  /** The decoded answer; undefined when nothing answered in time (or the port is closed). */
  response?: DecodedAnswer;
  raw?: Buffer;
  transport: "udp" | "tcp";
  /** True when UDP came back truncated and TCP was used. */
  fellBackToTcp: boolean;
  elapsedMs: number;
}

function encodeQuery(name: string, type: string, edns: boolean): Buffer {
  return packet.encode({
    type: "query",
    id: Math.floor(Math.random() * 65536),
    flags: packet.RECURSION_DESIRED,
    questions: [{ name, type: type as packet.RecordType, class: "IN" }],
    additionals: edns
      ? [{ type: "OPT", name: ".", udpPayloadSize: 1232, flags: 0, options: [] } as unknown as packet.Answer]
      : [],
  });
}

function overUdp(q: Buffer, o: SendQueryOptions, timeoutMs: number): Promise<Buffer | undefined> {
  return new Promise((done) => {
    const socket = createSocket("udp4");
    const finish = (value: Buffer | undefined) => {
      clearTimeout(timer);
      socket.close();
      done(value);
    };
    const timer = setTimeout(() => finish(undefined), timeoutMs);
    socket.on("error", () => finish(undefined));
    socket.on("message", (m) => {
      if (m.length >= 2 && m.readUInt16BE(0) === q.readUInt16BE(0)) finish(m);
    });
    socket.bind(0, o.from, () => {
      // Connected: a closed port comes back as ECONNREFUSED at once instead of a timeout.
      socket.connect(o.port, o.server, () => socket.send(q));
    });
  });
}

function overTcp(q: Buffer, o: SendQueryOptions, timeoutMs: number): Promise<Buffer | undefined> {
  return new Promise((done) => {
    const conn = connect({ host: o.server, port: o.port, localAddress: o.from });
    let got = Buffer.alloc(0);
    const finish = (value: Buffer | undefined) => {
      clearTimeout(timer);
      conn.destroy();
      done(value);
    };
    const timer = setTimeout(() => finish(undefined), timeoutMs);
    conn.on("error", () => finish(undefined));
    conn.on("connect", () => {
      const framed = Buffer.allocUnsafe(q.length + 2);
      framed.writeUInt16BE(q.length, 0);
      q.copy(framed, 2);
      conn.write(framed);
    });
    conn.on("data", (chunk) => {
      got = Buffer.concat([got, chunk]);
      if (got.length >= 2 && got.length >= 2 + got.readUInt16BE(0)) finish(got.subarray(2, 2 + got.readUInt16BE(0)));
    });
  });
}

/**
 * Sends one query the way a stub resolver does (UDP, then TCP when truncated), from a
 * chosen source address: the client side of `arclink dns query` and the tests.
 *
 * @example
 * const { response } = await sendQuery({ server: "127.62.36.10", port: 53, from: "127.67.183.10", name: "gbl.his.arc.azure.com", type: "A" });
 */
export async function sendQuery(o: SendQueryOptions): Promise<SentQuery> {
  const start = performance.now();
  const timeoutMs = o.timeoutMs ?? 2000;
  const q = encodeQuery(o.name, o.type, o.edns ?? true);
  let transport: "udp" | "tcp" = o.tcp ? "tcp" : "udp";
  let raw = o.tcp ? await overTcp(q, o, timeoutMs) : await overUdp(q, o, timeoutMs);
  let fellBackToTcp = false;
  if (raw && !o.tcp && (o.tcpFallback ?? true) && raw.length >= 4 && raw[2] & 0x02) {
    raw = await overTcp(q, o, timeoutMs);
    transport = "tcp";
    fellBackToTcp = true;
  }
  return {
    response: raw ? (packet.decode(raw) as DecodedAnswer) : undefined,
    raw,
    transport,
    fellBackToTcp,
    elapsedMs: performance.now() - start,
  };
}
