import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ARC_IDS, ARC_IPS, arcPrivateLinkResources, worldOf } from "../testing/index.js";
import { type AgentPlan, plan } from "./plan.js";

const now = new Date("2026-02-01T00:00:00Z");
const planWith = (agent: Record<string, unknown> | undefined, endpoint: string): AgentPlan => {
  const resources = arcPrivateLinkResources({ agent }).map((r) =>
    r.id === ARC_IDS.host && agent === undefined ? { ...r, properties: { ...r.properties, agent: undefined } } : r,
  );
  return plan(worldOf(resources), ARC_IDS.host, endpoint, now);
};
const proxyUrl = `http://${ARC_IPS.proxy}:3128`;

describe("plan", () => {
  it("goes direct with no proxy, resolving on the host", () => {
    const p = planWith({ version: "1.45", config: {}, environment: {} }, "gbl.his.arc.azure.com");
    assert.equal(p.result, "PLANNED");
    if (p.result !== "PLANNED") return;
    assert.deepEqual(p.route, { kind: "direct" });
    assert.deepEqual(p.resolveFrom, { kind: "host", hostId: ARC_IDS.host });
    assert.equal(p.privateLinkExpected, true);
    assert.equal(p.service, "Arc");
  });

  it("proxy.url takes precedence over HTTPS_PROXY and finds the site's proxy", () => {
    const p = planWith(
      { version: "1.45", config: { "proxy.url": proxyUrl }, environment: { HTTPS_PROXY: "http://10.1.1.1:8080" } },
      "login.microsoftonline.com",
    );
    assert.equal(p.result, "PLANNED");
    if (p.result !== "PLANNED") return;
    assert.deepEqual(p.route, {
      kind: "proxy",
      url: proxyUrl,
      host: ARC_IPS.proxy,
      port: 3128,
      source: "proxy.url",
      proxyId: ARC_IDS.proxy,
    });
    assert.deepEqual(p.resolveFrom, { kind: "proxy", proxyId: ARC_IDS.proxy });
    assert.equal(p.privateLinkExpected, false);
  });

  it("uses HTTPS_PROXY when no proxy.url is set", () => {
    const p = planWith(
      { version: "1.10", config: {}, environment: { HTTPS_PROXY: "http://proxy.corp:8080" } },
      "management.azure.com",
    );
    assert.equal(p.result === "PLANNED" && p.route.kind === "proxy" && p.route.source, "HTTPS_PROXY");
    assert.equal(p.result === "PLANNED" && p.resolveFrom, undefined);
  });

  it("proxy.bypass Arc sends Arc names direct and Entra through the proxy", () => {
    const agent = { version: "1.45", config: { "proxy.url": proxyUrl, "proxy.bypass": ["Arc"] }, environment: {} };
    const arc = planWith(agent, "weu.his.arc.azure.com");
    const aad = planWith(agent, "login.microsoftonline.com");
    assert.equal(arc.result === "PLANNED" && arc.route.kind, "direct");
    assert.equal(aad.result === "PLANNED" && aad.route.kind, "proxy");
  });

  it("Linux 1.15: Arc also covers Entra ID (known issue); 1.16 and an AAD value do not raise it", () => {
    const on = (version: string, bypassList: string[]) =>
      planWith(
        { version, config: { "proxy.url": proxyUrl, "proxy.bypass": bypassList }, environment: {} },
        "login.windows.net",
      );
    const buggy = on("1.15", ["Arc"]);
    assert.equal(buggy.result === "PLANNED" && buggy.route.kind, "direct");
    assert.deepEqual(buggy.result === "PLANNED" && buggy.knownIssues, ["arc-bypass-includes-entra"]);
    const fixed = on("1.16", ["Arc"]);
    assert.equal(fixed.result === "PLANNED" && fixed.route.kind, "proxy");
    const aad = on("1.15", ["Arc", "AAD"]);
    assert.equal(aad.result === "PLANNED" && aad.route.kind, "direct");
    assert.equal(aad.result === "PLANNED" && aad.knownIssues, undefined);
  });

  it("notifications: polling fallback from 1.13; storage under private link is a known issue on 1.19", () => {
    const n = planWith({ version: "1.13", config: {}, environment: {} }, "guestnotificationservice.azure.com");
    assert.equal(n.result === "PLANNED" && n.fallback, "polling");
    const old = planWith({ version: "1.12", config: {}, environment: {} }, "guestnotificationservice.azure.com");
    assert.equal(old.result === "PLANNED" && old.fallback, undefined);
    const blob = planWith(
      { version: "1.19", config: {}, environment: {} },
      "westeuropeextensions.blob.core.windows.net",
    );
    assert.deepEqual(blob.result === "PLANNED" && blob.knownIssues, ["public-extension-download"]);
  });

  it("accepts a comma-separated bypass string", () => {
    const p = planWith(
      { version: "1.45", config: { "proxy.url": proxyUrl, "proxy.bypass": "AAD, ARM" }, environment: {} },
      "management.azure.com",
    );
    assert.equal(p.result === "PLANNED" && p.route.kind, "direct");
  });

  const failures: [string, Record<string, unknown> | undefined, string, string][] = [
    ["no agent installed", undefined, "gbl.his.arc.azure.com", "AGENT_NOT_INSTALLED"],
    [
      "an unknown bypass value",
      { version: "1.45", config: { "proxy.url": proxyUrl, "proxy.bypass": ["Storage"] }, environment: {} },
      "gbl.his.arc.azure.com",
      "INVALID_BYPASS",
    ],
    [
      "bypass before 1.15",
      { version: "1.14", config: { "proxy.url": proxyUrl, "proxy.bypass": ["Arc"] }, environment: {} },
      "login.windows.net",
      "VERSION_TOO_OLD",
    ],
    [
      "ArcData before 1.36",
      { version: "1.35", config: { "proxy.url": proxyUrl, "proxy.bypass": ["ArcData"] }, environment: {} },
      "login.windows.net",
      "VERSION_TOO_OLD",
    ],
    [
      "private link before 1.4",
      { version: "1.3", config: {}, environment: {} },
      "gbl.his.arc.azure.com",
      "VERSION_TOO_OLD",
    ],
    [
      "proxy.url before 1.13",
      { version: "1.12", config: { "proxy.url": proxyUrl }, environment: {} },
      "login.windows.net",
      "VERSION_TOO_OLD",
    ],
    [
      "a proxy URL that is not http(s)",
      { version: "1.45", config: { "proxy.url": "socks5://x:1" }, environment: {} },
      "login.windows.net",
      "INVALID_PROXY_URL",
    ],
    [
      "gateway connection type",
      { version: "1.45", config: { "connection.type": "gateway" }, environment: {} },
      "login.windows.net",
      "GATEWAY_NOT_SUPPORTED",
    ],
  ];
  for (const [title, agent, endpoint, expected] of failures) {
    it(`fails on ${title}`, () => {
      const p = planWith(agent, endpoint);
      assert.equal(p.result, expected);
      assert.ok(p.result === "PLANNED" || p.message.length > 0);
    });
  }

  it("private link gate applies only to private-capable names", () => {
    const p = planWith({ version: "1.3", config: {}, environment: {} }, "login.microsoftonline.com");
    assert.equal(p.result, "PLANNED");
  });

  it("an unknown host", () => {
    assert.equal(
      plan(worldOf(arcPrivateLinkResources()), `${ARC_IDS.site}/hosts/nope`, "x", now).result,
      "UNKNOWN_HOST",
    );
  });
});
