import { connect as tcpConnect } from "node:net";
import { connect as tlsConnect } from "node:tls";

/** What came back on a raw connection: the parsed first response, if any, and whether the server closed. */
export interface RawExchange {
  status?: number;
  headers: Record<string, string>;
  body: string;
  raw: string;
  /** The server closed the connection before `waitMs` passed. */
  closedByServer: boolean;
}

/** Parses the first HTTP/1.1 response in `raw` (content-length or chunked body). */
export function parseResponse(raw: string): Omit<RawExchange, "raw" | "closedByServer"> {
  const end = raw.indexOf("\r\n\r\n");
  if (!raw.startsWith("HTTP/1.1 ") || end < 0) return { headers: {}, body: "" };
  const [line, ...fields] = raw.slice(0, end).split("\r\n");
  const headers: Record<string, string> = {};
  for (const f of fields) {
    const colon = f.indexOf(":");
    headers[f.slice(0, colon).trim().toLowerCase()] = f.slice(colon + 1).trim();
  }
  let body = raw.slice(end + 4);
  if (headers["content-length"] !== undefined) body = body.slice(0, Number(headers["content-length"]));
  else if (headers["transfer-encoding"] === "chunked") {
    let out = "";
    let rest = body;
    for (;;) {
      const nl = rest.indexOf("\r\n");
      const size = Number.parseInt(rest.slice(0, nl), 16);
      if (!(size > 0)) break;
      out += rest.slice(nl + 2, nl + 2 + size);
      rest = rest.slice(nl + 2 + size + 2);
    }
    body = out;
  }
  return { status: Number(line.split(" ")[1]), headers, body };
}

/**
 * Opens a connection (TLS with SNI `localhost`, or plain TCP), writes `payload`, half-closes,
 * and collects what the server sends until it closes or `waitMs` pass.
 *
 * @example
 * const { status } = await rawExchange(port, "GET http://[ HTTP/1.1\r\nHost: localhost\r\n\r\n", { ca });
 */
export function rawExchange(
  port: number,
  payload: string | Buffer,
  {
    ca,
    tls = true,
    waitMs = 3000,
    end = true,
    headersOnly = false,
  }: {
    ca?: Buffer;
    tls?: boolean;
    waitMs?: number;
    /** Half-close after writing (Node then closes without answering a request still in progress). */
    end?: boolean;
    /** Stop as soon as a response's headers are in (for HEAD). */
    headersOnly?: boolean;
  } = {},
): Promise<RawExchange> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let settled = false;
    const socket = tls
      ? tlsConnect({ host: "127.0.0.1", port, servername: "localhost", ca, rejectUnauthorized: Boolean(ca) })
      : tcpConnect({ host: "127.0.0.1", port });
    const finish = (closedByServer: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const raw = Buffer.concat(chunks).toString("latin1");
      resolve({ ...parseResponse(raw), raw, closedByServer });
    };
    const timer = setTimeout(() => finish(false), waitMs);
    socket.on(tls ? "secureConnect" : "connect", () => {
      socket.write(payload);
      if (end) socket.end();
    });
    socket.on("data", (d: Buffer) => {
      chunks.push(d);
      if (headersOnly && Buffer.concat(chunks).includes("\r\n\r\n")) setTimeout(() => finish(false), 20);
    });
    socket.on("error", () => finish(true));
    socket.on("close", () => finish(true));
  });
}
