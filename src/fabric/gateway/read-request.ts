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

/**
 * Reads one request from the socket into the shape every front door handles (the ARM
 * front's `ArmRequest`): the body bounded by `maxBodyBytes` (refused by the announced
 * length before reading, or as soon as it grows past it), the path with repeated
 * slashes collapsed, the base URL as the client named the server.
 *
 * @example
 * const req = await readRequest(incoming, "https://gbl.his.arc.azure.com", 1 << 20);
 */
export function readRequest(incoming: IncomingMessage, baseUrl: string, maxBodyBytes: number): Promise<ArmRequest> {
  return new Promise((resolve, reject) => {
    if (Number(incoming.headers["content-length"] ?? 0) > maxBodyBytes) {
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
    incoming.on("end", () => {
      const raw = incoming.url ?? "/";
      const q = raw.indexOf("?");
      let path = q < 0 ? raw : raw.slice(0, q);
      const query = new URLSearchParams(q < 0 ? "" : raw.slice(q + 1));
      try {
        path = decodeURIComponent(path);
      } catch {
        // A malformed escape stays as sent; routes then do not match it.
      }
      const headers: Record<string, string | undefined> = {};
      for (const [k, v] of Object.entries(incoming.headers)) headers[k] = Array.isArray(v) ? v.join(", ") : v;
      resolve({
        method: (incoming.method ?? "GET").toUpperCase(),
        path: normalizePath(path),
        query,
        headers,
        rawBody: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks),
        baseUrl,
        requestId: randomUUID(),
      });
    });
  });
}
