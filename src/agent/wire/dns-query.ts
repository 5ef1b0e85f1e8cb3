import { createSocket } from "node:dgram";
import { connect } from "node:net";
import packet from "dns-packet";

export interface DnsReply {
  rcode: string;
  /** A records at the end of the chain (CNAMEs followed in the answer section). */
  addresses: string[];
  truncated: boolean;
}

const decode = (buf: Buffer): DnsReply => {
  const p = packet.decode(buf) as packet.Packet & { rcode?: string };
  const flags = p.flags ?? 0;
  return {
    rcode: p.rcode ?? "NOERROR",
    addresses: (p.answers ?? []).filter((a) => a.type === "A").map((a) => String((a as { data: unknown }).data)),
    truncated: (flags & packet.TRUNCATED_RESPONSE) !== 0,
  };
};

function overUdp(
  query: Buffer,
  server: string,
  port: number,
  from: string,
  timeoutMs: number,
): Promise<Buffer | undefined> {
  return new Promise((done) => {
    const socket = createSocket("udp4");
    const finish = (b?: Buffer) => {
      clearTimeout(timer);
      socket.close();
      done(b);
    };
    const timer = setTimeout(() => finish(), timeoutMs);
    socket.on("error", () => finish());
    socket.on("message", (m) => {
      if (m.length >= 2 && m.readUInt16BE(0) === query.readUInt16BE(0)) finish(m);
    });
    socket.bind(0, from, () => socket.send(query, port, server));
  });
}

function overTcp(
  query: Buffer,
  server: string,
  port: number,
  from: string,
  timeoutMs: number,
): Promise<Buffer | undefined> {
  return new Promise((done) => {
    const conn = connect({ host: server, port, localAddress: from });
    let got = Buffer.alloc(0);
    const finish = (b?: Buffer) => {
      clearTimeout(timer);
      conn.destroy();
      done(b);
    };
    const timer = setTimeout(() => finish(), timeoutMs);
    conn.on("error", () => finish());
    conn.on("connect", () => {
      const framed = Buffer.alloc(query.length + 2);
      framed.writeUInt16BE(query.length, 0);
      query.copy(framed, 2);
      conn.write(framed);
    });
    conn.on("data", (chunk: Buffer) => {
      got = Buffer.concat([got, chunk]);
      if (got.length >= 2 && got.length >= got.readUInt16BE(0) + 2) finish(got.subarray(2, got.readUInt16BE(0) + 2));
    });
  });
}

/**
 * One A query over the wire from `from` (the asker's realized address) to a DNS server's
 * realized address, as a stub resolver sends it: UDP with RD, TCP when the answer comes
 * back truncated [RFC 7766 §5]. Undefined when nothing answered in `timeoutMs`.
 *
 * @example
 * await queryA({ server: "127.62.36.10", port: 53, from: "127.67.183.10", name: "gbl.his.arc.azure.com" })
 */
export async function queryA({
  server,
  port,
  from,
  name,
  timeoutMs = 2000,
}: {
  server: string;
  port: number;
  from: string;
  name: string;
  timeoutMs?: number;
}): Promise<DnsReply | undefined> {
  const query = packet.encode({
    type: "query",
    id: Math.floor(Math.random() * 65536),
    flags: packet.RECURSION_DESIRED,
    questions: [{ name, type: "A", class: "IN" }],
  });
  const udp = await overUdp(query, server, port, from, timeoutMs);
  if (!udp) return undefined;
  const reply = decode(udp);
  if (!reply.truncated) return reply;
  const tcp = await overTcp(query, server, port, from, timeoutMs);
  return tcp ? decode(tcp) : reply;
}
