import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { DEFAULT_WORLD } from "../../cli/up.js";
import { ASSOCIATION_DELAY_MS } from "../../semantics/access/decide.js";
import { DEFAULT_SUBSCRIPTION_ID, openSystem } from "../../system/index.js";
import { parseWorld } from "../../world-file/index.js";
import { VirtualClock } from "../clock.js";
import { createDecider } from "./decider.js";

const WEB01 = `/subscriptions/${DEFAULT_SUBSCRIPTION_ID}/resourceGroups/arc-pl/providers/Microsoft.HybridCompute/machines/web01`;

test("a kept decision lasts until the association delay ends, without a commit or a clock move", () => {
  let real = Date.parse("2026-01-01T00:00:00Z");
  const system = openSystem({ memory: true, clock: new VirtualClock(1, () => real) });
  try {
    const report = system.apply(
      parseWorld(readFileSync(DEFAULT_WORLD, "utf8"), "default.yaml", DEFAULT_SUBSCRIPTION_ID),
    );
    assert.equal(report.errors.length, 0);
    const decider = createDecider({ system });
    const pe = system.snapshot().ofType("Microsoft.Network/privateEndpoints")[0].id;
    const arrival = { privateEndpointId: pe } as Parameters<typeof decider.machine>[1];
    const version = system.version;

    const pending = decider.machine(WEB01, arrival);
    assert.equal(pending.decision === "REFUSE" && pending.reason, "PENDING_ASSOCIATION");
    real += 60_000; // an hour of real time would not matter either: the same decision object is kept
    assert.equal(decider.machine(WEB01, arrival), pending);

    real += ASSOCIATION_DELAY_MS; // virtual time passes the delay: no commit, no clock event
    assert.equal(system.version, version);
    assert.equal(decider.machine(WEB01, arrival).decision, "ALLOW");
  } finally {
    system.close();
  }
});
