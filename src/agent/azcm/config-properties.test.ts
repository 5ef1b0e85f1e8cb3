import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AzcmError } from "./azcm-codes.js";
import { changeConfig, configValue, listConfig } from "./config-properties.js";

const refused = (f: () => unknown, code: string, message: RegExp) =>
  assert.throws(f, (e: unknown) => e instanceof AzcmError && e.code === code && message.test(e.message));

describe("agent config properties", () => {
  it("sets, adds, removes and clears proxy.bypass with canonical service names", () => {
    let c = changeConfig({}, "1.45", "proxy.bypass", { kind: "set", values: ["arc"] });
    assert.deepEqual(c["proxy.bypass"], ["Arc"]);
    c = changeConfig(c, "1.45", "proxy.bypass", { kind: "add", values: ["AAD,ARM"] });
    assert.equal(configValue(c, "proxy.bypass"), "Arc,AAD,ARM");
    c = changeConfig(c, "1.45", "proxy.bypass", { kind: "remove", values: ["AAD"] });
    assert.equal(configValue(c, "proxy.bypass"), "Arc,ARM");
    assert.deepEqual(listConfig(changeConfig(c, "1.45", "proxy.bypass", { kind: "clear" })), {
      "proxy.url": "",
      "proxy.bypass": "",
    });
  });
  it("refuses values outside AAD, ARM, Arc, ArcData, AMA and ArcData before 1.36", () => {
    refused(
      () => changeConfig({}, "1.45", "proxy.bypass", { kind: "set", values: ["Storage"] }),
      "AZCM0023",
      /AAD, ARM, Arc, ArcData, AMA/,
    );
    refused(() => changeConfig({}, "1.35", "proxy.bypass", { kind: "set", values: ["ArcData"] }), "AZCM0023", /1\.36/);
  });
  it("gates proxy.url at 1.13 and proxy.bypass at 1.15", () => {
    refused(
      () => changeConfig({}, "1.12", "proxy.url", { kind: "set", values: ["http://p:3128"] }),
      "AZCM0003",
      /1\.13/,
    );
    refused(() => changeConfig({}, "1.14", "proxy.bypass", { kind: "set", values: ["Arc"] }), "AZCM0003", /1\.15/);
  });
  it("validates proxy.url and unknown properties", () => {
    assert.equal(
      changeConfig({}, "1.45", "proxy.url", { kind: "set", values: ["http://192.168.0.5:3128/"] })["proxy.url"],
      "http://192.168.0.5:3128",
    );
    refused(
      () => changeConfig({}, "1.45", "proxy.url", { kind: "set", values: ["socks5://p:1"] }),
      "AZCM0023",
      /proxy\.url/,
    );
    refused(
      () => changeConfig({}, "1.45", "proxy.url", { kind: "add", values: ["http://p:1"] }),
      "AZCM0023",
      /exactly one/,
    );
    refused(() => configValue({}, "extensions.enabled"), "AZCM0023", /Unknown configuration property/);
  });
});
