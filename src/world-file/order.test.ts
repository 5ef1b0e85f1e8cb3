import assert from "node:assert/strict";
import { test } from "node:test";
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
