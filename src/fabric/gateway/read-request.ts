import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { ArmRequest } from "../../arm/http-types.js";
import { normalizePath } from "../../world/index.js";

/** A body over the limit: the request is answered 413 and the connection closed. */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`The request body exceeds the limit of ${limit} bytes.`);
  }
}

const EMPTY = Buffer.alloc(0);

/**
 * Reads one request from the socket into the shape every front door handles (the ARM
 * front's `ArmRequest`): the body bounded by `maxBodyBytes` (refused by the announced
 * length before reading, or as soon as it grows past it), the path with repeated
 * slashes collapsed, the base URL as the client named the server.
 *
 * A request that announces no body (no `Content-Length` or `0`, no `Transfer-Encoding`:
 * RFC 9112 §6.3) is returned at once, without waiting for the stream's end: the hot
 * path (an agent's GET) costs no listener, no tick and no promise. Otherwise a promise.
 *
 * @example
 * const req = await readRequest(incoming, "https://gbl.his.arc.azure.com", 1 << 20);
 */
export function readRequest(
  incoming: IncomingMessage,
  baseUrl: string,
  maxBodyBytes: number,
): ArmRequest | Promise<ArmRequest> {
  const length = incoming.headers["content-length"];
  if ((length === undefined || length === "0") && incoming.headers["transfer-encoding"] === undefined)
    return toRequest(incoming, baseUrl, EMPTY);
  return new Promise((resolve, reject) => {
    if (Number(length ?? 0) > maxBodyBytes) {
      reject(new BodyTooLargeError(maxBodyBytes));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    incoming.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        incoming.removeAllListeners("data");
        reject(new BodyTooLargeError(maxBodyBytes));
        return;
      }
      chunks.push(chunk);
    });
    incoming.on("error", reject);
    incoming.on("end", () =>
      resolve(toRequest(incoming, baseUrl, chunks.length === 1 ? chunks[0] : Buffer.concat(chunks))),
    );
  });
}

function toRequest(incoming: IncomingMessage, baseUrl: string, rawBody: Buffer): ArmRequest {
  const raw = incoming.url ?? "/";
  const q = raw.indexOf("?");
  let path = q < 0 ? raw : raw.slice(0, q);
  if (path.includes("%")) {
    try {
      path = decodeURIComponent(path);
    } catch {
      // A malformed escape stays as sent; routes then do not match it.
    }
  }
  const headers: Record<string, string | undefined> = {};
  const given = incoming.headers;
  for (const k in given) {
    const v = given[k];
    headers[k] = Array.isArray(v) ? v.join(", ") : v;
  }
  return {
    method: (incoming.method ?? "GET").toUpperCase(),
    path: normalizePath(path),
    query: q < 0 ? new URLSearchParams() : new URLSearchParams(raw.slice(q + 1)),
    headers,
    rawBody,
    baseUrl,
    requestId: randomUUID(),
  };
}
