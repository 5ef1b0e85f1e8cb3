import elkBundled from "elkjs/lib/elk.bundled.js";
import type { ELK, ElkExtendedEdge, ElkNode } from "elkjs/lib/elk-api.js";
import type { Finding } from "../verify/index.js";
import type { World } from "../world/world.js";
import {
  type Graph,
  type Health,
  type HealthIndex,
  type TopologyEdge,
  type TopologyNode,
  topologyGraph,
} from "./topology-graph.js";

export interface PlacedNode extends TopologyNode {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Whether other nodes sit inside it (site, vnet, subnet). */
  container: boolean;
}

export interface PlacedEdge extends TopologyEdge {
  /** Absolute polyline: start, bend points, end. */
  points: { x: number; y: number }[];
}

export interface Topology {
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

const RANK: Record<Health, number> = { none: 0, ok: 1, warning: 2, error: 3 };
const worse = (a: Health | undefined, b: Health): Health => (a && RANK[a] >= RANK[b] ? a : b);

/**
 * Colours from a verify report: a host is red with an error finding, amber with a
 * warning, green when verified clean; its machine takes its colour; world-wide findings
 * colour the resource they name.
 */
export function healthIndex(
  world: World,
  hosts: readonly { client: { id: string; machineId?: string } }[],
  findings: readonly Finding[],
): HealthIndex {
  const byHost = new Map<string, Health>();
  const byResource = new Map<string, Health>();
  for (const h of hosts) byHost.set(h.client.id.toLowerCase(), "ok");
  for (const f of findings) {
    const level: Health = f.severity === "error" ? "error" : f.severity === "warning" ? "warning" : "ok";
    if (f.hostId) byHost.set(f.hostId.toLowerCase(), worse(byHost.get(f.hostId.toLowerCase()), level));
    if (f.resourceId)
      byResource.set(f.resourceId.toLowerCase(), worse(byResource.get(f.resourceId.toLowerCase()), level));
  }
  for (const h of hosts) {
    const m = h.client.machineId;
    if (m && world.get(m))
      byResource.set(m.toLowerCase(), worse(byResource.get(m.toLowerCase()), byHost.get(h.client.id.toLowerCase())!));
  }
  return { byHost, byResource };
}

const LAYOUT_OPTIONS = {
  "elk.algorithm": "layered",
  "elk.direction": "RIGHT",
  "elk.hierarchyHandling": "INCLUDE_CHILDREN",
  "elk.edgeRouting": "ORTHOGONAL",
  "elk.spacing.nodeNode": "24",
  "elk.layered.spacing.nodeNodeBetweenLayers": "48",
  "elk.padding": "[top=32,left=12,bottom=12,right=12]",
};

// elkjs is CommonJS: Node hands its module.exports (the constructor) to a default import.
const ElkConstructor = elkBundled as unknown as new () => ELK;
const elk = new ElkConstructor();

/** Node size from its label and detail (about 7 px per character at 12 px). */
function size(n: TopologyNode): { width: number; height: number } {
  const chars = Math.max(n.label.length + 4, (n.detail ?? "").length);
  return { width: Math.min(380, Math.max(110, chars * 7 + 20)), height: n.detail ? 44 : 32 };
}

/**
 * Lays the graph out with ELK's layered algorithm (containers hold their children) and
 * returns absolute coordinates for the browser to draw.
 *
 * @example
 * const { nodes, edges } = await layoutTopology(topologyGraph(world, health));
 */
export async function layoutTopology(graph: Graph): Promise<Topology> {
  const byId = new Map<string, ElkNode & { children: ElkNode[] }>();
  for (const n of graph.nodes) byId.set(n.id, { id: n.id, ...size(n), children: [] });
  const root: ElkNode & { children: ElkNode[] } = { id: "root", layoutOptions: LAYOUT_OPTIONS, children: [] };
  const hasChildren = new Set(graph.nodes.flatMap((n) => (n.parent ? [n.parent] : [])));
  for (const n of graph.nodes) {
    const elkNode = byId.get(n.id)!;
    if (hasChildren.has(n.id)) {
      delete elkNode.width;
      delete elkNode.height;
      elkNode.layoutOptions = { "elk.padding": "[top=36,left=12,bottom=12,right=12]" };
    }
    (n.parent ? byId.get(n.parent)! : root).children.push(elkNode);
  }
  const elkEdges: ElkExtendedEdge[] = graph.edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] }));
  const laid = await elk.layout({ ...root, edges: elkEdges });

  const abs = new Map<string, { x: number; y: number; width: number; height: number }>([
    ["root", { x: 0, y: 0, width: laid.width ?? 0, height: laid.height ?? 0 }],
  ]);
  const walk = (n: ElkNode, ox: number, oy: number) => {
    for (const c of n.children ?? []) {
      const x = ox + (c.x ?? 0);
      const y = oy + (c.y ?? 0);
      abs.set(c.id, { x, y, width: c.width ?? 0, height: c.height ?? 0 });
      walk(c, x, y);
    }
  };
  walk(laid, 0, 0);
  const laidEdges = new Map((laid.edges ?? []).map((e) => [e.id, e as ElkExtendedEdge]));
  const nodes: PlacedNode[] = graph.nodes.map((n) => ({ ...n, ...abs.get(n.id)!, container: hasChildren.has(n.id) }));
  const edges: PlacedEdge[] = graph.edges.map((e) => {
    const le = laidEdges.get(e.id);
    const offset = abs.get(le?.container ?? "root") ?? { x: 0, y: 0 };
    const points = (le?.sections ?? []).flatMap((s) =>
      [s.startPoint, ...(s.bendPoints ?? []), s.endPoint].map((p) => ({ x: p.x + offset.x, y: p.y + offset.y })),
    );
    return { ...e, points };
  });
  return { width: laid.width ?? 0, height: laid.height ?? 0, nodes, edges };
}

/** The graph of a world, coloured and laid out. */
export function topology(world: World, health: HealthIndex): Promise<Topology> {
  return layoutTopology(topologyGraph(world, health));
}
