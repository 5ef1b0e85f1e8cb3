import { ArmError } from "../../../rules/index.js";
import { type ChangeSet, idKey, type Resource, type World } from "../../../world/index.js";
import { isObject, optionalArray, optionalString } from "./body.js";

/**
 * Azure's network RP keeps a parent's inline list (`subnets`, `securityRules`,
 * `virtualNetworkPeerings`) and its child resources as one: a parent PUT creates,
 * replaces and **removes** children to match its list — an absent list means none —
 * and a child PUT shows up in the parent's GET. arclink stores only the children and
 * renders the list; this turns a parent's list into the child writes.
 */
export function syncInlineChildren(
  world: World,
  ctx: { newGuid(): string },
  parentId: string,
  childType: string,
  list: unknown,
  path: string,
  build: (name: string, item: unknown, itemPath: string, existing: Resource | undefined) => Resource,
): ChangeSet {
  const items = optionalArray(list, path) ?? [];
  const puts: Resource[] = [];
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const itemPath = `${path}[${i}]`;
    const name = isObject(item) ? optionalString(item.name, `${itemPath}.name`) : undefined;
    if (!name) {
      throw new ArmError("InvalidRequestFormat", `The item '${itemPath}' must have a 'name'.`, `${itemPath}.name`);
    }
    if (seen.has(name.toLowerCase())) {
      throw new ArmError(
        "DuplicateResourceName",
        `The list '${path}' contains more than one item named '${name}'; names must be unique.`,
        itemPath,
      );
    }
    seen.add(name.toLowerCase());
    const existing = world.get(`${parentId}/${childType.split("/").pop()}/${name}`);
    puts.push({ ...build(name, item, itemPath, existing), etag: ctx.newGuid() });
  });
  const deletes = world
    .under(parentId, childType)
    .filter((c) => !seen.has(c.name.toLowerCase()))
    .map((c) => c.id);
  return { puts, deletes: deletes.filter((d) => !puts.some((p) => idKey(p.id) === idKey(d))) };
}

/** Children of a parent in stored order. */
export function childrenOf(world: World, parentId: string, childType: string): readonly Resource[] {
  return world.under(parentId, childType);
}
