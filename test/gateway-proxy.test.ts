import assert from "node:assert/strict";
import { test } from "node:test";
import { labPath } from "../src/labs/index.js";
import { agentConnect } from "./helpers/live-agent.js";
import { HQ, rawFrom, SUB, startLiveFabric } from "./helpers/live-fabric.js";

const SCOPE = `${SUB}/Microsoft.HybridCompute/privateLinkScopes/arc-pls`;

test("a proxy without an Arc bypass carries Arc traffic to the public endpoint: refused while Disabled, accepted once Enabled", async () => {
  const live = await startLiveFabric({ worldPath: labPath("proxy-without-bypass"), dns: true });
  try {
    const web01 = `${HQ}/hosts/web01`;
    const refused = await agentConnect(live, web01, "gbl.his.arc.azure.com");
    assert.deepEqual([refused.wire, refused.outcome], ["refused-403", "REFUSED_PUBLIC_ACCESS_DISABLED"]);
    const tunnel = live.audit.recent().find((e) => e.kind === "proxy" && e.serverName === "gbl.his.arc.azure.com");
    assert.match(tunnel?.reason ?? "", /tunnel to/);
    const entra = await agentConnect(live, web01, "login.microsoftonline.com");
    assert.deepEqual([entra.wire, entra.outcome], ["response", "PUBLIC"]);
    live.system.put(SCOPE, { location: "westeurope", properties: { publicNetworkAccess: "Enabled" } });
    const accepted = await agentConnect(live, web01, "gbl.his.arc.azure.com");
    assert.deepEqual([accepted.wire, accepted.outcome], ["response", "PUBLIC"]);
    // Only CONNECT to 443: a plain GET through the proxy is refused.
    const proxy = live.gateway.table().entries.find((e) => e.entities.some((x) => x.kind === "proxy"));
    const plain = await rawFrom(
      { ...live, port: 3128 },
      live.hostAddress("192.168.1.10"),
      proxy?.realized ?? "",
      "GET http://example.com/ HTTP/1.1\r\nHost: example.com\r\n\r\n",
    );
    assert.match(plain.data, /^HTTP\/1.1 405/);
  } finally {
    await live.close();
  }
});
