import assert from "node:assert/strict";
import { test } from "node:test";
import { checkZoneName } from "./zone-name.js";

test("zone names: label counts, label syntax and the exact reserved list", () => {
  assert.equal(checkZoneName("privatelink.his.arc.azure.com"), undefined);
  assert.equal(checkZoneName("contoso.local"), undefined);
  assert.equal(checkZoneName("local")?.code, "InvalidResourceName");
  assert.equal(checkZoneName(Array.from({ length: 35 }, () => "a").join("."))?.code, "InvalidResourceName");
  assert.equal(checkZoneName("-bad.com")?.code, "InvalidResourceName");
  for (const name of ["azure.com", "AZURE.com", "core.windows.net", "usgovcloudapi.net", "chinacloudapp.cn"]) {
    assert.equal(checkZoneName(name)?.code, "ReservedResourceName", name);
  }
});
