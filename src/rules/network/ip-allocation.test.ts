import assert from "node:assert/strict";
import { test } from "node:test";
import { usedAddresses } from "../../semantics/model/subnet-addresses.js";
import { MapWorld, type Resource } from "../../world/index.js";
import { allocateAddresses } from "./ip-allocation.js";

const SUBNET = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/a";
const subnet: Resource = {
  id: SUBNET,
  name: "a",
  type: "Microsoft.Network/virtualNetworks/subnets",
  properties: { addressPrefix: "10.0.1.0/28" },
};
const nic = (name: string, ip: string): Resource => {
  const id = `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkInterfaces/${name}`;
  return {
    id,
    name,
    type: "Microsoft.Network/networkInterfaces",
    properties: {
      ipConfigurations: [
        { id: `${id}/ipConfigurations/c`, properties: { privateIPAddress: ip, subnet: { id: SUBNET } } },
      ],
    },
  };
};

test("dynamic addresses skip the reserved and the taken ones", () => {
  const world = new MapWorld([subnet, nic("n1", "10.0.1.4")]);
  assert.deepEqual([...usedAddresses(world, SUBNET).keys()], ["10.0.1.4"]);
  const got = allocateAddresses(world, subnet, [{ key: "a" }, { key: "b", address: "10.0.1.6" }, { key: "c" }]);
  assert.deepEqual(Object.fromEntries(got), { b: "10.0.1.6", a: "10.0.1.5", c: "10.0.1.7" });
});

test("static errors and a full subnet carry Azure's codes and name the holder", () => {
  const world = new MapWorld([subnet, nic("n1", "10.0.1.4")]);
  const fails = (requests: { key: string; address?: string }[], code: string, pattern: RegExp) =>
    assert.throws(
      () => allocateAddresses(world, subnet, requests),
      (e: { code: string; message: string }) => e.code === code && pattern.test(e.message),
    );
  fails([{ key: "a", address: "10.0.2.4" }], "PrivateIPAddressNotInSubnet", /10\.0\.1\.0\/28/);
  fails([{ key: "a", address: "10.0.1.15" }], "PrivateIPAddressInReservedRange", /10\.0\.1\.15/);
  fails([{ key: "a", address: "10.0.1.4" }], "PrivateIPAddressIsAllocated", /networkInterfaces\/n1/);
  fails(
    Array.from({ length: 11 }, (_, i) => ({ key: String(i) })),
    "SubnetIsFull",
    /11 IP addresses/,
  );
});
