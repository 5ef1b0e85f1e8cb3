import { request as httpRequest } from "node:http";
import { Agent, request } from "node:https";
import type { Socket } from "node:net";
import { createSecureContext, type SecureContext, connect as tlsConnect } from "node:tls";

/** How a call ended; a closed union. */
export type CallKind =
  /** An HTTP response came back (any status). */
  | "response"
  /** Nothing came back in time: a dropped connection (firewall, NSG, no route). */
  | "timeout"
  /** The connection was reset or refused: nothing listens there. */
  | "reset"
  /** TLS failed: unknown name, untrusted certificate. */
  | "tls-error"
  /** The proxy refused the CONNECT. */
  | "proxy-error"
  | "error";

export interface CallResult {
  kind: CallKind;
  status?: number;
  body?: string;
  /** The JSON body, when it parses. */
  json?: Record<string, unknown>;
  /** True once the TLS handshake completed with a certificate the CA vouches for. */
  tls: boolean;
  error?: string;
}

export interface CallOptions {
  /** The host name: TLS SNI, certificate check and `Host`. */
  name: string;
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** The source: the host's realized address. */
  localAddress: string;
  /** Straight to a realized address, or through an HTTP CONNECT proxy at a realized address. */
  via:
    | { kind: "direct"; address: string; port: number }
    | { kind: "proxy"; address: string; port: number; targetPort: number };
  /** The local CA (PEM). */
  ca: string;
  timeoutMs?: number;
  /** Reuse one kept-alive connection per source, address and name (direct routes), as a long-running agent does. */
  keepAlive?: boolean;
}

/** Kept-alive connections by source, destination and name; `closeKeptAlive` ends them. */
const keptAlive = new Map<string, Agent>();

function keepAliveAgent(o: CallOptions & { via: { kind: "direct" } }): Agent {
  const key = `${o.localAddress}|${o.via.address}|${o.via.port}|${o.name}`;
  let agent = keptAlive.get(key);
  if (!agent) {
    agent = new Agent({ keepAlive: true, maxSockets: 1, maxFreeSockets: 1, timeout: 60_000 });
    keptAlive.set(key, agent);
  }
  return agent;
}

/** Whether a kept-alive connection from this source to this address and name is open and idle (reused without a new dial). */
export function keptAliveOpen(o: {
  localAddress: string;
  name: string;
  via: { address: string; port: number };
}): boolean {
  const agent = keptAlive.get(`${o.localAddress}|${o.via.address}|${o.via.port}|${o.name}`);
  if (!agent) return false;
  return Object.values(agent.freeSockets).some((list) => list?.some((s) => !s.destroyed));
}

/** One TLS context per CA (parsing the CA for every connection costs CPU and memory per agent). */
const contexts = new Map<string, SecureContext>();
function contextFor(ca: string): SecureContext {
  let context = contexts.get(ca);
  if (!context) {
    if (contexts.size > 16) contexts.clear();
    context = createSecureContext({ ca });
    contexts.set(ca, context);
  }
  return context;
}

/** Closes every kept-alive connection (an agent runner stopping). */
export function closeKeptAlive() {
  for (const agent of keptAlive.values()) agent.destroy();
  keptAlive.clear();
}

const MAX_BODY = 1024 * 1024;

function classify(error: NodeJS.ErrnoException): CallKind {
  if (error.code === "ECONNRESET" || error.code === "ECONNREFUSED" || error.code === "EPIPE") return "reset";
  if (/SSL|TLS|alert|certificate|self.signed|altnames/i.test(`${error.code} ${error.message}`)) return "tls-error";
  return "error";
}

