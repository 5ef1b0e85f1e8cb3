import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AzcmError } from "./azcm-codes.js";
import { type ConnectFlags, parseTags, validateConnectFlags } from "./connect-flags.js";

const G = "11111111-2222-3333-4444-555555555555";
const SCOPE = `/subscriptions/${G}/resourceGroups/arc-pl/providers/Microsoft.HybridCompute/privateLinkScopes/arc-pls`;
const ok: ConnectFlags = {
  servicePrincipalId: G,
  servicePrincipalSecret: "s3cret",
  tenantId: G,
  subscriptionId: G,
  resourceGroup: "arc-pl",
  location: "West Europe",
};

const fails = (flags: ConnectFlags, code: string, message: RegExp) =>
  assert.throws(
    () => validateConnectFlags(flags, "web01"),
    (e: unknown) =>
      e instanceof AzcmError && e.code === code && message.test(e.message) && e.exitCode === Number(code.slice(4)),
  );

describe("connect flags", () => {
  it("accepts the documented service principal flags; the region is canonical; the host name is the default resource name", () => {
    const r = validateConnectFlags({ ...ok, privateLinkScope: SCOPE, tags: "env=lab" }, "web01");
    assert.equal(r.location, "westeurope");
    assert.equal(r.resourceName, "web01");
    assert.deepEqual(r.tags, { env: "lab" });
    assert.equal(r.privateLinkScope, SCOPE);
  });
  it("names every missing mandatory parameter (AZCM0016)", () => {
    fails({ ...ok, location: undefined, tenantId: "" }, "AZCM0016", /--tenant-id, --location/);
  });
  it("refuses malformed values (AZCM0023) and unknown regions (AZCM0020)", () => {
    fails({ ...ok, subscriptionId: "not-a-guid" }, "AZCM0023", /--subscription-id: expected a GUID/);
    fails({ ...ok, privateLinkScope: "arc-pls" }, "AZCM0023", /--private-link-scope/);
    fails({ ...ok, cloud: "Mars" }, "AZCM0023", /--cloud/);
    fails({ ...ok, resourceName: "bad-" }, "AZCM0023", /--resource-name/);
    fails({ ...ok, tags: "=x" }, "AZCM0023", /--tags/);
    fails({ ...ok, location: "atlantis" }, "AZCM0020", /atlantis/);
    fails({ ...ok, cloud: "AzureChinaCloud" }, "AZCM0003", /not modelled/);
  });
  it("parses tags with quoted values", () => {
    assert.deepEqual(parseTags("a=1,b='two words', c=\"x,y\""), { a: "1", b: "two words", c: "x,y" });
  });
});
