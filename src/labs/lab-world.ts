import { parseDocument } from "yaml";
import { DEFAULT_SUBSCRIPTION_ID } from "../arm/app.js";
import { idKey, parseId, RESOURCE_GROUP_TYPE, typeKey } from "../world/index.js";
import { parseWorld } from "../world-file/index.js";

/** One resource of a lab world: the entry as written in the file, its ARM id, and why the lab touched it. */
export interface LabEntry {
  raw: Record<string, unknown>;
  id: string;
  note?: string;
}

type Json = Record<string, unknown>;

/**
 * A world file being turned into a lab: its entries in file order, found by type (and
 * name), changed, removed or added, each change with a note that the rendered file
 * shows as a comment above the entry.
 *
 * @example
 * const w = LabWorld.parse(readFileSync("worlds/default.yaml", "utf8"), "default.yaml");
 * w.set(w.find("Arclink.OnPremises/sites"), ["connections"], [], "no VPN to the hub");
 */
export class LabWorld {
  readonly entries: LabEntry[];
  /** Ids removed from the base, with their notes, for the file's header. */
  readonly removed: { id: string; note: string }[] = [];

  constructor(entries: LabEntry[]) {
    this.entries = entries;
  }

  /** Reads a world file (YAML or JSON) as raw entries with their ids. */
  static parse(text: string, path: string, subscriptionId = DEFAULT_SUBSCRIPTION_ID): LabWorld {
    const ids = parseWorld(text, path, subscriptionId).map((e) => e.id);
    let list = parseDocument(text).toJSON() as unknown;
    if (list && !Array.isArray(list)) list = (list as { resources?: unknown }).resources;
    const raws = (list ?? []) as Json[];
    return new LabWorld(raws.map((raw, i) => ({ raw: structuredClone(raw), id: ids[i] })));
  }

  /** Every entry of a type (case-insensitive), in file order. */
  all(type: string): LabEntry[] {
    return this.entries.filter((e) => typeKey(parseId(e.id)?.type ?? "") === typeKey(type));
  }

  /** The one entry of a type, or the one with that name; throws when it is not exactly one. */
  find(type: string, name?: string): LabEntry {
    const found = this.all(type).filter((e) => !name || parseId(e.id)?.name.toLowerCase() === name.toLowerCase());
    if (found.length !== 1) {
      throw new Error(
        `Cannot find one '${type}'${name ? ` named '${name}'` : ""} in the base world: found ${found.length}.`,
      );
    }
    return found[0];
  }

  /** The entry's `properties`, created if absent. */
  properties(entry: LabEntry): Json {
    entry.raw.properties ??= {};
    return entry.raw.properties as Json;
  }

  /** Sets `properties.<path>` of an entry. */
  set(entry: LabEntry, path: string[], value: unknown, note: string): void {
    let at = this.properties(entry);
    for (const key of path.slice(0, -1)) {
      at[key] ??= {};
      at = at[key] as Json;
    }
    at[path[path.length - 1]] = value;
    this.#note(entry, note);
  }

  /** Removes an entry and every entry under it. */
  remove(entry: LabEntry, note: string): void {
    const prefix = `${idKey(entry.id)}/`;
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const e = this.entries[i];
      if (e === entry || idKey(e.id).startsWith(prefix)) this.entries.splice(i, 1);
    }
    this.removed.push({ id: entry.id, note });
  }

  /**
   * Adds a resource by id, written as `type` + `name` + `resourceGroup` like a template,
   * after `after` (or at the end).
   */
  add(id: string, body: Json, note: string, after?: LabEntry): LabEntry {
    const parsed = parseId(id);
    if (!parsed) throw new Error(`'${id}' is not a valid ARM resource id.`);
    const isGroup = typeKey(parsed.type) === typeKey(RESOURCE_GROUP_TYPE);
    const raw: Json = {
      type: parsed.type,
      name: parsed.names.join("/") || parsed.name,
      ...(isGroup ? {} : { resourceGroup: parsed.resourceGroup }),
      ...(parsed.subscriptionId === DEFAULT_SUBSCRIPTION_ID ? {} : { subscriptionId: parsed.subscriptionId }),
      ...body,
    };
    const entry: LabEntry = { raw, id: parsed.id, note };
    const at = after ? this.entries.indexOf(after) + 1 : this.entries.length;
    this.entries.splice(at > 0 ? at : this.entries.length, 0, entry);
    return entry;
  }

  /** The id of a sibling top-level resource in the same resource group as `entry`. */
  idBeside(entry: LabEntry, type: string, name: string): string {
    const p = parseId(entry.id);
    if (!p?.resourceGroup) throw new Error(`'${entry.id}' is not in a resource group.`);
    const [namespace, ...types] = type.split("/");
    const names = name.split("/");
    const path = types.map((t, i) => `${t}/${names[i]}`).join("/");
    return `/subscriptions/${p.subscriptionId}/resourceGroups/${p.resourceGroup}/providers/${namespace}/${path}`;
  }

  #note(entry: LabEntry, note: string): void {
    entry.note = entry.note ? `${entry.note}; ${note}` : note;
  }
}
