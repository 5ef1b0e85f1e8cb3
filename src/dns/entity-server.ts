import { createServer, type Server, type Socket as TcpSocket } from "node:net";
import type { UdpFastPath } from "./udp-fast-path.js";

/** What the handler wants sent: a message (maybe after a delay), or nothing (drop). */
export interface Reply {
  message: Buffer;
  length: number;
  delayMs: number;
  /** Set when the same answer serves every later UDP query with the same key in this snapshot version. */
  cacheVersion?: number;
}

/** Answers one message; `udp` says whether the answer must fit a UDP limit. */
export type MessageHandler = (message: Buffer, from: string, transport: "udp" | "tcp") => Reply | undefined;

export interface EntityServerOptions {
  host: string;
  port: number;
  handle: MessageHandler;
  /** The native UDP engine that owns this address's UDP socket. */
  udp: UdpFastPath;
  /** TCP connections open at once on this address [RFC 7766 §6.2.2]; more are closed at once. */
  maxTcpConnections?: number;
  /** A TCP connection idle this long is closed [RFC 7766 §6.2.3]. */
  tcpIdleMs?: number;
}

export interface EntityServer {
  readonly host: string;
  close(): Promise<void>;
}

function listenTcp(host: string, port: number, handle: MessageHandler, max: number, idleMs: number): Promise<Server> {
  const open = new Set<TcpSocket>();
  const server = createServer(function onTcpConnection(conn) {
    if (open.size >= max) {
      conn.destroy();
      return;
    }
    open.add(conn);
    conn.setTimeout(idleMs, () => conn.destroy());
    conn.on("close", () => open.delete(conn));
    conn.on("error", () => conn.destroy());
    let pending = Buffer.alloc(0);
    conn.on("data", (chunk) => {
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      while (pending.length >= 2) {
        const size = pending.readUInt16BE(0);
        if (pending.length < 2 + size) break;
        const message = pending.subarray(2, 2 + size);
        pending = pending.subarray(2 + size);
        let reply: Reply | undefined;
        try {
          reply = handle(Buffer.from(message), conn.remoteAddress ?? "", "tcp");
        } catch {
          reply = undefined;
        }
        if (!reply) continue;
        const framed = Buffer.allocUnsafe(2 + reply.length);
        framed.writeUInt16BE(reply.length, 0);
        reply.message.copy(framed, 2, 0, reply.length);
        const send = () => conn.writable && conn.write(framed);
        if (reply.delayMs > 0) setTimeout(send, reply.delayMs).unref();
        else send();
      }
    });
  });
  (server as Server & { open?: Set<TcpSocket> }).open = open;
  return new Promise((done, fail) => {
    server.once("error", fail);
    server.listen({ host, port }, () => {
      server.off("error", fail);
      done(server);
    });
  });
}

/**
 * A UDP (native fast path) and a TCP DNS listener on one realized address, sharing one handler.
 *
 * @example
 * const server = await startEntityServer({ host: "127.62.36.10", port: 53, handle, udp: startUdpFastPath() });
 */
export async function startEntityServer({
  host,
  port,
  handle,
  udp: fastPath,
  maxTcpConnections = 128,
  tcpIdleMs = 10_000,
}: EntityServerOptions): Promise<EntityServer> {
  const udp = fastPath.listen(host, port, handle);
  let tcp: Server;
  try {
    tcp = await listenTcp(host, port, handle, maxTcpConnections, tcpIdleMs);
  } catch (error) {
    udp.close();
    throw error;
  }
  return {
    host,
    async close() {
      for (const c of (tcp as Server & { open: Set<TcpSocket> }).open) c.destroy();
      udp.close();
      await new Promise<void>((r) => tcp.close(() => r()));
    },
  };
}
