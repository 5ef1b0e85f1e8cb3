import assert from "node:assert/strict";
import { test } from "node:test";
import { apiVersionAtLeast, HYBRID_COMPUTE_API_VERSIONS, SERVICE_EXTENSIONS_SINCE } from "./api-versions.js";

test("the accepted api-versions include what the clients send [facts §1]", () => {
  for (const v of ["2021-05-20", "2022-12-27", "2024-03-31-preview", "2025-01-13", "2026-09-01"]) {
    assert.ok(HYBRID_COMPUTE_API_VERSIONS.includes(v), v);
  }
});

test("apiVersionAtLeast compares by date, previews included", () => {
  assert.equal(apiVersionAtLeast("2026-09-01", SERVICE_EXTENSIONS_SINCE), true);
  assert.equal(apiVersionAtLeast("2026-07-15", SERVICE_EXTENSIONS_SINCE), true);
  assert.equal(apiVersionAtLeast("2025-01-13", SERVICE_EXTENSIONS_SINCE), false);
  assert.equal(apiVersionAtLeast("2024-03-31-preview", SERVICE_EXTENSIONS_SINCE), false);
});
