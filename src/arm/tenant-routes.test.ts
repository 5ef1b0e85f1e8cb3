import assert from "node:assert/strict";
import { test } from "node:test";
import { Store } from "../store/index.js";
import { createApp, newRequestId } from "./app.js";
import type { Provider } from "./providers/index.js";
import { PROVIDERS } from "./providers/index.js";

const SUB = "00000000-0000-0000-0000-000000000000";

async function listing(providers: readonly Provider[], namespace: string) {
  const app = await createApp({ store: new Store({ inMemory: true }), providers });
  const sp = app.principals.ensureDefault(new Date());
  const { token } = await app.tokens.issue(
    {
      clientId: sp.clientId,
      tenantId: app.tenantId,
      audience: "https://management.azure.com/",
      issuer: "https://localhost:8443/adfs",
    },
    new Date(),
  );
  const res = await app.handle({
    method: "GET",
    path: `/subscriptions/${SUB}/providers/${namespace}`,
    query: new URLSearchParams("api-version=2021-04-01"),
    headers: { authorization: `Bearer ${token}` },
    rawBody: Buffer.alloc(0),
    baseUrl: "https://localhost:8443",
    requestId: newRequestId(),
  });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body as { namespace: string; resourceTypes: { resourceType: string; apiVersions: string[] }[] };
}

test("every provider lists each resource type once, api-versions newest first", async () => {
  // The Azure CLI resolves a type's api-version only when exactly one entry matches [CLI245].
  for (const provider of PROVIDERS) {
    const body = await listing(PROVIDERS, provider.namespace);
    const names = body.resourceTypes.map((t) => t.resourceType.toLowerCase());
    assert.deepEqual(names, [...new Set(names)], provider.namespace);
    for (const t of body.resourceTypes) {
      assert.ok(t.apiVersions.length > 0, `${provider.namespace}/${t.resourceType}`);
      const dates = t.apiVersions.map((v) => v.slice(0, 10));
      assert.deepEqual(dates, [...dates].sort().reverse(), `${provider.namespace}/${t.resourceType}`);
    }
  }
});

test("a provider's own 'locations' type replaces the generic entry", async () => {
  const provider: Provider = {
    namespace: "Arclink.Test",
    apiVersions: ["2024-01-01", "2025-01-01"],
    types: [
      { type: "Arclink.Test/widgets", kind: "tracked" },
      { type: "Arclink.Test/locations", kind: "virtual", apiVersions: ["2023-01-01"] },
    ],
  };
  const body = await listing([provider], "Arclink.Test");
  assert.deepEqual(
    body.resourceTypes.map((t) => [t.resourceType, t.apiVersions]),
    [
      ["widgets", ["2025-01-01", "2024-01-01"]],
      ["locations", ["2023-01-01"]],
      ["locations/operationStatuses", ["2025-01-01", "2024-01-01"]],
      ["operations", ["2025-01-01", "2024-01-01"]],
    ],
  );
});
