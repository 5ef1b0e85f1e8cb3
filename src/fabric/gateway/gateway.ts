import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer as createHttpsServer, type Server as HttpsServer } from "node:https";
import { createServer, type Server, type Socket } from "node:net";
import type { TLSSocket } from "node:tls";
import type { ArmRequest, ArmResponse } from "../../arm/http-types.js";
import { encodeResponse } from "../../arm/server.js";
import type { System } from "../../system/index.js";
import type { AddressRealization, RealizationTable } from "../addresses/index.js";
import type { AuditEntry, AuditLog } from "../audit/audit-log.js";
import { MAX_CLIENT_HELLO_BYTES, parseClientHello } from "../tls/client-hello.js";
import { endpointOf, type FrontDoorService, type NamedEndpoint } from "../tls/front-doors.js";
import type { SniContexts } from "../tls/sni-contexts.js";
import { createDecider, type Decider, type LiveDecision } from "./decider.js";
import { DEFAULT_LIMITS, type GatewayLimits } from "./gateway-limits.js";
import type { Observed } from "./live-connection.js";
import { BodyTooLargeError, readRequest } from "./read-request.js";
import { refusalBody } from "./wire-actions.js";

/** What a front door knows of the request besides the request itself. */
export interface FrontDoorContext {
  endpoint: NamedEndpoint;
  decision: LiveDecision;
  observed: Observed;
  /** The host behind the source, if the source is (or came through a proxy from) a world host. */
  hostId?: string;
}

export type FrontDoorHandler = (req: ArmRequest, ctx: FrontDoorContext) => Promise<ArmResponse> | ArmResponse;

/** The services behind the gateway, by front door; a missing one answers 404. */
export type FrontDoors = Partial<Record<FrontDoorService, FrontDoorHandler>>;

/** The connections the fabric's own proxies opened: their local end → the client that asked. */
export type ProxyOrigins = Map<string, { proxyId: string; clientAddress: string; clientHostId?: string }>;

export interface GatewayOptions {
  system: System;
  realization: AddressRealization;
  sni: SniContexts;
  audit: AuditLog;
  doors: FrontDoors;
  /** The HTTPS port on every realized address (443, or `HTTPS_FALLBACK_PORT`). */
  port: number;
  limits?: Partial<GatewayLimits>;
  proxyOrigins?: ProxyOrigins;
  decider?: Decider;
  /** Follow the world (re-read it on every commit); false when a caller orchestrates `sync`. Default true. */
  follow?: boolean;
}

export interface Gateway {
  /** The realized addresses listened on. */
  listening(): string[];
  /** The current realization table. */
  table(): RealizationTable;
  readonly port: number;
  readonly decider: Decider;
  /** Re-reads the world and opens or closes listeners (the feed calls it). */
  sync(): Promise<void>;
  close(): Promise<void>;
}

interface ConnState {
  observed: Observed;
  decision: LiveDecision;
  hostId?: string;
  /** Real time of the last check of the decision (re-checked when the feed moves or after `recheckMs`). */
  checkedAt?: number;
  /** The front door of the SNI, once looked up (null: none). */
  endpoint?: NamedEndpoint | null;
  /** The last `Host` header found to name the TLS server. */
  hostSeen?: string;
  /** `https://<server name>[:port]`, the base URL of the requests on this connection. */
  baseUrl?: string;
}

/** How long a keep-alive connection's decision stands without a new version (virtual time runs between versions). */
const RECHECK_MS = 1000;

const key = (localAddress?: string, localPort?: number, remoteAddress?: string, remotePort?: number) =>
  `${remoteAddress}:${remotePort}>${localAddress}:${localPort}`;

const SERVED_KINDS = new Set(["private-endpoint", "public-address"]);

/**
 * The Arc gateway: a listener on every realized address where a private endpoint or a
 * public front door lives; every connection decided by the semantics before the TLS
 * handshake (`decideLive` = `connect` with what the wire observed) and again on every
 * request when the world moved; TLS by SNI; the request handed to its front door.
 *
 * @example
 * const gateway = await startGateway({ system, realization, sni, audit, doors, port: 443 });
 * gateway.listening(); // ["127.195.3.4", …]
 */
