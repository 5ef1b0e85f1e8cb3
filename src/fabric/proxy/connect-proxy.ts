import { createServer, type IncomingMessage, type Server } from "node:http";
import { type Socket, connect as tcpConnect } from "node:net";
import { NETWORK_BLOCKED_OUTCOMES } from "../../semantics/connect/index.js";
import { finalAddresses, resolve } from "../../semantics/dns/resolve.js";
import type { System } from "../../system/index.js";
import type { RealizationTable } from "../addresses/index.js";
import type { AuditLog } from "../audit/audit-log.js";
import type { Decider, ProxyOrigins } from "../gateway/index.js";

export interface ProxyOptions {
  system: System;
  table: () => RealizationTable;
  decider: Decider;
  audit: AuditLog;
  origins: ProxyOrigins;
  /** The gateway's HTTPS port on every realized address. */
  gatewayPort: number;
  /** How long an upstream that the world drops is tried before 504. */
  upstreamTimeoutMs?: number;
  maxConnections?: number;
}

const DNS_OUTCOMES = new Set(["NXDOMAIN", "SERVFAIL", "DNS_REFUSED", "NO_ANSWER"]);

/**
 * A site proxy of the world (`Arclink.OnPremises/sites/proxies`) on its realized address:
 * HTTP CONNECT only, to port 443, egressing from the proxy's own position [DOC-PROXY]. The
 * proxy resolves the name from its own vantage (`semantics/dns`), the decision is the
 * gateway's (`decideLive` with the proxy as the route), and then: the client cannot reach
 * the proxy → silence; the name does not resolve → 502; the world drops the upstream →
 * 504 after `upstreamTimeoutMs`; otherwise a tunnel from the proxy's realized address to
 * the destination's, registered in `origins` so the gateway knows whose it is.
 *
 * @example
 * const server = await startConnectProxy(proxyId, "127.62.36.5", 3128, options);
 */
export async function startConnectProxy(
  proxyId: string,
  realized: string,
  port: number,
  opts: ProxyOptions,
): Promise<Server> {
  const { system, decider, audit, origins, gatewayPort, upstreamTimeoutMs = 10_000, maxConnections = 1024 } = opts;
  const log = (reason: string, extra: Record<string, unknown> = {}) =>
    audit.record({ kind: "proxy", at: system.now().toISOString(), via: proxyId, reason, ...extra });

  const server = createServer((req, res) => {
    log(`refused ${req.method} ${String(req.url).slice(0, 200)}: only CONNECT is supported`, { status: 405 });
    res.writeHead(405, { allow: "CONNECT", connection: "close" }).end();
  });
  server.maxConnections = maxConnections;
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.on("clientError", (e, socket) => {
    log(`malformed request: ${e.message}`, { kind: "bad-input" });
    socket.destroy();
  });
  server.on("connect", (req: IncomingMessage, client: Socket, head: Buffer) => {
    client.on("error", () => {});
    const target = String(req.url ?? "");
    const m = /^([A-Za-z0-9.-]{1,253}):(\d{1,5})$/.exec(target);
    const answer = (status: number, text: string, reason: string) => {
      log(reason, { status, serverName: m?.[1] });
      client.end(`HTTP/1.1 ${status} ${text}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
    };
    if (!m) return answer(400, "Bad Request", `CONNECT target '${target.slice(0, 100)}' is not host:port`);
    const [, name, portText] = m;
    if (portText !== "443") return answer(403, "Forbidden", `CONNECT to port ${portText} is not allowed (443 only)`);
    const t = opts.table();
    const clientSeen = t.reverse(client.remoteAddress?.replace(/^::ffff:/, "") ?? "");
    const clientAddress = clientSeen?.address ?? client.remoteAddress ?? "";
    const clientHost = clientSeen?.entities.find((e) => e.kind === "host");
    const proxySeen = t.reverse(realized);
    const world = system.snapshot();
    const now = system.now();
    const resolved = finalAddresses(resolve(world, { kind: "proxy", proxyId }, name, "A", now))[0];
    const decision = decider.connection({
      sourceAddress: proxySeen?.address ?? realized,
      viaProxy: { proxyId, clientAddress },
      destinationAddress: resolved ?? "0.0.0.0",
      serverName: name.toLowerCase(),
    });
    const c = decision.connection;
    const extra = {
      source: {
        address: clientAddress,
        realized: client.remoteAddress,
        host: clientHost && "id" in clientHost ? clientHost.id : undefined,
      },
      serverName: name,
      outcome: c.outcome,
      trace: c.trace,
    };
    if (NETWORK_BLOCKED_OUTCOMES.has(c.outcome) && !c.trace.reach) {
      log(`the client cannot reach the proxy: ${c.reason}`, { ...extra, action: "drop" });
      client.pause();
      setTimeout(() => client.destroy(), upstreamTimeoutMs).unref();
      return;
    }
    if (!resolved || DNS_OUTCOMES.has(c.outcome)) {
      log(`"${name}" does not resolve at the proxy: ${c.reason}`, { ...extra, status: 502 });
      return answer(502, "Bad Gateway", `"${name}" does not resolve at the proxy`);
    }
    if (NETWORK_BLOCKED_OUTCOMES.has(c.outcome)) {
      log(`upstream ${resolved}:443 dropped: ${c.reason}`, { ...extra, status: 504 });
      setTimeout(() => answer(504, "Gateway Timeout", `upstream ${resolved}:443 timed out`), upstreamTimeoutMs).unref();
      return;
    }
    const destination = t.entries.find(
      (e) =>
        e.address === resolved && e.entities.some((x) => x.kind === "private-endpoint" || x.kind === "public-address"),
    );
    if (!destination) return answer(502, "Bad Gateway", `nothing listens at ${resolved}:443`);
    const upstream = tcpConnect({ host: destination.realized, port: gatewayPort, localAddress: realized });
    upstream.on("error", () => {
      if (!client.destroyed) answer(502, "Bad Gateway", `upstream ${resolved}:443 failed`);
    });
    upstream.once("connect", () => {
      const key = `${upstream.localAddress}:${upstream.localPort}`;
      origins.set(key, { proxyId, clientAddress, clientHostId: extra.source.host });
      upstream.once("close", () => origins.delete(key));
      log(`tunnel to ${resolved}:443 (${c.outcome})`, { ...extra, status: 200 });
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
      client.on("close", () => upstream.destroy());
      upstream.on("close", () => client.destroy());
    });
  });
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen({ host: realized, port, exclusive: true }, () => done());
  });
  server.on("error", () => {});
  return server;
}
