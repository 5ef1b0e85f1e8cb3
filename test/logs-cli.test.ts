import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { AuditLog } from "../src/fabric/audit/index.js";
import { auditPath } from "../src/fabric/fabric.js";
import { arclink } from "./helpers/cli.js";

test("arclink logs prints the audit log, filtered by host, as text or JSON; a missing log is a clear error", () => {
  const dir = mkdtempSync(join(tmpdir(), "arclink-logs-"));
  try {
    const log = new AuditLog({ path: auditPath(dir) });
    const host = (name: string) =>
      `/subscriptions/0/resourceGroups/r/providers/Arclink.OnPremises/sites/hq/hosts/${name}`;
    log.record({
      kind: "connection",
      at: "2026-01-01T01:00:00.000Z",
      source: { address: "192.168.1.10", host: host("web01") },
      serverName: "gbl.his.arc.azure.com",
      outcome: "PRIVATE",
      action: "serve",
      reason: "10.10.1.4 is private endpoint",
      trace: { plan: {} },
    });
    log.record({
      kind: "connection",
      at: "2026-01-01T01:00:01.000Z",
      source: { address: "192.168.1.20", host: host("db01") },
      serverName: "gbl.his.arc.azure.com",
      outcome: "REFUSED_NOT_ASSOCIATED",
      action: "refuse",
      reason: "not associated",
    });
    const text = arclink(["logs", "--data", dir, "--host", "web01"]);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /web01 → gbl\.his\.arc\.azure\.com {2}PRIVATE serve/);
    assert.doesNotMatch(text.stdout, /db01/);
    const json = arclink(["logs", "--data", dir, "--json", "--host", "192.168.1.20"]);
    const lines = json.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    assert.deepEqual(
      lines.map((l) => l.outcome),
      ["REFUSED_NOT_ASSOCIATED"],
    );
    const missing = arclink(["logs", "--data", join(dir, "nope")]);
    assert.notEqual(missing.code, 0);
    assert.match(missing.stderr, /No audit log/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
