import type { ComponentChildren } from "preact";

export type Tone = "ok" | "warning" | "error" | "none" | "info";

/** A status word with a colour and an icon, so colour is never the only signal. */
export function Badge(props: { tone: Tone; children: ComponentChildren }) {
  const icon = { ok: "✓", warning: "!", error: "✕", none: "·", info: "i" }[props.tone];
  return (
    <span class={`badge ${props.tone}`}>
      <span aria-hidden="true">{icon}</span> {props.children}
    </span>
  );
}

export function toneOfStatus(status: unknown): Tone {
  const s = String(status ?? "").toLowerCase();
  if (["approved", "connected", "succeeded", "enabled"].includes(s)) return "ok";
  if (["pending", "disconnected", "updating", "creating"].includes(s)) return "warning";
  if (["rejected", "error", "failed", "expired", "disabled"].includes(s)) return "error";
  return "none";
}

export function Notice(props: { tone: Tone; children: ComponentChildren; title?: string }) {
  return (
    <div class={`notice ${props.tone}`} role={props.tone === "error" ? "alert" : "status"}>
      {props.title ? <strong>{props.title} </strong> : null}
      {props.children}
    </div>
  );
}

export function Loading(props: { what: string }) {
  return (
    <p class="loading" aria-live="polite">
      Loading {props.what}…
    </p>
  );
}
