import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { normalizePath } from "../world/index.js";
import type { App } from "./app.js";
import { newRequestId } from "./app.js";
import type { ArmRequest, ArmResponse } from "./http-types.js";

/** ARM refuses request bodies over 4 MiB. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

export interface ServerOptions {
  app: App;
  cert: string;
  key: string;
  host?: string;
  port?: number;
}

/** Turns a decoded ArmResponse into bytes on the wire. */
export function encodeResponse(res: ArmResponse): { status: number; headers: Record<string, string>; body?: Buffer } {
  const headers: Record<string, string> = { ...res.headers };
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

/**
 * The HTTPS adapter of the ARM front: reads the request (refusing bodies over 4 MiB with
 * 413), hands it to the app and writes the answer. Keep-alive is on.
 */
export async function startServer({ app, cert, key, host = "127.0.0.1", port = 0 }: ServerOptions): Promise<{
  server: Server;
  url: string;
  port: number;
}> {
  const server = createServer({ cert, key, keepAlive: true }, (incoming, outgoing) => {
    const requestId = newRequestId();
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = Number(incoming.headers["content-length"] ?? 0) > MAX_BODY_BYTES;
    incoming.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    incoming.on("end", async () => {
      // A leading "//" would make the path a host name: collapse it before parsing.
      const url = new URL((incoming.url ?? "/").replace(/^\/{2,}/, "/"), "https://placeholder");
      let path: string;
      try {
        path = normalizePath(decodeURIComponent(url.pathname));
      } catch {
        path = normalizePath(url.pathname);
      }
      const headers: Record<string, string | undefined> = {};
      for (const [k, v] of Object.entries(incoming.headers)) headers[k] = Array.isArray(v) ? v.join(", ") : v;
      const req: ArmRequest = {
        method: (incoming.method ?? "GET").toUpperCase(),
        path,
        query: url.searchParams,
        headers,
        rawBody: Buffer.concat(chunks),
        baseUrl: `https://${incoming.headers.host ?? `${host}:${port}`}`,
        requestId,
      };
      const res: ArmResponse = tooLarge
        ? {
            status: 413,
            headers: { "x-ms-request-id": requestId },
            body: {
              error: {
                code: "RequestEntityTooLarge",
                message: `The request content length exceeds the limit of ${MAX_BODY_BYTES} bytes.`,
              },
            },
          }
        : await app.handle(req);
      const wire = encodeResponse(res);
      outgoing.writeHead(wire.status, wire.headers);
      if (res.stream) {
        res.stream({ write: (chunk) => outgoing.write(chunk), onClose: (fn) => outgoing.on("close", fn) });
        return;
      }
      outgoing.end(req.method === "HEAD" ? undefined : wire.body);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  return { server, url: `https://${shownHost === "127.0.0.1" ? "localhost" : shownHost}:${actual}`, port: actual };
}
