import { isMap, isSeq, LineCounter } from "yaml";
import { buildId, parseId, RESOURCE_GROUP_TYPE } from "../world/index.js";
import { parseCheckedDocument, YamlTooDeepError } from "./yaml-depth.js";

/** One resource of a world file: its id, the body to PUT, and where it stands in the file. */
export interface WorldEntry {
  id: string;
  body: Record<string, unknown>;
  /** 1-based line of the entry in its file (0 when not from a file). */
  line: number;
}

/** A world file that cannot be read: the message names the file and the line. */
export class WorldFileError extends Error {
  constructor(
    message: string,
    readonly path: string,
    readonly line: number,
  ) {
    super(`${path}:${line}: ${message}`);
    this.name = "WorldFileError";
  }
}

const ENVELOPE = new Set(["id", "type", "name", "resourcegroup", "subscriptionid"]);

/**
 * Turns one entry into an id and a body. An entry names its resource either by `id`, or by
 * `type` + `name` (+ `resourceGroup`), as ARM templates do: a child's name is
 * `parent/child` (`hub/default` for subnet `default` of vnet `hub`).
 */
function entryId(raw: Record<string, unknown>, subscriptionId: string): string {
  if (typeof raw.id === "string") {
    // Both given (as `arclink export` writes them): they must agree, never silently not.
    const ofId = parseId(raw.id)?.type;
    if (
      raw.type !== undefined &&
      ofId &&
      (typeof raw.type !== "string" || raw.type.toLowerCase() !== ofId.toLowerCase())
    ) {
      throw new Error(`type '${String(raw.type)}' does not match the type of id '${raw.id}' ('${ofId}')`);
    }
    return raw.id;
  }
  const { type, name, resourceGroup } = raw as { type?: unknown; name?: unknown; resourceGroup?: unknown };
  if (typeof type !== "string" || typeof name !== "string") {
    throw new Error("each resource needs an 'id', or a 'type' and a 'name'");
  }
  const sub = typeof raw.subscriptionId === "string" ? raw.subscriptionId : subscriptionId;
  if (type.toLowerCase() === RESOURCE_GROUP_TYPE.toLowerCase()) return `/subscriptions/${sub}/resourceGroups/${name}`;
  if (typeof resourceGroup !== "string")
    throw new Error(`resource '${name}' of type '${type}' needs a 'resourceGroup'`);
  const [namespace, ...types] = type.split("/");
  const names = name.split("/");
  if (!namespace || types.length === 0 || types.length !== names.length) {
    throw new Error(`type '${type}' and name '${name}' must have as many segments (a child's name is 'parent/child')`);
  }
  return buildId({ subscriptionId: sub, resourceGroup, namespace, types, names });
}

/**
 * Parses a world file (YAML or JSON): a list of resources, or `{resources: [...]}`.
 *
 * @example
 * parseWorld("- id: /subscriptions/0/resourceGroups/rg\n  location: westeurope\n", "lab.yaml", sub)
 */
export function parseWorld(text: string, path: string, subscriptionId: string): WorldEntry[] {
  const lineCounter = new LineCounter();
  let doc: ReturnType<typeof parseCheckedDocument>;
  try {
    doc = parseCheckedDocument(text, lineCounter, { uniqueKeys: true });
  } catch (error) {
    if (!(error instanceof YamlTooDeepError)) throw error;
    throw new WorldFileError(error.message, path, lineCounter.linePos(error.offset).line);
  }
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    const line = error.linePos?.[0].line ?? 1;
    throw new WorldFileError(error.message.split("\n")[0].replace(/ at line \d+, column \d+:$/, ""), path, line);
  }
  let list = doc.contents;
  if (isMap(list) && list.has("resources")) list = list.get("resources", true) as unknown as typeof list;
  if (list === null || list === undefined) return [];
  if (!isSeq(list)) {
    throw new WorldFileError("the file must hold a list of resources, or an object with a 'resources' list", path, 1);
  }
  // Values come from the whole document, so anchors and aliases resolve; lines from the nodes.
  const whole = doc.toJS({ maxAliasCount: 1000 }) as unknown;
  const values = (Array.isArray(whole) ? whole : (whole as { resources: unknown[] }).resources) as unknown[];
  return list.items.map((node, index) => {
    const line =
      node && typeof node === "object" && "range" in node && node.range ? lineCounter.linePos(node.range[0]).line : 1;
    const raw = values[index];
    if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
      throw new WorldFileError("each resource must be an object", path, line);
    }
    let id: string;
    try {
      id = entryId(raw as Record<string, unknown>, subscriptionId);
    } catch (error) {
      throw new WorldFileError((error as Error).message, path, line);
    }
    if (!parseId(id)) throw new WorldFileError(`'${id}' is not a valid ARM resource id`, path, line);
    const body: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(raw as Record<string, unknown>))
      if (!ENVELOPE.has(k.toLowerCase())) body[k] = v;
    return { id, body, line };
  });
}
