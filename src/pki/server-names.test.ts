import assert from "node:assert/strict";
import { test } from "node:test";
import { serverNames } from "./server-names.js";

const INTERFACES = {
  lo: [{ address: "127.0.0.1" }, { address: "::1" }],
  eth0: [{ address: "10.0.0.5" }, { address: "fe80::1%eth0" }],
  docker0: undefined,
};

test("loopback, the listening host, every machine address, then Azure's hosts", () => {
  assert.deepEqual(serverNames("127.0.0.1", INTERFACES), [
    "localhost",
    "127.0.0.1",
    "::1",
    "10.0.0.5",
    "fe80::1",
    "management.azure.com",
    "login.microsoftonline.com",
  ]);
});

test("a named or bracketed host is covered; unspecified addresses are never names", () => {
  assert.ok(serverNames("Arclink.Lab", INTERFACES).includes("arclink.lab"));
  assert.ok(serverNames("[::1]", INTERFACES).includes("::1"));
  for (const host of ["0.0.0.0", "::"]) {
    const names = serverNames(host, INTERFACES);
    assert.ok(!names.includes("0.0.0.0") && !names.includes("::"), host);
    assert.ok(names.includes("10.0.0.5"));
  }
});
