import type { Resource } from "./resource.js";

/** The network provider prefix of the small worlds the world tests build. */
export const TEST_NETWORK = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network";

/** A virtual network named `name` with `extra` as its properties (tests of the World views). */
export function testVnet(name: string, extra: Record<string, unknown> = {}): Resource {
  return {
    id: `${TEST_NETWORK}/virtualNetworks/${name}`,
    name,
    type: "Microsoft.Network/virtualNetworks",
    properties: extra,
  };
}

/** A subnet `name` of virtual network `vnet` (tests of the World views). */
export function testSubnet(vnet: string, name: string): Resource {
  return {
    id: `${TEST_NETWORK}/virtualNetworks/${vnet}/subnets/${name}`,
    name,
    type: "Microsoft.Network/virtualNetworks/subnets",
    properties: {},
  };
}
