import { type ServerResponse, STATUS_CODES } from "node:http";
import type { Server } from "node:https";
import type { Socket } from "node:net";
import type { Duplex } from "node:stream";
import type { ArmErrorCode } from "../rules/errors.js";
import { newRequestId } from "./app.js";
import type { Limits } from "./request-limits.js";

/** What a socket-level refusal answers, before any request object exists. */
const CLIENT_ERRORS: Record<string, { status: number; code: ArmErrorCode; message: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    code: "RequestHeaderFieldsTooLarge",
    message: "The request line and headers are larger than the server accepts.",
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    code: "RequestTimeout",
    message: "The request did not arrive in time.",
  },
};

/**
 * Writes an ARM-shaped error straight onto a socket and closes it: the answer to bytes
 * that never became an HTTP request (the parser refused them, or they came too slowly).
 */
export function writeRawError(socket: Duplex, status: number, code: string, message: string, head = false): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const requestId = newRequestId();
  const body = JSON.stringify({ error: { code, message: `${message} Request id: '${requestId}'.` } });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? "Error"}\r\n` +
      "content-type: application/json; charset=utf-8\r\n" +
      `content-length: ${Buffer.byteLength(body)}\r\n` +
      `x-ms-request-id: ${requestId}\r\n` +
      "connection: close\r\n\r\n" +
      (head ? "" : body),
  );
}

/**
 * Bounds what clients can hold open on the HTTPS front: connections at once (all sources
 * and per source address; the rest are closed on arrival), the time to send the headers
 * and the whole request, and idle keep-alive. Malformed HTTP gets ARM's error body
 * instead of Node's bare 400. The TLS handshake timeout is a `createServer` option
 * (`handshakeTimeout`), set by `startServer`.
 *
 * @example
 * applyConnectionLimits(server, LIMITS);
 */
export function applyConnectionLimits(server: Server, limits: Limits): { open(): number } {
  const perSource = new Map<string, number>();
  let open = 0;
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.on("connection", function limitConnections(socket: Socket) {
    const source = socket.remoteAddress ?? "unknown";
    const mine = (perSource.get(source) ?? 0) + 1;
    if (open + 1 > limits.maxConnections || mine > limits.maxConnectionsPerSource) {
      socket.destroy();
      return;
    }
    open++;
    perSource.set(source, mine);
    socket.once("close", () => {
      open--;
      const left = (perSource.get(source) ?? 1) - 1;
      if (left <= 0) perSource.delete(source);
      else perSource.set(source, left);
    });
  });
  server.on("clientError", function answerClientError(error: NodeJS.ErrnoException, socket: Duplex) {
    const code = error.code ?? "";
    // Bad bytes after a good request (a body sent without framing): answer that request, then close.
    const pending = (socket as { _httpMessage?: ServerResponse })._httpMessage;
    if (pending && !pending.writableFinished) {
      pending.shouldKeepAlive = false;
      pending.once("close", () => socket.destroy());
      return;
    }
    const known = CLIENT_ERRORS[code];
    // The answer to a HEAD request has no body, even when the request was refused.
    const head = (error as { rawPacket?: Buffer }).rawPacket?.toString("latin1", 0, 5) === "HEAD ";
    if (known) writeRawError(socket, known.status, known.code, known.message, head);
    else if (code.startsWith("HPE_")) {
      writeRawError(socket, 400, "InvalidHttpRequest", "The request is not valid HTTP/1.1.", head);
    }
    // TLS failures (not TLS at all, handshake timeouts; https forwards them here) and resets: just close.
    else socket.destroy();
  });
  return { open: () => open };
}
