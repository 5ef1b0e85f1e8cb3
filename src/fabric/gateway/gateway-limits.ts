/** The gateway's bounds (GUIDE.md "secure by default"); every listener applies them. */
export interface GatewayLimits {
  /** Open connections across every listener; one more is closed at once. */
  maxConnections: number;
  /** Time to send a complete ClientHello. */
  helloTimeoutMs: number;
  /** How long a dropped connection (no route, NSG or firewall deny) is held silent before it is closed. */
  dropHoldMs: number;
  /** Time to send the request headers (node:http `headersTimeout`). */
  headersTimeoutMs: number;
  /** Time to send a whole request (node:http `requestTimeout`). */
  requestTimeoutMs: number;
  /** Idle time of a keep-alive connection between requests. */
  keepAliveTimeoutMs: number;
  /** Request body bytes; more is 413. */
  maxBodyBytes: number;
  /** Request header bytes (node:http `maxHeaderSize`); more is 431. */
  maxHeaderBytes: number;
  /** Requests per keep-alive connection (node:http `maxRequestsPerSocket`). */
  maxRequestsPerSocket: number;
}

export const DEFAULT_LIMITS: GatewayLimits = {
  maxConnections: 4096,
  helloTimeoutMs: 10_000,
  dropHoldMs: 30_000,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 60_000,
  maxBodyBytes: 1024 * 1024,
  maxHeaderBytes: 16 * 1024,
  maxRequestsPerSocket: 0,
};
