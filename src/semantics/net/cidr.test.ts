import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { firstHost, inPrefix, isPublicAddress, portMatches } from "./cidr.js";
import { fqdnMatches } from "./egress-firewall.js";
import { inServiceTag } from "./service-tag-match.js";

describe("address and port matching", () => {
  it("matches CIDRs and single addresses", () => {
    assert.ok(inPrefix("10.10.1.4", "10.10.0.0/16"));
    assert.ok(!inPrefix("10.11.1.4", "10.10.0.0/16"));
    assert.ok(inPrefix("10.10.1.4", "10.10.1.4"));
    assert.ok(!inPrefix("10.10.1.4", "fd00::/8"));
    assert.ok(!inPrefix("nope", "10.0.0.0/8"));
  });
  it("tells public from private", () => {
    assert.ok(isPublicAddress("20.190.128.1"));
    for (const a of ["10.0.0.1", "192.168.1.1", "172.16.0.1", "100.64.0.1", "127.0.0.1"])
      assert.ok(!isPublicAddress(a), a);
  });
  it("first host of a prefix", () => assert.equal(firstHost("10.10.2.0/28"), "10.10.2.1"));
  it("port ranges", () => {
    assert.ok(portMatches(["*"], 53) && portMatches(["443"], 443) && portMatches(["80-90"], 85));
    assert.ok(!portMatches(["80-90"], 443));
  });
  it("FQDN patterns", () => {
    assert.ok(fqdnMatches("*.his.arc.azure.com", "GBL.his.arc.azure.com."));
    assert.ok(!fqdnMatches("*.his.arc.azure.com", "his.arc.azure.com"));
    assert.ok(fqdnMatches("management.azure.com", "management.azure.com"));
  });
  it("service tags by name, case-insensitively", () => {
    assert.ok(inServiceTag({}, "azureactivedirectory", "20.190.128.1"));
    assert.ok(!inServiceTag({}, "AzureResourceManager", "20.190.128.1"));
    assert.ok(!inServiceTag({}, "NoSuchTag", "20.190.128.1"));
  });
});