export async function startGateway(opts: GatewayOptions): Promise<Gateway> {
  const { system, realization, sni, audit, doors, port } = opts;
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const decider = opts.decider ?? createDecider({ system });
  const origins = opts.proxyOrigins ?? new Map();
  const conns = new Map<string, ConnState>();
  const byTls = new WeakMap<TLSSocket, ConnState>();
  const servers = new Map<string, Server>();
  let table = realization.map(system.snapshot());
  let open = 0;
  const held = new Set<Socket>();

  const at = () => system.now().toISOString();
  const log = (e: Omit<AuditEntry, "at">) => audit.record({ at: at(), ...e });

  const https: HttpsServer = createHttpsServer(
    {
      SNICallback: (name, cb) => {
        const context = sni.contextFor(name);
        if (context) cb(null, context);
        else cb(new Error(`No certificate for "${name}".`));
      },
      minVersion: "TLSv1.2",
      keepAlive: true,
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      maxHeaderSize: limits.maxHeaderBytes,
      handshakeTimeout: limits.helloTimeoutMs,
    },
    handleRequest,
  );
  https.maxRequestsPerSocket = limits.maxRequestsPerSocket;
  https.on("tlsClientError", (error, socket) => {
    log({ kind: "bad-input", source: sourceOf(socket), reason: `TLS handshake failed: ${error.message}` });
  });
  https.on("clientError", (error, socket) => {
    log({ kind: "bad-input", source: sourceOf(socket as Socket), reason: `malformed HTTP: ${error.message}` });
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    socket.destroy();
  });

  function sourceOf(socket: Socket) {
    const realized = socket.remoteAddress?.replace(/^::ffff:/, "");
    const seen = realized ? table.reverse(realized) : undefined;
    const host = seen?.entities.find((e) => e.kind === "host");
    return { realized, address: seen?.address ?? realized, host: host && "id" in host ? host.id : undefined };
  }

  function observe(socket: Socket, serverName: string): { observed: Observed; hostId?: string } {
    const src = sourceOf(socket);
    const dstRealized = socket.localAddress?.replace(/^::ffff:/, "") ?? "";
    const destinationAddress = table.reverse(dstRealized)?.address ?? dstRealized;
    const via = origins.get(`${src.realized}:${socket.remotePort}`);
    const observed: Observed = {
      sourceAddress: src.address ?? "",
      destinationAddress,
      serverName,
      ...(via ? { viaProxy: { proxyId: via.proxyId, clientAddress: via.clientAddress } } : {}),
    };
    return { observed, hostId: via ? via.clientHostId : src.host };
  }

  function record(kind: "connection", socket: Socket, state: ConnState) {
    const c = state.decision.connection;
    log({
      kind,
      source: { ...sourceOf(socket), host: state.hostId },
      destination: { address: state.observed.destinationAddress, realized: socket.localAddress },
      via: state.observed.viaProxy?.proxyId,
      serverName: state.observed.serverName,
      outcome: c.outcome,
      action: state.decision.action.kind,
      reason: c.reason,
      trace: c.trace,
    });
  }

  function onSocket(socket: Socket) {
    socket.on("error", () => {});
    socket.setNoDelay(true);
    if (open >= limits.maxConnections) {
      log({
        kind: "bad-input",
        source: sourceOf(socket),
        reason: `over the cap of ${limits.maxConnections} connections`,
      });
      socket.destroy();
      return;
    }
    open++;
    socket.once("close", () => {
      open--;
      held.delete(socket);
    });
    let buf: Buffer = Buffer.alloc(0);
    const timer = setTimeout(() => {
      log({ kind: "bad-input", source: sourceOf(socket), reason: `no ClientHello within ${limits.helloTimeoutMs} ms` });
      socket.destroy();
    }, limits.helloTimeoutMs);
    const onData = (chunk: Buffer) => {
      buf = buf.length === 0 ? chunk : Buffer.concat([buf, chunk]);
      const hello = parseClientHello(buf);
      if (hello.kind === "incomplete" && buf.length < MAX_CLIENT_HELLO_BYTES) return;
      socket.off("data", onData);
      socket.pause();
      clearTimeout(timer);
      if (hello.kind !== "hello") {
        const reason = hello.kind === "invalid" ? hello.reason : "ClientHello too long";
        log({ kind: "bad-input", source: sourceOf(socket), reason: `not a TLS ClientHello: ${reason}` });
        socket.destroy();
        return;
      }
      const handshake = () => {
        // Handed to TLS; a name no front door serves fails the handshake with an alert.
        socket.unshift(buf);
        https.emit("connection", socket);
      };
      if (!hello.serverName) {
        log({ kind: "bad-input", source: sourceOf(socket), reason: "no server name (SNI)" });
        handshake();
        return;
      }
      // The network decides first (a firewall drops before any TLS), whatever the name.
      const { observed, hostId } = observe(socket, hello.serverName);
      const decision = decider.connection(observed);
      const state: ConnState = { observed, decision, hostId };
      record("connection", socket, state);
      const served = decision.action.kind === "serve" || decision.action.kind === "refuse";
      if (served && !sni.contextFor(hello.serverName)) {
        log({
          kind: "bad-input",
          source: sourceOf(socket),
          serverName: hello.serverName,
          reason: `no front door serves "${hello.serverName}"`,
        });
        handshake();
        return;
      }
      switch (decision.action.kind) {
        case "drop":
          held.add(socket);
          setTimeout(() => socket.destroy(), limits.dropHoldMs).unref();
          return;
        case "reset":
          socket.resetAndDestroy();
          return;
        default: {
          const k = key(socket.localAddress, socket.localPort, socket.remoteAddress, socket.remotePort);
          conns.set(k, state);
          socket.once("close", () => conns.delete(k));
          handshake();
        }
      }
    };
    socket.on("data", onData);
  }

  function reply(outgoing: ServerResponse, res: ArmResponse, method: string, requestId?: string) {
    const wire = encodeResponse(res);
    if (requestId) wire.headers["x-ms-request-id"] ??= requestId;
    outgoing.writeHead(wire.status, wire.headers);
    outgoing.end(method === "HEAD" ? undefined : wire.body);
  }

  /** The connection's state, found once per TLS socket. */
  function stateOf(socket: TLSSocket): ConnState | undefined {
    let state = byTls.get(socket);
    if (!state) {
      state = conns.get(key(socket.localAddress, socket.localPort, socket.remoteAddress, socket.remotePort));
      if (state) byTls.set(socket, state);
    }
    return state;
  }

  /**
   * One request, synchronous up to its front door (the hot path: a bodiless GET on a
   * keep-alive connection costs no tick before the door answers).
   */
  function handleRequest(incoming: IncomingMessage, outgoing: ServerResponse): void {
    const socket = incoming.socket as TLSSocket;
    const state = stateOf(socket);
    const serverName = (socket as TLSSocket & { servername?: string }).servername || "";
    if (!state) {
      reply(
        outgoing,
        { status: 421, body: { error: { code: "MisdirectedRequest", message: "No decision for this connection." } } },
        incoming.method ?? "GET",
      );
      return;
    }
    // The world may have moved since the handshake: decide again (cached per version).
    const t = Date.now();
    const fresh = state.decision.version === system.version && t - (state.checkedAt ?? 0) < RECHECK_MS;
    if (!fresh) {
      const again = decider.connection(state.observed);
      state.checkedAt = t;
      if (again !== state.decision) {
        const changed = again.connection.outcome !== state.decision.connection.outcome;
        state.decision = again;
        if (changed) record("connection", socket, state);
        if (again.action.kind === "drop" || again.action.kind === "reset") {
          socket.destroy();
          return;
        }
      }
    }
    const method = (incoming.method ?? "GET").toUpperCase();
    // The Host header names the TLS server (port aside); checked once per distinct header value.
    const host = incoming.headers.host ?? "";
    if (host !== state.hostSeen) {
      const hostHeader = host.replace(/:\d+$/, "").toLowerCase();
      if (hostHeader && hostHeader !== serverName.toLowerCase()) {
        log({
          kind: "request",
          serverName,
          method,
          path: incoming.url,
          status: 421,
          reason: `Host "${hostHeader}" is not the TLS server name "${serverName}"`,
        });
        reply(
          outgoing,
          {
            status: 421,
            body: {
              error: {
                code: "MisdirectedRequest",
                message: `The Host header "${hostHeader}" does not match the TLS server name "${serverName}".`,
              },
            },
          },
          method,
        );
        return;
      }
      state.hostSeen = host;
    }
    state.baseUrl ??= `https://${serverName}${port === 443 ? "" : `:${port}`}`;
    let read: ArmRequest | Promise<ArmRequest>;
    try {
      read = readRequest(incoming, state.baseUrl, limits.maxBodyBytes);
    } catch (error) {
      badRequest(outgoing, serverName, method, incoming.url, error);
      return;
    }
    if (read instanceof Promise)
      read.then(
        (req) => serve(socket, state, serverName, req, outgoing),
        (error) => badRequest(outgoing, serverName, method, incoming.url, error),
      );
    else serve(socket, state, serverName, read, outgoing);
  }

  function badRequest(outgoing: ServerResponse, serverName: string, method: string, path: unknown, error: unknown) {
    const tooLarge = error instanceof BodyTooLargeError;
    log({
      kind: "request",
      serverName,
      method,
      path: typeof path === "string" ? path : undefined,
      status: tooLarge ? 413 : 400,
      reason: (error as Error).message,
    });
    outgoing.shouldKeepAlive = false;
    reply(
      outgoing,
      {
        status: tooLarge ? 413 : 400,
        headers: { connection: "close" },
        body: {
          error: { code: tooLarge ? "RequestEntityTooLarge" : "BadRequest", message: (error as Error).message },
        },
      },
      method,
    );
  }

  /** The request read: refused by the connection's decision, or handed to its front door. */
  function serve(socket: TLSSocket, state: ConnState, serverName: string, req: ArmRequest, outgoing: ServerResponse) {
    const { method } = req;
    const { action, connection } = state.decision;
    if (action.kind === "refuse") {
      log({
        kind: "request",
        source: { ...sourceOf(socket), host: state.hostId },
        serverName,
        method,
        path: req.path,
        status: action.status,
        outcome: connection.outcome,
        reason: connection.reason,
        trace: connection.trace,
      });
      reply(
        outgoing,
        {
          status: action.status,
          headers: { "x-ms-request-id": req.requestId },
          body: refusalBody(action.code, connection.reason),
        },
        method,
      );
      return;
    }
    if (state.endpoint === undefined) state.endpoint = endpointOf(serverName) ?? null;
    const endpoint = state.endpoint ?? undefined;
    const door = endpoint ? doors[endpoint.service] : undefined;
    if (!endpoint || !door) {
      reply(
        outgoing,
        {
          status: 404,
          headers: { "x-ms-request-id": req.requestId },
          body: { error: { code: "NotFound", message: `Nothing serves "${serverName}" here.` } },
        },
        method,
      );
      return;
    }
    let out: ArmResponse | Promise<ArmResponse>;
    try {
      out = door(req, { endpoint, decision: state.decision, observed: state.observed, hostId: state.hostId });
    } catch (error) {
      out = internalError(serverName, req, error);
    }
    if (out instanceof Promise)
      out.then(
        (res) => answer(socket, state, serverName, req, outgoing, res),
        (error) => answer(socket, state, serverName, req, outgoing, internalError(serverName, req, error)),
      );
    else answer(socket, state, serverName, req, outgoing, out);
  }

  function internalError(serverName: string, req: ArmRequest, error: unknown): ArmResponse {
    log({
      kind: "request",
      serverName,
      method: req.method,
      path: req.path,
      status: 500,
      reason: `internal error: ${(error as Error).message}`,
    });
    return {
      status: 500,
      body: { error: { code: "InternalServerError", message: `The request failed; request id ${req.requestId}.` } },
    };
  }

  /** A front door's answer on the wire, with the request id (the door's own header wins). */
  function answer(
    socket: TLSSocket,
    state: ConnState,
    serverName: string,
    req: ArmRequest,
    outgoing: ServerResponse,
    res: ArmResponse,
  ) {
    if (res.status >= 400)
      log({
        kind: "request",
        source: { ...sourceOf(socket), host: state.hostId },
        serverName,
        method: req.method,
        path: req.path,
        status: res.status,
        reason: errorReason(res),
      });
    reply(outgoing, res, req.method, req.requestId);
  }

  async function listen(address: string): Promise<void> {
    const server = createServer({ pauseOnConnect: false }, onSocket);
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen({ host: address, port, exclusive: true }, () => resolve());
    });
    server.on("error", () => {});
    servers.set(address, server);
  }

  async function sync(): Promise<void> {
    table = realization.map(system.snapshot());
    const want = new Set(
      table.entries.filter((e) => e.entities.some((x) => SERVED_KINDS.has(x.kind))).map((e) => e.realized),
    );
    for (const [address, server] of servers) {
      if (!want.has(address)) {
        servers.delete(address);
        server.close();
      }
    }
    for (const address of want) if (!servers.has(address)) await listen(address);
  }

  await sync();
  let syncing = Promise.resolve();
  const stop = system.subscribe(({ cause }) => {
    if (cause === "clock" || opts.follow === false) return;
    syncing = syncing
      .then(sync)
      .catch((error) => log({ kind: "bad-input", reason: `listener sync failed: ${(error as Error).message}` }));
  });

  return {
    listening: () => [...servers.keys()],
    table: () => table,
    port,
    decider,
    sync,
    async close() {
      stop();
      await syncing;
      for (const s of held) s.destroy();
      await Promise.all([...servers.values()].map((s) => new Promise<void>((r) => s.close(() => r()))));
      https.closeAllConnections?.();
      servers.clear();
    },
  };
}

function errorReason(res: ArmResponse): string {
  const body = res.body as { error?: { code?: string; message?: string }; error_description?: string } | undefined;
  return body?.error?.message ?? body?.error_description ?? `HTTP ${res.status}`;
}