/** Opens a tunnel through an HTTP CONNECT proxy to `name:targetPort` [RFC 9110 §9.3.6]. */
function tunnel(o: CallOptions & { via: { kind: "proxy" } }, timeoutMs: number): Promise<Socket | CallResult> {
  return new Promise((done) => {
    const req = httpRequest({
      host: o.via.address,
      port: o.via.port,
      localAddress: o.localAddress,
      method: "CONNECT",
      path: `${o.name}:${o.via.targetPort}`,
      headers: { host: `${o.name}:${o.via.targetPort}` },
      agent: false,
    });
    const timer = setTimeout(() => {
      req.destroy();
      done({ kind: "timeout", tls: false, error: `the proxy did not answer CONNECT in ${timeoutMs} ms` });
    }, timeoutMs);
    req.on("connect", (res, socket) => {
      clearTimeout(timer);
      if (res.statusCode !== 200) {
        socket.destroy();
        done({
          kind: "proxy-error",
          status: res.statusCode,
          tls: false,
          error: `the proxy answered CONNECT with ${res.statusCode} ${res.statusMessage ?? ""}`.trim(),
        });
      } else done(socket);
    });
    req.on("error", (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      done({ kind: classify(error), tls: false, error: `proxy: ${error.code ?? ""} ${error.message}`.trim() });
    });
    req.end();
  });
}

/**
 * One HTTPS request as the agent makes it: bound to the host's realized address, SNI and
 * `Host` set to the name, the certificate checked against the local CA, straight to an
 * address or through a proxy (HTTP CONNECT). A dropped connection is a timeout; a reset,
 * a TLS failure and a proxy refusal are told apart, as a real client sees them.
 *
 * @example
 * await httpsCall({ name: "gbl.his.arc.azure.com", path: "/discovery?location=westeurope", localAddress, via: { kind: "direct", address, port: 443 }, ca })
 */
export async function httpsCall(o: CallOptions): Promise<CallResult> {
  const timeoutMs = o.timeoutMs ?? 5000;
  const started = Date.now();
  let socket: Socket | undefined;
  if (o.via.kind === "proxy") {
    const t = await tunnel(o as CallOptions & { via: { kind: "proxy" } }, timeoutMs);
    if (!("kind" in t && "tls" in t)) socket = t as Socket;
    else return t;
  }
  const remaining = Math.max(100, timeoutMs - (Date.now() - started));
  return new Promise((done) => {
    let tls = false;
    const payload = o.body === undefined ? undefined : Buffer.from(o.body);
    const req = request({
      host: o.via.address,
      port: o.via.kind === "direct" ? o.via.port : o.via.targetPort,
      localAddress: o.via.kind === "direct" ? o.localAddress : undefined,
      servername: o.name,
      // node:https hands `secureContext` to tls.connect (its types omit it).
      ...({ secureContext: contextFor(o.ca) } as object),
      method: o.method ?? "GET",
      path: o.path,
      // A tunnel's socket needs no agent: with one, Node ignores createConnection.
      agent: socket
        ? undefined
        : o.keepAlive && o.via.kind === "direct"
          ? keepAliveAgent(o as CallOptions & { via: { kind: "direct" } })
          : false,
      headers: {
        host: o.name,
        ...(payload ? { "content-type": "application/json", "content-length": String(payload.length) } : {}),
        ...o.headers,
      },
      ...(socket
        ? { createConnection: () => tlsConnect({ socket, servername: o.name, secureContext: contextFor(o.ca) }) }
        : {}),
    });
    const timer = setTimeout(() => {
      req.destroy();
      done({ kind: "timeout", tls, error: `no answer in ${timeoutMs} ms` });
    }, remaining);
    req.on("socket", (s) => {
      if ((s as { encrypted?: boolean }).encrypted && !s.connecting) tls = true; // a kept-alive socket
      s.once("secureConnect", () => (tls = true));
    });
    req.on("response", (res) => {
      tls = true;
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (c: Buffer) => {
        size += c.length;
        if (size <= MAX_BODY) chunks.push(c);
      });
      res.on("end", () => {
        clearTimeout(timer);
        const body = Buffer.concat(chunks).toString("utf8");
        let json: Record<string, unknown> | undefined;
        try {
          const v = body ? JSON.parse(body) : undefined;
          json = v && typeof v === "object" && !Array.isArray(v) ? v : undefined;
        } catch {
          json = undefined;
        }
        done({ kind: "response", status: res.statusCode, body, json, tls });
      });
    });
    req.on("error", (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      done({ kind: classify(error), tls, error: `${error.code ?? ""} ${error.message}`.trim() });
    });
    req.end(payload);
  });
}
