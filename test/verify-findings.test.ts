// A test per finding code: a world with one mistake raises it; and the documented setup
// raises nothing at all, so no code is over-reported.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ARC_IDS, privateDnsZone } from "../src/semantics/testing/index.js";
import { FINDING_CODES, FINDINGS } from "../src/verify/findings-catalog.js";
import { verifyWorld } from "../src/verify/verify-world.js";
import { CASES, NOW, world } from "./verify-worlds.js";

const codes = (w = world(), now = NOW) => verifyWorld(w, { now }).findings.map((f) => f.code);

test("the documented setup has no findings at all", () => {
  const report = verifyWorld(world(), { now: NOW });
  assert.deepEqual(
    report.findings.map((f) => `${f.code}: ${f.message}`),
    [],
  );
  assert.ok(report.verdicts.length > 0);
});

test("every catalogued code has a case here", () => {
  assert.deepEqual(
    FINDING_CODES.filter((c) => !CASES[c]),
    [],
  );
});

describe("each finding code is raised by its mistake", () => {
  for (const code of FINDING_CODES) {
    test(code, () => {
      const c = CASES[code];
      const report = verifyWorld(c.world(), { now: c.now ?? NOW });
      const found = report.findings.filter((f) => f.code === code);
      assert.ok(found.length > 0, `no ${code}; got ${report.findings.map((f) => f.code).join(", ") || "nothing"}`);
      for (const f of found) {
        assert.equal(f.severity, FINDINGS[code].severity);
        assert.equal(f.source, FINDINGS[code].source);
        assert.ok(f.message.length > 0 && f.fix.length > 0 && f.rule.length > 0);
        assert.ok(f.hostId ?? f.resourceId, "a finding names a host or a resource");
      }
    });
  }
});

describe("the fix closes the finding", () => {
  for (const code of FINDING_CODES) {
    const c = CASES[code];
    test(code, { skip: c.noFix }, () => {
      assert.ok(c.fix || c.fixAt, `${code}: a fix, a later time, or noFix with a reason`);
      const before = verifyWorld(c.world(), { now: c.now ?? NOW });
      assert.ok(before.findings.some((f) => f.code === code));
      const after = verifyWorld(c.world(c.fix), { now: c.fixAt ?? c.now ?? NOW });
      const left = after.findings.filter((f) => f.code === code).map((f) => f.message);
      assert.deepEqual(left, [], `${code} after its fix`);
      // A fix closes its finding without opening an error elsewhere.
      assert.deepEqual(
        after.findings.filter((f) => f.severity === "error").map((f) => `${f.code}: ${f.message}`),
        [],
      );
    });
  }
});

describe("not over-reported", () => {
  test("a missing optional dp zone is nothing; a right one is nothing", () => {
    const w = world({}, (r) => r.filter((x) => !x.id.includes("privatelink.dp.kubernetesconfiguration")));
    assert.deepEqual(codes(w), []);
  });

  test("a wrong dp zone name is only a warning", () => {
    const report = verifyWorld(CASES["ARC-ZONE-NAME-WRONG-OPTIONAL"].world(), { now: NOW });
    assert.deepEqual(
      report.findings.map((f) => `${f.severity} ${f.code}`),
      ["warning ARC-ZONE-NAME-WRONG-OPTIONAL"],
    );
  });

  test("forwarding privatelink. names with CNAME chasing still resolves privately: a warning, no error", () => {
    const report = verifyWorld(CASES["ARC-FWD-PRIVATELINK"].world(), { now: NOW });
    assert.deepEqual(
      report.findings.filter((f) => f.severity === "error").map((f) => f.code),
      [],
    );
    assert.ok(report.verdicts.filter((v) => v.privateLinkExpected).every((v) => v.verdict === "PRIVATE"));
  });

  test("a complete, correct hosts file raises nothing", () => {
    const file = [
      "10.10.1.4 gbl.his.arc.azure.com",
      "10.10.1.5 weu.his.arc.azure.com",
      "10.10.1.6 agentserviceapi.guestconfiguration.azure.com",
      "10.10.1.7 westeurope-gas.guestconfiguration.azure.com",
    ];
    assert.deepEqual(codes(world({ hostsFile: file.join("\r\n") })), []);
  });

  test("a private endpoint in another region than its scope is fine (only machine and scope must match)", () => {
    const w = world({}, (r) => r.map((x) => (x.id === ARC_IDS.pe ? { ...x, location: "northeurope" } : x)));
    assert.deepEqual(codes(w), []);
  });

  test("a correctly named extra zone that is not Arc's raises nothing", () => {
    assert.deepEqual(codes(world({}, (r) => [...r, privateDnsZone("privatelink.blob.core.windows.net")])), []);
  });

  test("a pending association is a warning with the verdict PENDING_ASSOCIATION, and the proof still holds", () => {
    const report = verifyWorld(world(), { now: new Date("2026-01-01T00:05:00Z") });
    assert.deepEqual(
      [...new Set(report.findings.map((f) => `${f.severity} ${f.code}`))],
      ["warning ARC-ACCESS-PENDING"],
    );
    assert.ok(report.proof.holds);
  });

  test("--host limits rows and host findings, not world-wide findings", () => {
    const w = CASES["ARC-DNS-SHARED-RESOLVER"].world();
    const report = verifyWorld(w, { now: NOW, hosts: ["dc1/srv1"] });
    assert.deepEqual([...new Set(report.verdicts.map((v) => v.hostId))], [ARC_IDS.host]);
    assert.deepEqual([...new Set(report.findings.map((f) => f.code))], ["ARC-DNS-SHARED-RESOLVER"]);
  });
});
