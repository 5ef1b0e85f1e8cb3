import assert from "node:assert/strict";
import { test } from "node:test";
import { DEFAULT_WORLD } from "../../cli/up.js";
import { applyAtLabTime, defaultWorldVerifyAt } from "../../labs/index.js";
import { connect } from "../../semantics/connect/index.js";
import { decideLive } from "./live-connection.js";

const { world } = await applyAtLabTime(DEFAULT_WORLD);
const now = defaultWorldVerifyAt();
const SUB = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/arc-pl/providers";
const web01 = `${SUB}/Arclink.OnPremises/sites/hq/hosts/web01`;

test("a client doing what its agent would gets exactly connect()'s decision", () => {
  const predicted = connect(world, web01, "gbl.his.arc.azure.com", now);
  assert.equal(predicted.outcome, "PRIVATE");
  const live = decideLive(
    world,
    { sourceAddress: "192.168.1.10", destinationAddress: predicted.address ?? "", serverName: "gbl.his.arc.azure.com" },
    now,
  );
  assert.deepEqual(live, predicted);
});

test("a machine that is not associated but reaches the private endpoint is refused", () => {
  const pe = connect(world, web01, "gbl.his.arc.azure.com", now).address ?? "";
  const live = decideLive(
    world,
    { sourceAddress: "192.168.1.20", destinationAddress: pe, serverName: "gbl.his.arc.azure.com" },
    now,
  );
  assert.equal(live.outcome, "REFUSED_NOT_ASSOCIATED");
  assert.match(JSON.stringify(live.trace.resolve), /own resolution/);
});

test("an anonymous address gets no access decision", () => {
  const live = decideLive(
    world,
    { sourceAddress: "192.168.0.77", destinationAddress: "10.10.1.4", serverName: "gbl.his.arc.azure.com" },
    now,
  );
  assert.equal(live.trace.access, undefined);
  assert.ok(["PRIVATE", "BLOCKED_BY_NSG", "NO_ROUTE"].includes(live.outcome), live.outcome);
});
