import assert from "node:assert/strict";
import { test } from "node:test";
import { checkRelativeName, recordCount, recordSetProperties } from "./record-data.js";

test("record data: defaults, own field only, apex rules", () => {
  assert.deepEqual(recordSetProperties("A", { aRecords: [{ ipv4Address: "10.0.0.4" }] }, "www"), {
    ttl: 3600,
    aRecords: [{ ipv4Address: "10.0.0.4" }],
  });
  assert.equal(recordSetProperties("SOA", {}, "@").soaRecord !== undefined, true);
  assert.throws(() => recordSetProperties("A", { txtRecords: [] }, "x"), /txtRecords/);
  assert.throws(() => recordSetProperties("AAAA", { aaaaRecords: [{ ipv6Address: "10.0.0.1" }] }, "x"), /IPv6/);
  assert.throws(
    () => recordSetProperties("MX", { mxRecords: [{ preference: 70000, exchange: "m.x.com" }] }, "x"),
    /0 to 65535/,
  );
  assert.throws(() => recordSetProperties("CNAME", { cnameRecord: { cname: "x.com" } }, "@"), /apex/);
  assert.equal(recordCount("TXT", { txtRecords: [{ value: ["a"] }, { value: ["b"] }] }), 2);
  assert.doesNotThrow(() => checkRelativeName("*.app", "contoso.com"));
  assert.throws(() => checkRelativeName("a.*", "contoso.com"), /invalid/);
});
