import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { lookupPublicName } from "../dns/public-names.js";
import { agentEndpoints, isPrivateLinkCapable, serviceOfName } from "./agent-endpoints.js";
import { compareVersions, supports } from "./agent-version.js";
import { bypassCovers } from "./proxy-bypass.js";

describe("agent endpoints", () => {
  it("lists the regional HIS and guest configuration names for West Europe", () => {
    const names = agentEndpoints("West Europe").map((e) => e.probeName);
    for (const n of [
      "gbl.his.arc.azure.com",
      "weu.his.arc.azure.com",
      "agentserviceapi.guestconfiguration.azure.com",
      "westeurope-gas.guestconfiguration.azure.com",
      "management.azure.com",
      "login.microsoftonline.com",
    ]) {
      assert.ok(names.includes(n), n);
    }
  });

  it("has no regional HIS name for a region without a known code", () => {
    assert.ok(
      !agentEndpoints("westus").some(
        (e) => e.probeName.endsWith(".his.arc.azure.com") && !e.probeName.startsWith("gbl."),
      ),
    );
  });

  it("uses ARM only at connect and disconnect; only Arc names are private-capable", () => {
    const eps = agentEndpoints("eastus");
    assert.deepEqual(eps.find((e) => e.fqdn === "management.azure.com")?.phases, ["connect", "disconnect"]);
    for (const e of eps) assert.equal(e.privateLinkCapable, isPrivateLinkCapable(e.probeName), e.fqdn);
    assert.ok(eps.filter((e) => e.privateLinkCapable).every((e) => e.service === "Arc"));
  });

  it("every probe name exists on the public internet", () => {
    for (const e of agentEndpoints("westeurope")) assert.ok(lookupPublicName({}, e.probeName).exists, e.probeName);
  });

  it("classifies names by service", () => {
    assert.equal(serviceOfName("eus.his.arc.azure.com"), "Arc");
    assert.equal(serviceOfName("x.login.microsoft.com"), "EntraId");
    assert.equal(serviceOfName("example.org"), "Other");
  });
});

describe("agent versions and bypass", () => {
  it("compares versions numerically", () => {
    assert.equal(compareVersions("1.4", "1.15"), -1);
    assert.equal(compareVersions("1.45.02737.1234", "1.45"), 1);
    assert.equal(compareVersions("1.36", "1.36.0"), 0);
    assert.ok(supports("1.15", "proxy-bypass") && !supports("1.14.9", "proxy-bypass"));
  });

  it("Arc covered Arc data services before 1.36 only", () => {
    assert.equal(bypassCovers("Arc", "x.westeurope.arcdataservices.com", "1.35"), true);
    assert.equal(bypassCovers("Arc", "x.westeurope.arcdataservices.com", "1.36"), false);
    assert.equal(bypassCovers("ArcData", "x.westeurope.arcdataservices.com", "1.36"), true);
    assert.equal(bypassCovers("AAD", "login.microsoftonline.com", "1.45"), true);
    assert.equal(bypassCovers("AMA", "management.azure.com", "1.45"), true);
  });
});
