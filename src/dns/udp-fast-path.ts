import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import type { MessageHandler } from "./entity-server.js";

/** Counters of the native UDP fast path (one engine per DNS plane). */
export interface UdpFastPathStats {
  /** Worker threads serving every socket. */
  threads: number;
  sockets: number;
  /** The snapshot version the table of answers belongs to. */
  version: number;
  /** Answers installed for this version, and their bytes (keys and templates). */
  entries: number;
  bytes: number;
  /** Datagrams answered natively from the table (no JavaScript). */
  hits: number;
  /** Datagrams handed to JavaScript (misses, errors, anything that is not a plain query). */
  passed: number;
  /** Datagrams dropped because JavaScript's queue was full. */
  dropped: number;
  installed: number;
  /** Times a full table started over (a flood of distinct names). */
  flushes: number;
}

/** One UDP socket of the fast path. */
export interface UdpListener {
  readonly id: number;
  close(): void;
}

export interface UdpFastPath {
  /** Binds host:port (throws an Error with `code`, e.g. EADDRINUSE); `handle` answers what the table does not. */
  listen(host: string, port: number, handle: MessageHandler): UdpListener;
  /** A new snapshot version: every installed answer is forgotten at once. */
  reset(version: number): void;
  stats(): UdpFastPathStats;
  stop(): void;
}

interface NativeEngine {
  open(host: string, port: number): number;
  close(id: number): void;
  send(id: number, ip: number, port: number, bytes: Buffer, length: number): boolean;
  install(id: number, ip: number, query: Buffer, reply: Buffer, length: number, version: number): boolean;
  reset(version: number): void;
  stats(): UdpFastPathStats;
  destroy(): void;
}
type NativeAddon = {
  UdpEngine: new (
    threads: number,
    onDatagram: (id: number, ip: number, port: number, message: Buffer) => void,
    maxAnswers?: number,
  ) => NativeEngine;
};

let addon: NativeAddon | undefined;

/** The addon built by `npm install` (node-gyp, binding.gyp): build/Release beside src/ and dist/. */
function loadAddon(): NativeAddon {
  if (addon) return addon;
  try {
    addon = createRequire(import.meta.url)("../../build/Release/arclink_dns_udp.node") as NativeAddon;
    return addon;
  } catch (error) {
    throw new Error(
      `the native DNS fast path (build/Release/arclink_dns_udp.node) is not built: run \`npm install\` (node-gyp): ${(error as Error).message}`,
    );
  }
}

/** "127.0.0.1" ↔ 0x7f000001 (the addon's form of a source address). */
export function ipv4Number(address: string): number {
  const [a, b, c, d] = address.split(".").map(Number);
  return ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
}
export function ipv4String(n: number): string {
  return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

/**
 * Starts the native UDP engine: `threads` worker threads (default: both cores) read every
 * socket with recvmmsg and answer plain queries whose answer JavaScript installed for this
 * version, with sendmmsg; everything else reaches the socket's handler as before, and a reply
 * with `cacheVersion` is installed for later askers with the same key (src/dns/native).
 *
 * @example
 * const udp = startUdpFastPath();
 * const socket = udp.listen("127.62.36.10", 53, handle);
 * udp.reset(7); // snapshot version 7: no answer of version 6 is served again
 */
export function startUdpFastPath({
  threads = Math.min(2, availableParallelism()),
  maxAnswers = 65_536,
}: {
  threads?: number;
  /** Answers kept per version (at most 65,536); a full table starts over. */
  maxAnswers?: number;
} = {}): UdpFastPath {
  const handlers = new Map<number, MessageHandler>();
  const engine = new (loadAddon().UdpEngine)(
    threads,
    function onDatagram(id, ip, port, message) {
      const handle = handlers.get(id);
      if (!handle) return;
      try {
        const reply = handle(message, ipv4String(ip), "udp");
        if (!reply) return;
        if (reply.delayMs > 0) {
          setTimeout(
            () => handlers.has(id) && engine.send(id, ip, port, reply.message, reply.length),
            reply.delayMs,
          ).unref();
          return;
        }
        engine.send(id, ip, port, reply.message, reply.length);
        if (reply.cacheVersion !== undefined)
          engine.install(id, ip, message, reply.message, reply.length, reply.cacheVersion);
      } catch {
        // a bug must not take the server down; the asker times out
      }
    },
    maxAnswers,
  );
  let stopped = false;
  return {
    listen(host, port, handle) {
      const id = engine.open(host, port);
      handlers.set(id, handle);
      return {
        id,
        close() {
          if (!handlers.delete(id)) return;
          engine.close(id);
        },
      };
    },
    reset: (version) => engine.reset(version),
    stats: () => engine.stats(),
    stop() {
      if (stopped) return;
      stopped = true;
      handlers.clear();
      engine.destroy();
    },
  };
}
