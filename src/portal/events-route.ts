import type { ArmResponse } from "../arm/http-types.js";
import type { PortalSource } from "./portal-source.js";

/** At most this many portal tabs follow the change feed at once; more get 503. */
export const MAX_EVENT_CLIENTS = 64;
/** A comment line this often keeps proxies and idle timers from closing the stream. */
const HEARTBEAT_MS = 20_000;

/**
 * `GET /_arclink/events`: the change feed as server-sent events. The first event is
 * the current version; each commit sends `event: change` with `{"version": n}`. The
 * browser refetches what it shows.
 *
 * @example
 * const events = createEventsRoute(source);
 * events() // { status: 200, headers: { "content-type": "text/event-stream" }, stream }
 */
export function createEventsRoute(source: PortalSource) {
  let clients = 0;
  return function events(): ArmResponse {
    if (clients >= MAX_EVENT_CLIENTS) {
      return {
        status: 503,
        headers: { "retry-after": "5" },
        body: {
          error: {
            code: "TooManyEventClients",
            message: `At most ${MAX_EVENT_CLIENTS} clients may follow the change feed at once.`,
          },
        },
      };
    }
    return {
      status: 200,
      headers: {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-store",
        "x-accel-buffering": "no",
      },
      stream(sink) {
        clients++;
        const send = (version: number) => sink.write(`event: change\ndata: ${JSON.stringify({ version })}\n\n`);
        sink.write("retry: 2000\n\n");
        send(source.version());
        const off = source.subscribe(({ version }) => send(version));
        const beat = setInterval(() => sink.write(": keep-alive\n\n"), HEARTBEAT_MS);
        beat.unref();
        sink.onClose(() => {
          clients--;
          clearInterval(beat);
          off();
        });
      },
    };
  };
}
