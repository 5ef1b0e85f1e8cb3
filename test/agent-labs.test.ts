import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { runCheck } from "../src/agent/lifecycle/index.js";
import { DEFAULT_WORLD } from "../src/cli/up.js";
import { LABS, labPath } from "../src/labs/index.js";
import { HOST_TYPE } from "../src/semantics/model/premises.js";
import { type AgentLab, loadWorldInto, startAgentLab } from "./helpers/agent-lab.js";

// Live equals predicted: for the default world and every lab, each host's `agent check` row
// (over the live DNS servers, gateway and proxies) agrees with what `arclink verify`
// predicts for the same host and endpoint at the same instant.
let lab: AgentLab;
before(async () => {
  lab = await startAgentLab(DEFAULT_WORLD);
});
after(() => lab.close());

const worlds = [
  { name: "default", path: DEFAULT_WORLD },
  ...LABS.map((l) => ({ name: l.name, path: labPath(l.name) })),
];

test("every live check row of every host of every lab equals the verifier's prediction", async (t) => {
  let compared = 0;
  const disagreements: string[] = [];
  for (const world of worlds) {
    await loadWorldInto(lab.running, world.path, world.name !== "association-pending");
    const hosts = lab.running.system
      .snapshot()
      .ofType(HOST_TYPE)
      .filter((h) => h.properties.agent);
    for (const host of hosts) {
      let rows: Awaited<ReturnType<typeof runCheck>>;
      try {
        rows = await runCheck(lab.env, host.id, {});
      } catch (error) {
        disagreements.push(`${world.name} ${host.name}: ${(error as Error).message}`);
        continue;
      }
      for (const r of rows.filter((x) => x.served)) {
        compared++;
        if (!r.agrees)
          disagreements.push(`${world.name} ${host.name} ${r.endpoint}: live ${r.detail}, predicted ${r.predicted}`);
      }
    }
  }
  t.diagnostic(`${compared} live rows over ${worlds.length} worlds compared`);
  assert.deepEqual(disagreements, []);
  assert.ok(compared > 100, `compared ${compared} rows`);
});
