import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { dependencyOrder } from "./order.js";
import type { WorldEntry } from "./parse.js";

const S = "/subscriptions/0";
const entry = (id: string, body: Record<string, unknown> = {}, line = 0): WorldEntry => ({
  id: `${S}${id}`,
  body,
  line,
});

test("parents and referenced resources come first, whatever the file order", () => {
  const pe = entry("/resourceGroups/rg/providers/Microsoft.Network/privateEndpoints/pe", {
    properties: { subnet: { id: `${S}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub/subnets/pe` } },
  });
  const vnet = entry("/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub");
  const rg = entry("/resourceGroups/rg");
  const { order } = dependencyOrder([pe, vnet, rg]);
  assert.deepEqual(order, [rg, vnet, pe]);
});

test("independent entries keep file order", () => {
  const a = entry("/resourceGroups/a");
  const b = entry("/resourceGroups/b");
  const c = entry("/resourceGroups/c");
  assert.deepEqual(dependencyOrder([c, a, b]).order, [c, a, b]);
});

test("a cycle falls back to file order instead of failing", () => {
  const id = (n: string) => `${S}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/${n}`;
  const x = entry("/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/x", { peer: id("y") });
  const y = entry("/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/y", { peer: id("x") });
  const { order } = dependencyOrder([x, y]);
  assert.deepEqual(order, [x, y]);
});

/** The order as first written (quadratic): the first entry in file order whose dependencies are placed, else the first not placed. */
function firstReady(entries: readonly WorldEntry[], dependsOn: Map<number, number[]>): WorldEntry[] {
  const done = new Set<number>();
  const order: WorldEntry[] = [];
  while (done.size < entries.length) {
    let next = entries.findIndex((_e, i) => !done.has(i) && dependsOn.get(i)!.every((d) => done.has(d)));
    if (next === -1) next = entries.findIndex((_e, i) => !done.has(i));
    done.add(next);
    order.push(entries[next]);
  }
  return order;
}

test("property: the order is the first-ready order, cycles and all", () => {
  const name = fc.constantFrom("a", "b", "c", "d", "e", "f");
  const vnetId = (n: string) => `${S}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/${n}`;
  const entryArb = fc
    .tuple(fc.constantFrom("rg", "vnet", "subnet"), name, fc.array(name, { maxLength: 3 }))
    .map(([kind, n, refs]) =>
      kind === "rg"
        ? entry(`/resourceGroups/rg${n}`)
        : entry(
            `/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/${n}${kind === "subnet" ? `/subnets/${refs[0] ?? "s"}` : ""}`,
            {
              peers: refs.map(vnetId),
            },
          ),
    );
  fc.assert(
    fc.property(fc.array(entryArb, { maxLength: 14 }), (entries) => {
      const { order, dependsOn } = dependencyOrder(entries);
      assert.deepEqual(order, firstReady(entries, dependsOn));
    }),
    { numRuns: 500 },
  );
});
