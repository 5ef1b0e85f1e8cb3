import { useEffect, useRef, useState } from "preact/hooks";

export interface TopologyNode {
  id: string;
  kind: string;
  label: string;
  detail?: string;
  parent?: string;
  health: "ok" | "warning" | "error" | "none";
  x: number;
  y: number;
  width: number;
  height: number;
  container: boolean;
}

export interface TopologyEdge {
  id: string;
  kind: string;
  source: string;
  target: string;
  label?: string;
  dashed?: boolean;
  points: { x: number; y: number }[];
}

export interface Topology {
  width: number;
  height: number;
  nodes: TopologyNode[];
  edges: TopologyEdge[];
}

const HEALTH_TEXT = { ok: "verified", warning: "warnings", error: "errors", none: "" };
const ICON: Record<string, string> = {
  site: "🏢",
  host: "🖥",
  "dns-server": "DNS",
  proxy: "⇄",
  vnet: "⬡",
  subnet: "▭",
  "private-endpoint": "⦿",
  resolver: "⇢",
  zone: "◎",
  scope: "🔒",
  machine: "⚙",
};

interface View {
  x: number;
  y: number;
  scale: number;
}

/**
 * The laid-out topology as SVG: containers (sites, vnets, subnets) hold their nodes;
 * hosts and machines take the verifier's colour (with a word, not colour alone).
 * Pan by dragging or with the arrow keys, zoom with the wheel, + and −.
 */
export function Diagram(props: { topology: Topology; selected?: string; onSelect(id: string): void }) {
  const { topology } = props;
  const [view, setView] = useState<View>({ x: 0, y: 0, scale: 1 });
  const drag = useRef<{ x: number; y: number; view: View } | undefined>(undefined);
  const box = useRef<HTMLDivElement>(null);
  const fit = () => {
    const w = box.current?.clientWidth ?? 800;
    const h = box.current?.clientHeight ?? 500;
    const scale = Math.min(1.5, Math.max(0.2, Math.min(w / (topology.width + 20), h / (topology.height + 20))));
    setView({ x: 10, y: 10, scale });
  };
  useEffect(fit, [topology.width, topology.height]);
  const zoom = (f: number) => setView((v) => ({ ...v, scale: Math.min(3, Math.max(0.2, v.scale * f)) }));
  const onKey = (e: KeyboardEvent) => {
    if ((e.target as Element).closest?.(".node")) return;
    const step = 40;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [step, 0],
      ArrowRight: [-step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step],
    };
    if (moves[e.key]) {
      e.preventDefault();
      setView((v) => ({ ...v, x: v.x + moves[e.key][0], y: v.y + moves[e.key][1] }));
    } else if (e.key === "+" || e.key === "=") zoom(1.2);
    else if (e.key === "-") zoom(1 / 1.2);
  };
  const byId = new Map(topology.nodes.map((n) => [n.id, n]));
  const containers = topology.nodes.filter((n) => n.container);
  const leaves = topology.nodes.filter((n) => !n.container);
  return (
    <div class="diagram">
      <div class="toolbar" role="toolbar" aria-label="Diagram view">
        <button type="button" onClick={() => zoom(1.2)} aria-label="Zoom in">
          +
        </button>
        <button type="button" onClick={() => zoom(1 / 1.2)} aria-label="Zoom out">
          −
        </button>
        <button type="button" onClick={fit}>
          Fit
        </button>
        <span class="legend">
          <span class="swatch ok" /> verified <span class="swatch warning" /> warnings <span class="swatch error" />{" "}
          errors
        </span>
      </div>
      <div
        ref={box}
        class="canvas"
        onWheel={(e) => {
          e.preventDefault();
          zoom(e.deltaY < 0 ? 1.1 : 1 / 1.1);
        }}
        onPointerDown={(e) => {
          if ((e.target as Element).closest(".node")) return;
          drag.current = { x: e.clientX, y: e.clientY, view };
          (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
        }}
        onPointerMove={(e) => {
          const d = drag.current;
          if (d) setView({ ...d.view, x: d.view.x + e.clientX - d.x, y: d.view.y + e.clientY - d.y });
        }}
        onPointerUp={() => {
          drag.current = undefined;
        }}
      >
        <svg
          role="application"
          tabindex={0}
          aria-label={`Topology of ${topology.nodes.length} resources: arrow keys pan, + and − zoom, Tab moves between nodes, Enter selects`}
          onKeyDown={onKey}
          width="100%"
          height="100%"
        >
          <defs>
            <marker
              id="arrow"
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto-start-reverse"
            >
              <path d="M 0 0 L 10 5 L 0 10 z" class="arrowhead" />
            </marker>
          </defs>
          <g transform={`translate(${view.x} ${view.y}) scale(${view.scale})`}>
            {containers.map((n) => (
              <g key={n.id} class={`container ${n.kind}`}>
                <rect x={n.x} y={n.y} width={n.width} height={n.height} rx="8" />
                <text x={n.x + 10} y={n.y + 18}>
                  {ICON[n.kind]} {n.label}
                  {n.detail ? <tspan class="detail"> {n.detail}</tspan> : null}
                </text>
              </g>
            ))}
            {topology.edges.map((e) => (
              <g key={e.id} class={`edge ${e.kind}${e.dashed ? " dashed" : ""}`}>
                <title>{`${e.kind}: ${byId.get(e.source)?.label} → ${byId.get(e.target)?.label}${e.label ? ` (${e.label})` : ""}`}</title>
                <polyline points={e.points.map((p) => `${p.x},${p.y}`).join(" ")} marker-end="url(#arrow)" />
              </g>
            ))}
            {leaves.map((n) => (
              // biome-ignore lint/a11y/useSemanticElements: an SVG node cannot be a <button>
              <g
                key={n.id}
                class={`node ${n.kind} health-${n.health}${props.selected === n.id ? " selected" : ""}`}
                tabindex={0}
                role="button"
                aria-pressed={props.selected === n.id}
                aria-label={`${n.kind} ${n.label}${n.detail ? `, ${n.detail}` : ""}${n.health !== "none" ? `, ${HEALTH_TEXT[n.health]}` : ""}`}
                data-id={n.id}
                onClick={() => props.onSelect(n.id)}
                onKeyDown={(e) => {
                  if (e.key === "Enter" || e.key === " ") {
                    e.preventDefault();
                    props.onSelect(n.id);
                  }
                }}
              >
                <rect x={n.x} y={n.y} width={n.width} height={n.height} rx="6" />
                <text x={n.x + 8} y={n.y + 19}>
                  {ICON[n.kind]} {n.label}
                </text>
                {n.detail ? (
                  <text x={n.x + 8} y={n.y + 35} class="detail">
                    {n.detail.length > 36 ? `${n.detail.slice(0, 35)}…` : n.detail}
                  </text>
                ) : null}
                {n.health !== "none" ? (
                  <text x={n.x + n.width - 8} y={n.y + 19} class="health-mark" text-anchor="end">
                    {n.health === "ok" ? "✓" : n.health === "warning" ? "!" : "✕"}
                  </text>
                ) : null}
              </g>
            ))}
          </g>
        </svg>
      </div>
    </div>
  );
}
