/** The largest ClientHello record arclink reads before deciding (one TLS record, RFC 8446 §5.1). */
export const MAX_CLIENT_HELLO_BYTES = 16 * 1024 + 5;

/** What the first bytes of a connection say. A closed union. */
export type HelloParse =
  /** More bytes are needed. */
  | { kind: "incomplete" }
  /** Not a TLS ClientHello (plain HTTP, garbage, a truncated or oversized record). */
  | { kind: "invalid"; reason: string }
  /** A ClientHello; `serverName` is the SNI host name, lower case, when present. */
  | { kind: "hello"; serverName?: string };

const HANDSHAKE = 22;
const CLIENT_HELLO = 1;
const EXT_SERVER_NAME = 0;

/**
 * Reads the server name (SNI, RFC 6066 §3) from the first TLS record of a connection,
 * without consuming it: the gateway decides on the name before the handshake. Bounds
 * every length against the bytes present; never throws.
 *
 * @example
 * parseClientHello(firstBytes) // { kind: "hello", serverName: "gbl.his.arc.azure.com" }
 */
export function parseClientHello(buf: Uint8Array): HelloParse {
  if (buf.length < 5) return { kind: "incomplete" };
  if (buf[0] !== HANDSHAKE) return { kind: "invalid", reason: "not a TLS handshake record" };
  if (buf[1] !== 3) return { kind: "invalid", reason: "unknown TLS record version" };
  const recordLength = (buf[3] << 8) | buf[4];
  if (recordLength + 5 > MAX_CLIENT_HELLO_BYTES) return { kind: "invalid", reason: "record too long" };
  if (buf.length < recordLength + 5) return { kind: "incomplete" };
  const end = recordLength + 5;
  let at = 5;
  const need = (n: number) => at + n <= end;
  if (!need(4) || buf[at] !== CLIENT_HELLO) return { kind: "invalid", reason: "not a ClientHello" };
  at += 4; // type + 24-bit length (bounded by the record)
  if (!need(34)) return { kind: "invalid", reason: "truncated ClientHello" };
  at += 34; // client version + random
  const skip = (lengthBytes: 1 | 2): boolean => {
    if (!need(lengthBytes)) return false;
    const n = lengthBytes === 1 ? buf[at] : (buf[at] << 8) | buf[at + 1];
    at += lengthBytes;
    if (!need(n)) return false;
    at += n;
    return true;
  };
  if (!skip(1) || !skip(2) || !skip(1)) return { kind: "invalid", reason: "truncated ClientHello" };
  if (at === end) return { kind: "hello" }; // no extensions
  if (!need(2)) return { kind: "invalid", reason: "truncated extensions" };
  const extEnd = at + 2 + ((buf[at] << 8) | buf[at + 1]);
  at += 2;
  if (extEnd > end) return { kind: "invalid", reason: "extensions overrun the record" };
  while (at + 4 <= extEnd) {
    const type = (buf[at] << 8) | buf[at + 1];
    const len = (buf[at + 2] << 8) | buf[at + 3];
    at += 4;
    if (at + len > extEnd) return { kind: "invalid", reason: "extension overruns the record" };
    if (type === EXT_SERVER_NAME) return readServerName(buf.subarray(at, at + len));
    at += len;
  }
  return { kind: "hello" };
}

function readServerName(ext: Uint8Array): HelloParse {
  if (ext.length < 2) return { kind: "invalid", reason: "empty server_name extension" };
  const listEnd = Math.min(ext.length, 2 + ((ext[0] << 8) | ext[1]));
  let at = 2;
  while (at + 3 <= listEnd) {
    const type = ext[at];
    const len = (ext[at + 1] << 8) | ext[at + 2];
    at += 3;
    if (at + len > listEnd) return { kind: "invalid", reason: "server name overruns the extension" };
    if (type === 0) {
      const name = new TextDecoder().decode(ext.subarray(at, at + len)).toLowerCase();
      if (!/^[a-z0-9.-]{1,253}$/.test(name)) return { kind: "invalid", reason: "malformed server name" };
      return { kind: "hello", serverName: name.replace(/\.$/, "") };
    }
    at += len;
  }
  return { kind: "hello" };
}
