/** A request as the ARM front sees it, independent of the socket it came from. */
export interface ArmRequest {
  /** Upper-case method. */
  method: string;
  /** Path with repeated slashes collapsed and no trailing slash; original case. */
  path: string;
  query: URLSearchParams;
  /** Header names lower-cased. */
  headers: Record<string, string | undefined>;
  /** Raw body bytes (empty when there is none). */
  rawBody: Buffer;
  /** The server's configured public origin (scheme, host, port) for absolute URLs; never the `Host` header. */
  baseUrl: string;
  requestId: string;
}

export interface ArmResponse {
  status: number;
  headers?: Record<string, string>;
  /** A JSON value, a string sent as is (with its content type in `headers`), or bytes. */
  body?: unknown;
  /** A response that stays open (server-sent events): called after the head is written. */
  stream?: (sink: ResponseSink) => void;
}

/** Where a streaming response writes; `onClose` runs when the client goes away. */
export interface ResponseSink {
  write(chunk: string): void;
  onClose(listener: () => void): void;
}
