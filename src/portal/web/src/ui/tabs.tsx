import type { ComponentChildren } from "preact";

export interface TabSpec {
  id: string;
  label: string;
  /** Marks the tab when a field in it has an error. */
  invalid?: boolean;
}

/**
 * ARIA tabs: arrow keys move between tabs, the selected one is the only tab stop.
 * The panel is the caller's children.
 */
export function Tabs(props: {
  label: string;
  tabs: TabSpec[];
  selected: string;
  onSelect(id: string): void;
  children: ComponentChildren;
}) {
  const index = props.tabs.findIndex((t) => t.id === props.selected);
  const onKey = (e: KeyboardEvent) => {
    const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = props.tabs[(index + step + props.tabs.length) % props.tabs.length];
    props.onSelect(next.id);
    requestAnimationFrame(() => document.getElementById(`tab-${next.id}`)?.focus());
  };
  return (
    <div class="tabs">
      <div role="tablist" aria-label={props.label} onKeyDown={onKey}>
        {props.tabs.map((t) => (
          <button
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            key={t.id}
            aria-selected={t.id === props.selected}
            aria-controls={`panel-${t.id}`}
            tabIndex={t.id === props.selected ? 0 : -1}
            class={t.invalid ? "invalid" : undefined}
            onClick={() => props.onSelect(t.id)}
          >
            {t.label}
            {t.invalid ? <span class="sr-only"> (has errors)</span> : null}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${props.selected}`} aria-labelledby={`tab-${props.selected}`} class="panel">
        {props.children}
      </div>
    </div>
  );
}
