// The no-exfiltration proof (issue 4 §6): every Arc endpoint of every private-link
// machine reaches a private endpoint of its own scope, or a counterexample with its path.
import assert from "node:assert/strict";
import { test } from "node:test";
import { ARC_IDS, ARC_IPS, host, machine, withProperties, worldOf } from "../src/semantics/testing/index.js";
import { traceLines } from "../src/verify/trace-text.js";
import { verifyWorld } from "../src/verify/verify-world.js";
import { CASES, NOW, world } from "./verify-worlds.js";

test("the documented setup proves, and lists the public dependencies with their rules", () => {
  const { proof } = verifyWorld(world(), { now: NOW });
  assert.equal(proof.holds, true);
  assert.equal(proof.machines, 1);
  assert.equal(proof.checked, 4);
  assert.deepEqual(proof.counterexamples, []);
  const services = new Set(proof.publicDependencies.map((d) => d.service));
  assert.deepEqual([...services].sort(), ["ARM", "EntraId", "Notifications"]);
  for (const d of proof.publicDependencies) assert.match(d.source, /DOC-(PL|NET)/);
  assert.ok(proof.publicDependencies.some((d) => d.endpoint === "login.microsoftonline.com"));
});

test("one Arc name resolving publicly is a counterexample whose path shows the public answer", () => {
  const { proof } = verifyWorld(CASES["ARC-ACCESS-PUBLIC-PATH"].world(), { now: NOW });
  assert.equal(proof.holds, false);
  const gbl = proof.counterexamples.find((c) => c.endpoint === "gbl.his.arc.azure.com");
  assert.ok(gbl);
  assert.equal(gbl.verdict, "PUBLIC");
  assert.equal(gbl.scopeId, ARC_IDS.scope);
  const path = traceLines(gbl.row).join("\n");
  assert.match(path, /public DNS has/);
  assert.match(path, /verdict: PUBLIC/);
});

test("only one Arc name public: exactly that counterexample", () => {
  const { proof } = verifyWorld(world({ hostsFile: "20.0.0.1 weu.his.arc.azure.com\n" }), { now: NOW });
  assert.deepEqual(
    proof.counterexamples.map((c) => `${c.endpoint} ${c.verdict}`),
    ["weu.his.arc.azure.com REFUSED_PUBLIC_ACCESS_DISABLED"],
  );
});

test("an Arc name reaching another scope's endpoint is a counterexample naming that scope", () => {
  const shared = [...CASES["ARC-ZONE-SHARED-SCOPES"].world().all()];
  const w = worldOf(withProperties(shared, ARC_IDS.host, { hostsFile: "10.20.1.4 weu.his.arc.azure.com\n" }));
  const { proof } = verifyWorld(w, { now: NOW });
  const weu = proof.counterexamples.find((c) => c.endpoint === "weu.his.arc.azure.com");
  assert.ok(
    weu?.reachedScopeId?.endsWith("/other-pls"),
    JSON.stringify(proof.counterexamples.map((c) => c.reachedScopeId)),
  );
  assert.equal(weu?.verdict, "REFUSED_NOT_ASSOCIATED");
});

test("machines with no scope are not part of the proof", () => {
  const w = world({}, (r) => {
    const m = machine("plain");
    return [
      ...r,
      m,
      host(ARC_IDS.site, "plain", {
        address: "192.168.0.30",
        dnsServers: ["1.1.1.1"],
        agent: { version: "1.45", config: {}, environment: {} },
        machineId: m.id,
      }),
    ];
  });
  const { proof } = verifyWorld(w, { now: NOW });
  assert.equal(proof.machines, 1);
  assert.equal(proof.holds, true);
  assert.ok(ARC_IPS.gbl);
});
