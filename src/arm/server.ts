import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { ArmError } from "../rules/errors.js";
import type { App } from "./app.js";
import { newRequestId } from "./app.js";
import { canonicalTarget, validAuthority } from "./canonical-path.js";
import { applyConnectionLimits, writeRawError } from "./connection-limits.js";
import { renderError } from "./error-response.js";
import type { ArmRequest, ArmResponse } from "./http-types.js";
import { LIMITS, type Limits } from "./request-limits.js";

/** ARM refuses request bodies over 4 MiB. */
export const MAX_BODY_BYTES = LIMITS.maxBodyBytes;

export interface ServerOptions {
  app: App;
  cert: string;
  key: string;
  host?: string;
  port?: number;
  /**
   * The origin the server names itself by in every URL it writes (`Azure-AsyncOperation`,
   * `Location`, `nextLink`, `/metadata/endpoints`, token issuers and audiences). Default
   * `https://localhost:<port>` (or the listen address). Never taken from `Host`.
   */
  publicOrigin?: string;
  /** Override some of the bounds in `LIMITS` (tests use small ones). */
  limits?: Partial<Limits>;
}

/** Header values must be visible Latin-1: anything else (from a name in a path) becomes '?'. */
function headerSafe(value: string): string {
  return /[^\t\x20-\x7e\x80-\xff]/.test(value) ? value.replace(/[^\t\x20-\x7e\x80-\xff]/g, "?") : value;
}

/** Turns a decoded ArmResponse into bytes on the wire. */
export function encodeResponse(res: ArmResponse): { status: number; headers: Record<string, string>; body?: Buffer } {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers ?? {})) headers[k] = headerSafe(String(v));
  if (res.body === undefined) return { status: res.status, headers };
  if (Buffer.isBuffer(res.body)) {
    headers["content-length"] = String(res.body.length);
    return { status: res.status, headers, body: res.body };
  }
  const isText = typeof res.body === "string";
  const body = Buffer.from(isText ? (res.body as string) : JSON.stringify(res.body));
  headers["content-type"] ??= isText ? "text/plain; charset=utf-8" : "application/json; charset=utf-8";
  headers["content-length"] = String(body.length);
  return { status: res.status, headers, body };
}

function errorResponse(requestId: string, error: ArmError): ArmResponse {
  return { status: error.status, headers: { "x-ms-request-id": requestId }, body: error.toBody() };
}

/** The request line, headers and body as the app sees them; throws ArmError for malformed ones. */
function decodeRequest(incoming: IncomingMessage, body: Buffer, baseUrl: string, requestId: string): ArmRequest {
  const host = incoming.headers.host;
  if (host === undefined ? incoming.httpVersion === "1.1" : !validAuthority(host)) {
    throw new ArmError("InvalidHostHeader", `The Host header '${host ?? ""}' is missing or not a host name.`);
  }
  const { path, query } = canonicalTarget(incoming.url ?? "/");
  const headers: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(incoming.headers)) headers[k] = Array.isArray(v) ? v.join(", ") : v;
  return {
    method: (incoming.method ?? "GET").toUpperCase(),
    path,
    query,
    headers,
    rawBody: body,
    baseUrl,
    requestId,
  };
}

/**
 * The node:https request listener: bounded body reading (413 as soon as `Content-Length`
 * or the bytes read pass the limit), a canonical path, the app, and a last resort that
 * turns any throw into a 500 naming the request id, so no request can stop the process.
 */
function createListener(app: App, limits: Limits, origin: () => string) {
  return function armListener(incoming: IncomingMessage, outgoing: ServerResponse): void {
    const requestId = newRequestId();
    let answered = false;
    const send = (res: ArmResponse, close = false) => {
      if (answered) return;
      answered = true;
      try {
        const wire = encodeResponse(res);
        if (close) wire.headers.connection = "close";
        outgoing.writeHead(wire.status, wire.headers);
        if (res.stream) {
          // A streamed answer (the portal's server-sent events) writes until the client goes.
          res.stream({ write: (chunk) => outgoing.write(chunk), onClose: (fn) => outgoing.on("close", fn) });
          return;
        }
        outgoing.end(incoming.method === "HEAD" ? undefined : wire.body);
      } catch (error) {
        console.error(`arclink:arm request ${requestId} could not be answered:`, error);
        outgoing.destroy();
      }
    };
    const lastResort = (error: unknown) =>
      send(renderError({ method: incoming.method ?? "?", path: "?", requestId } as ArmRequest, error), true);
    incoming.on("error", () => undefined);
    outgoing.on("error", () => undefined);
    try {
      const tooLarge = () =>
        errorResponse(
          requestId,
          new ArmError(
            "RequestEntityTooLarge",
            `The request content length exceeds the limit of ${limits.maxBodyBytes} bytes.`,
          ),
        );
      const declared = Number(incoming.headers["content-length"] ?? 0);
      if (declared > limits.maxBodyBytes) {
        send(tooLarge(), true);
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      incoming.on("data", (chunk: Buffer) => {
        if (answered) return;
        size += chunk.length;
        if (size > limits.maxBodyBytes) send(tooLarge(), true);
        else chunks.push(chunk);
      });
      incoming.on("end", () => {
        if (answered) return;
        let req: ArmRequest;
        try {
          req = decodeRequest(incoming, Buffer.concat(chunks), origin(), requestId);
        } catch (error) {
          if (error instanceof ArmError) send(errorResponse(requestId, error));
          else lastResort(error);
          return;
        }
        app.handle(req).then((res) => send(res), lastResort);
      });
    } catch (error) {
      lastResort(error);
    }
  };
}

/**
 * The HTTPS adapter of the ARM front: bounded connections and timeouts
 * (`connection-limits.ts`), bounded bodies, canonical paths, then the app. Keep-alive is on.
 *
 * @example
 * const { url } = await startServer({ app, cert, key, port: 0 });
 */
export async function startServer({
  app,
  cert,
  key,
  host = "127.0.0.1",
  port = 0,
  publicOrigin,
  limits: overrides = {},
}: ServerOptions): Promise<{
  server: Server;
  url: string;
  port: number;
}> {
  const limits: Limits = { ...LIMITS, ...overrides };
  let origin = publicOrigin ?? "";
  const server = createServer(
    {
      cert,
      key,
      keepAlive: true,
      handshakeTimeout: limits.handshakeTimeoutMs,
      maxHeaderSize: limits.maxHeaderBytes,
      requireHostHeader: false,
      connectionsCheckingInterval: 1000,
    },
    createListener(app, limits, () => origin),
  );
  applyConnectionLimits(server, limits);
  // Methods Node answers itself (CONNECT, unknown Expect) get ARM's error shape too.
  server.on("connect", (_req, socket) =>
    writeRawError(socket, 405, "MethodNotAllowed", "The method 'CONNECT' is not allowed: this is not a proxy."),
  );
  server.on("checkExpectation", (req: IncomingMessage, res: ServerResponse) => {
    const body = new ArmError(
      "ExpectationFailed",
      `The expectation '${headerSafe(String(req.headers.expect))}' is not supported.`,
    ).toBody();
    res.writeHead(417, { "content-type": "application/json; charset=utf-8", "x-ms-request-id": newRequestId() });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  const url = publicOrigin ?? `https://${shownHost === "127.0.0.1" ? "localhost" : shownHost}:${actual}`;
  origin = url;
  return { server, url, port: actual };
}
