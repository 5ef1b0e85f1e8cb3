import { useEffect, useState } from "preact/hooks";
import { authHeaders } from "./api";

/** The change feed (`/_arclink/events`, server-sent events) read with fetch, so it carries the bearer token. */
type Listener = () => void;

let version = 0;
/** Counts the changes seen after the first version: what pages reload on. */
let changes = 0;
let connected = false;
let started = false;
const listeners = new Set<Listener>();

function notify(): void {
  for (const l of listeners) l();
}

function parse(block: string): void {
  let event = "message";
  let data = "";
  for (const line of block.split("\n")) {
    if (line.startsWith("event:")) event = line.slice(6).trim();
    else if (line.startsWith("data:")) data += line.slice(5).trim();
  }
  if (event !== "change" || !data) return;
  const next = Number(JSON.parse(data).version);
  if (!Number.isFinite(next) || next === version) return;
  // The first version only sets the baseline: the pages loaded at it already.
  const first = version === 0;
  version = next;
  if (first) return;
  changes++;
  notify();
}

async function follow(): Promise<void> {
  try {
    const res = await fetch("/_arclink/events", { headers: { ...authHeaders(), accept: "text/event-stream" } });
    if (!res.ok || !res.body) throw new Error(`events: ${res.status}`);
    connected = true;
    notify();
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let cut = buffer.indexOf("\n\n");
      while (cut >= 0) {
        parse(buffer.slice(0, cut));
        buffer = buffer.slice(cut + 2);
        cut = buffer.indexOf("\n\n");
      }
    }
  } catch {
    // Reconnect below.
  }
  connected = false;
  notify();
  setTimeout(follow, 2000);
}

/** Starts following the change feed once (after sign-in). */
export function startLive(): void {
  if (started) return;
  started = true;
  void follow();
}

/** The world version and whether the feed is connected; re-renders on each change. */
export function useLive(): { version: number; changes: number; connected: boolean } {
  const [, tick] = useState(0);
  useEffect(() => {
    const l = () => tick((n) => n + 1);
    listeners.add(l);
    return () => {
      listeners.delete(l);
    };
  }, []);
  return { version, changes, connected };
}

export interface Loaded<T> {
  data?: T;
  error?: Error;
  loading: boolean;
  reload(): void;
}

/** Runs `load` now and again whenever the world changes (or `deps` do); keeps the last data while reloading. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[] = []): Loaded<T> {
  const { changes: v } = useLive();
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({ loading: true });
  const [nonce, setNonce] = useState(0);
  // Reloads on the world version, the nonce and the caller's deps.
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (error: Error) => live && setState((s) => ({ data: s.data, error, loading: false })),
    );
    return () => {
      live = false;
    };
  }, [v, nonce, ...deps]);
  return { ...state, reload: () => setNonce((n) => n + 1) };
}
