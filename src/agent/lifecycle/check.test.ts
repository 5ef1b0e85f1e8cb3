import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { AgentPlan } from "../../semantics/agent/plan.js";
import { checkTable, rowOf } from "./check.js";
import type { EndpointCall } from "./endpoint-call.js";

const plan = { result: "PLANNED" } as AgentPlan;
const call = (over: Partial<EndpointCall>): EndpointCall => ({
  name: "gbl.his.arc.azure.com",
  plan,
  result: { kind: "response", status: 404, tls: true },
  ...over,
});

describe("check rows", () => {
  it("a service that answers is reachable; a private address is private; it agrees with PRIVATE", () => {
    const r = rowOf(call({ address: "10.10.1.4" }), "PRIVATE");
    assert.deepEqual([r.reachable, r.private, r.tls, r.proxy, r.agrees], [true, true, true, "none", true]);
  });
  it("a scope refusal is not reachable and names the refusal; it agrees with the refusal outcome", () => {
    const r = rowOf(
      call({
        address: "10.10.1.4",
        result: {
          kind: "response",
          status: 403,
          tls: true,
          json: { error: { code: "MachineNotAssociatedWithPrivateLinkScope", message: "refused" } },
        },
      }),
      "REFUSED_NOT_ASSOCIATED",
    );
    assert.equal(r.reachable, false);
    assert.match(r.detail, /MachineNotAssociatedWithPrivateLinkScope: refused/);
    assert.equal(r.agrees, true);
  });
  it("a timeout where the verifier predicts PUBLIC disagrees", () => {
    const r = rowOf(call({ address: "20.1.2.3", result: { kind: "timeout", tls: false } }), "PUBLIC");
    assert.deepEqual([r.reachable, r.private, r.agrees], [false, false, false]);
  });
  it("names without a front door are not compared", () => {
    const r = rowOf(
      call({ name: "guestnotificationservice.azure.com", result: { kind: "reset", tls: false } }),
      "PUBLIC",
    );
    assert.deepEqual([r.served, r.agrees], [false, true]);
  });
  it("prints azcmagent's columns", () => {
    const table = checkTable([rowOf(call({ address: "10.10.1.4" }), "PRIVATE")]);
    assert.equal(table.split("\n")[0], "ENDPOINT              | REACHABLE | PRIVATE | TLS  | PROXY");
    assert.equal(table.split("\n")[1], "gbl.his.arc.azure.com | true      | true    | true | none");
  });
});
