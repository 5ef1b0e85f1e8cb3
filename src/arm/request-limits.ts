import { ArmError } from "../rules/errors.js";

/**
 * The bounds of the HTTPS front, in one place (docs/reliability.md lists them). ARM refuses
 * request bodies over 4 MiB [RPC]; the rest are arclink's own, chosen so one client cannot
 * starve the others on a shared lab machine.
 */
export const LIMITS = {
  /** Largest request body accepted; more is 413 before the body is read. */
  maxBodyBytes: 4 * 1024 * 1024,
  /** Deepest nesting of arrays and objects in a JSON body, checked before parsing. */
  maxJsonDepth: 64,
  /** Open connections at once, all sources together; more are closed on arrival. */
  maxConnections: 1024,
  /** Open connections at once from one source address. */
  maxConnectionsPerSource: 256,
  /** A TLS handshake must finish within this time. */
  handshakeTimeoutMs: 10_000,
  /** The request line and headers must arrive within this time. */
  headersTimeoutMs: 10_000,
  /** The whole request, body included, must arrive within this time. */
  requestTimeoutMs: 30_000,
  /** An idle keep-alive connection is closed after this time. */
  keepAliveTimeoutMs: 5_000,
  /** Largest request line plus headers (Node's default). */
  maxHeaderBytes: 16 * 1024,
} as const;

export type Limits = { -readonly [K in keyof typeof LIMITS]: number };

/**
 * True when `text` nests arrays or objects deeper than `max`. A single pass over the
 * characters, skipping strings, so it cannot overflow the stack whatever the input.
 *
 * @example
 * jsonTooDeep("[[[1]]]", 2); // true
 */
export function jsonTooDeep(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/**
 * Parses a JSON request body within the depth limit; undefined for an empty body. Any
 * failure is ARM's 400 `InvalidRequestContent`.
 *
 * @example
 * parseJsonBody(Buffer.from('{"location":"westeurope"}')); // { location: "westeurope" }
 */
export function parseJsonBody(raw: Buffer, maxDepth: number = LIMITS.maxJsonDepth): unknown {
  const text = raw.toString("utf8");
  if (text.trim() === "") return undefined;
  if (jsonTooDeep(text, maxDepth)) {
    throw new ArmError(
      "InvalidRequestContent",
      `The request content was invalid and could not be deserialized: it nests deeper than ${maxDepth} levels.`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ArmError(
      "InvalidRequestContent",
      `The request content was invalid and could not be deserialized: '${(error as Error).message}'.`,
    );
  }
}

/** `application/json` or a `+json` type such as `application/merge-patch+json`, parameters allowed. */
export function isJsonMediaType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const type = contentType.split(";")[0].trim().toLowerCase();
  return type === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

/**
 * ARM reads only JSON: a request that carries a body (or names a content type) must say
 * `application/json`, else 415 `UnsupportedMediaType` with ARM's message.
 */
export function requireJsonBody(headers: Record<string, string | undefined>, raw: Buffer): void {
  const type = headers["content-type"];
  if (raw.length === 0 && type === undefined) return;
  if (isJsonMediaType(type)) return;
  throw new ArmError(
    "UnsupportedMediaType",
    `The content media type '${type ?? "<null>"}' is not supported. Only 'application/json' is supported.`,
  );
}
