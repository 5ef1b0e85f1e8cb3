import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { idKey } from "./arm-id.js";
import type { Resource } from "./resource.js";
import { SnapshotWorld } from "./snapshot-world.js";
import { type ChangeSet, MapWorld, OverlayWorld, type World } from "./world.js";

// Ids from a small alphabet, so that writes nest under one another, replace, delete and
// come back; the type of an id is a function of the whole id (as in ARM), but not of the
// segment before its name, so the index cannot lean on the collection names.
const segment = fc.constantFrom("a", "B", "c", "sites", "Hosts");
const idArb = fc.array(segment, { minLength: 1, maxLength: 5 }).map((s) => `/${s.join("/")}`);
const typeOf = (id: string) => `T/${idKey(id).length % 3}`;
const resource = (id: string, v: number): Resource => ({ id, name: id, type: typeOf(id), properties: { v } });
const changeArb = fc.record({
  puts: fc.array(fc.tuple(idArb, fc.nat(9)), { maxLength: 6 }),
  deletes: fc.array(idArb, { maxLength: 3 }),
});
const queryArb = fc.tuple(
  fc.oneof(idArb, fc.constant("/"), fc.constant("/A/")),
  fc.option(fc.constantFrom("T/0", "t/1", "T/2")),
);

/** What `under` means, by a scan of every key in insertion order (a Map keeps a rewritten key's place). */
function reference(all: Map<string, Resource>, prefixId: string, type: string | null): string[] {
  const prefix = `${idKey(prefixId)}/`;
  return [...all]
    .filter(([key, r]) => key.startsWith(prefix) && (!type || r.type.toLowerCase() === type.toLowerCase()))
    .map(([, r]) => r.id);
}

test("under answers as a scan would, in insertion order, across snapshots, maps and overlays", () => {
  fc.assert(
    fc.property(
      fc.array(changeArb, { minLength: 1, maxLength: 8 }),
      fc.array(queryArb, { maxLength: 8 }),
      (steps, queries) => {
        const all = new Map<string, Resource>();
        let snapshot = SnapshotWorld.empty();
        const map = new MapWorld();
        const overlay = new OverlayWorld(SnapshotWorld.empty());
        const worlds: [string, () => World][] = [
          ["snapshot", () => snapshot],
          ["map", () => map],
          ["overlay", () => overlay],
        ];
        for (const step of steps) {
          const changes: ChangeSet = { puts: step.puts.map(([id, v]) => resource(id, v)), deletes: step.deletes };
          for (const id of changes.deletes) all.delete(idKey(id));
          for (const r of changes.puts) all.set(idKey(r.id), r);
          snapshot = snapshot.with(changes);
          map.apply(changes);
          overlay.add(changes);
          for (const [prefix, type] of queries) {
            const expected = reference(all, prefix, type);
            for (const [name, world] of worlds) {
              const got = world()
                .under(prefix, type ?? undefined)
                .map((r) => r.id);
              assert.deepEqual(got, expected, `${name}: under(${prefix}, ${type})`);
            }
          }
        }
      },
    ),
    { numRuns: 400 },
  );
});

test("a snapshot written again keeps its index; the older snapshot still answers as before", () => {
  const first = SnapshotWorld.of([resource("/s/sites/one", 0), resource("/s/sites/one/hosts/h1", 0)]);
  const second = first.with({ puts: [resource("/s/sites/one/hosts/h2", 0)], deletes: ["/s/sites/one/hosts/h1"] });
  assert.deepEqual(
    first.under("/s/sites/ONE").map((r) => r.id),
    ["/s/sites/one/hosts/h1"],
  );
  assert.deepEqual(
    second.under("/s/sites/one").map((r) => r.id),
    ["/s/sites/one/hosts/h2"],
  );
});
