// Issue 9: the verifier names the root cause, not the symptom; the agent's documented known
// issues; severities as the docs rank them. Each rule: a world that raises it, and worlds
// that must not (over-reporting).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ARC_IDS } from "../src/semantics/testing/index.js";
import { renderText } from "../src/verify/render-text.js";
import { verifyWorld } from "../src/verify/verify-world.js";
import {
  ARM,
  agent,
  DNS_OUT,
  ENTRA,
  firewall,
  NOTIFICATIONS,
  NOW,
  PROXY,
  rule,
  setProps,
  world,
} from "./verify-worlds.js";

const run = (w = world()) => verifyWorld(w, { now: NOW });
const codes = (w = world()) => run(w).findings.map((f) => f.code);
const NOTIFY = NOTIFICATIONS;
const tcp = rule;
const ARC_PUBLIC = rule("arc", { destinationServiceTags: ["AzureArcInfrastructure"] });
const STORAGE = rule("storage", { destinationServiceTags: ["Storage"] });
const firewallOf = (...rules: Record<string, unknown>[]) => firewall(rules);
const set = setProps;
const PARTIAL_HOSTS = "10.10.1.4 gbl.his.arc.azure.com\n10.10.1.6 agentserviceapi.guestconfiguration.azure.com\n";

describe("ARC-DNS-PUBLIC is the root cause, whatever happens after resolution", () => {
  test("blocked by the firewall: ARC-DNS-PUBLIC first, then ARC-NET-FIREWALL naming it, with its fix", () => {
    const report = run(world({ forwarderDomains: [], egressFirewall: firewallOf(DNS_OUT, ENTRA, ARM, NOTIFY) }));
    const gbl = report.findings.filter((f) => f.endpoint === "gbl.his.arc.azure.com");
    assert.deepEqual(
      gbl.map((f) => f.code),
      ["ARC-DNS-PUBLIC", "ARC-NET-FIREWALL"],
    );
    assert.equal(report.findings[0].code, "ARC-DNS-PUBLIC");
    const symptom = gbl[1];
    assert.equal(symptom.rootCause, "ARC-DNS-PUBLIC");
    assert.doesNotMatch(symptom.fix, /^Allow TCP 443/);
    assert.match(symptom.fix, /conditional forwarder for "his\.arc\.azure\.com"/);
    // The human report prints the root cause's fix for the symptom's group, never "Allow TCP 443".
    const text = renderText(report, "test", false);
    const group = text.slice(text.indexOf("ERROR ARC-NET-FIREWALL"));
    assert.match(group, /caused by ARC-DNS-PUBLIC\n/);
    assert.doesNotMatch(group.split("\n  - ")[0], /fix: Allow TCP 443/);
  });

  test("let through the firewall: ARC-DNS-PUBLIC first, then ARC-ACCESS-PUBLIC-DISABLED", () => {
    const report = run(
      world({ forwarderDomains: [], egressFirewall: firewallOf(DNS_OUT, ENTRA, ARM, NOTIFY, ARC_PUBLIC) }),
    );
    const weu = report.findings.filter((f) => f.endpoint === "weu.his.arc.azure.com").map((f) => f.code);
    assert.deepEqual(weu, ["ARC-DNS-PUBLIC", "ARC-ACCESS-PUBLIC-DISABLED"]);
  });

  test("a hosts file covering only some names: the others resolve publicly and get ARC-DNS-PUBLIC", () => {
    const report = run(world({ forwarderDomains: [], hostsFile: PARTIAL_HOSTS }));
    const dnsPublic = report.findings.filter((f) => f.code === "ARC-DNS-PUBLIC").map((f) => f.endpoint);
    assert.deepEqual(dnsPublic.sort(), ["westeurope-gas.guestconfiguration.azure.com", "weu.his.arc.azure.com"]);
    assert.ok(report.findings.some((f) => f.code === "ARC-HOSTS-MISSING"));
    // The fix is the missing hosts-file line, with the scope's private endpoint address.
    const weu = report.findings.find((f) => f.code === "ARC-DNS-PUBLIC" && f.endpoint === "weu.his.arc.azure.com");
    assert.match(weu?.fix ?? "", /^Add the line "10\.10\.1\.5 weu\.his\.arc\.azure\.com" to the host's hosts file/);
    const rows = report.verdicts.filter((v) => v.endpoint === "gbl.his.arc.azure.com");
    assert.deepEqual(
      rows.map((v) => v.verdict),
      ["PRIVATE"],
    );
  });

  test("the zone not linked: the fix names the link", () => {
    const f = run(world({ linkZones: false })).findings.find((x) => x.code === "ARC-DNS-PUBLIC");
    assert.match(
      f?.fix ?? "",
      /^Link the private DNS zone privatelink\.(his\.arc|guestconfiguration)\.azure\.com to virtual network "hub"/,
    );
  });

  test("not raised: private resolution; a complete hosts file; a machine outside private link", () => {
    assert.deepEqual(codes(), []);
    const full = [
      "10.10.1.4 gbl.his.arc.azure.com",
      "10.10.1.5 weu.his.arc.azure.com",
      "10.10.1.6 agentserviceapi.guestconfiguration.azure.com",
      "10.10.1.7 westeurope-gas.guestconfiguration.azure.com",
    ].join("\n");
    assert.deepEqual(codes(world({ forwarderDomains: [], hostsFile: full })), []);
    const unassociated = world(
      { forwarderDomains: [] },
      set(ARC_IDS.machine, { privateLinkScopeResourceId: undefined }),
    );
    assert.ok(!codes(unassociated).includes("ARC-DNS-PUBLIC"));
  });

  test("behind a proxy the root cause is the missing Arc bypass, not DNS", () => {
    const report = run(world({ agent: agent({ "proxy.url": PROXY }) }));
    assert.ok(!report.findings.some((f) => f.code === "ARC-DNS-PUBLIC"));
    assert.ok(report.findings.some((f) => f.code === "ARC-PROXY-NO-ARC-BYPASS"));
  });
});

describe("ARC-EXT-PUBLIC-PATH whether or not the public path is open", () => {
  const customScript = set(ARC_IDS.machine, { extensions: [{ name: "cse", type: "CustomScript" }] });
  test("open: a warning", () => {
    assert.deepEqual(codes(world({}, customScript)), ["ARC-EXT-PUBLIC-PATH"]);
  });
  test("blocked: ARC-EXT-PUBLIC-PATH first, and the firewall finding names it as its cause", () => {
    const report = run(world({ egressFirewall: firewallOf(DNS_OUT, ENTRA, ARM, NOTIFY) }, customScript));
    const row = report.findings.filter((f) => f.endpoint === "storageaccount.blob.core.windows.net");
    assert.deepEqual(
      row.map((f) => [f.code, f.rootCause]),
      [
        ["ARC-EXT-PUBLIC-PATH", undefined],
        ["ARC-NET-FIREWALL", "ARC-EXT-PUBLIC-PATH"],
      ],
    );
  });
  test("not raised without extensions, nor for the agent's own endpoints", () => {
    assert.ok(
      !codes(world({ egressFirewall: firewallOf(DNS_OUT, ENTRA, ARM, NOTIFY) })).includes("ARC-EXT-PUBLIC-PATH"),
    );
  });
});

describe("agent known issues [DOC-RN]", () => {
  const bypassArc = (version: string, os = "linux") =>
    world({ agent: agent({ "proxy.url": PROXY, "proxy.bypass": ["Arc"] }, version) }, set(ARC_IDS.host, { os }));
  test("Linux 1.15: Arc bypass sends Entra ID direct; raised on the Entra rows", () => {
    const report = run(bypassArc("1.15.01234.567"));
    const rows = report.verdicts.filter((v) => v.service === "EntraId" && v.route === "direct").map((v) => v.endpoint);
    assert.deepEqual(rows.sort(), ["login.microsoftonline.com", "login.windows.net", "pas.windows.net"]);
    assert.deepEqual([...new Set(report.findings.map((f) => f.code))], ["ARC-AGENT-ISSUE-BYPASS-ENTRA"]);
  });
  test("Linux 1.15 where only the proxy reaches the internet: the blocked Entra rows name the known issue", () => {
    const w = world({
      agent: agent({ "proxy.url": PROXY, "proxy.bypass": ["Arc"] }, "1.15"),
      egressFirewall: firewallOf(
        DNS_OUT,
        NOTIFY,
        tcp("proxy", { sourceAddressPrefixes: ["192.168.0.5/32"], destinationAddressPrefixes: ["0.0.0.0/0"] }),
      ),
    });
    const report = run(w);
    const login = report.findings.filter((f) => f.endpoint === "login.microsoftonline.com");
    assert.deepEqual(
      login.map((f) => [f.code, f.rootCause]),
      [
        ["ARC-AGENT-ISSUE-BYPASS-ENTRA", undefined],
        ["ARC-FW-ENTRA-BLOCKED", "ARC-AGENT-ISSUE-BYPASS-ENTRA"],
      ],
    );
    assert.match(login[1].fix, /1\.16/);
  });
  test("not raised: 1.16, Windows 1.15, 1.15 with AAD also bypassed, 1.15 without bypass", () => {
    assert.deepEqual(codes(bypassArc("1.16")), []);
    assert.deepEqual(codes(bypassArc("1.15", "windows")), []);
    const both = world({ agent: agent({ "proxy.url": PROXY, "proxy.bypass": ["Arc", "AAD"] }, "1.15") });
    assert.deepEqual(codes(both), []);
    const none = world({ agent: agent({ "proxy.url": PROXY }, "1.15") });
    assert.ok(!codes(none).includes("ARC-AGENT-ISSUE-BYPASS-ENTRA"));
  });

  test("1.19 under private link: the storage row exists, is judged, and raises the known issue", () => {
    const open = run(world({ agent: agent({}, "1.19") }));
    const row = open.verdicts.find((v) => v.service === "Storage");
    assert.equal(row?.verdict, "PUBLIC");
    assert.deepEqual(
      open.findings.map((f) => f.code),
      ["ARC-AGENT-ISSUE-PUBLIC-DOWNLOAD"],
    );
    const blocked = run(world({ agent: agent({}, "1.19"), egressFirewall: firewallOf(DNS_OUT, ENTRA, ARM, NOTIFY) }));
    assert.equal(blocked.verdicts.find((v) => v.service === "Storage")?.verdict, "BLOCKED_BY_FIREWALL");
    assert.deepEqual(
      blocked.findings.map((f) => [f.code, f.rootCause]),
      [
        ["ARC-AGENT-ISSUE-PUBLIC-DOWNLOAD", undefined],
        ["ARC-NET-FIREWALL", "ARC-AGENT-ISSUE-PUBLIC-DOWNLOAD"],
      ],
    );
    assert.equal(
      run(world({ agent: agent({}, "1.19"), egressFirewall: firewallOf(DNS_OUT, ENTRA, ARM, NOTIFY, STORAGE) }))
        .findings.length,
      1,
    );
  });
  test("not raised: 1.20 (no storage row under private link); 1.19 outside private link", () => {
    const fixed = run(world({ agent: agent({}, "1.20") }));
    assert.ok(!fixed.verdicts.some((v) => v.service === "Storage"));
    assert.deepEqual(fixed.findings, []);
    const outside = world(
      { agent: agent({}, "1.19") },
      set(ARC_IDS.machine, { privateLinkScopeResourceId: undefined }),
    );
    assert.ok(!codes(outside).includes("ARC-AGENT-ISSUE-PUBLIC-DOWNLOAD"));
  });

  test("1.41 under private link: one error per host; 1.42 and 1.41 outside private link raise nothing", () => {
    const report = run(world({ agent: agent({}, "1.41.02709.1234") }));
    assert.deepEqual(
      report.findings.map((f) => `${f.severity} ${f.code}`),
      ["error ARC-AGENT-ISSUE-PE-EXTENSIONS"],
    );
    assert.deepEqual(codes(world({ agent: agent({}, "1.42") })), []);
    const outside = world(
      { agent: agent({}, "1.41") },
      set(ARC_IDS.machine, { privateLinkScopeResourceId: undefined }),
    );
    assert.ok(!codes(outside).includes("ARC-AGENT-ISSUE-PE-EXTENSIONS"));
  });
});

describe("severities as the docs rank them", () => {
  test("publicNetworkAccess Enabled accepting the public path: warnings only, the proof fails", () => {
    const report = run(world({ publicNetworkAccess: "Enabled", forwarderDomains: [] }));
    assert.deepEqual(
      [...new Set(report.findings.map((f) => `${f.severity} ${f.code}`))],
      ["warning ARC-ACCESS-PUBLIC-PATH"],
    );
    assert.equal(report.proof.holds, false);
  });
  test("Enabled, but the firewall blocks the public path: ARC-DNS-PUBLIC (an error: nothing works)", () => {
    const report = run(
      world({
        publicNetworkAccess: "Enabled",
        forwarderDomains: [],
        egressFirewall: firewallOf(DNS_OUT, ENTRA, ARM, NOTIFY),
      }),
    );
    assert.ok(report.findings.some((f) => f.code === "ARC-DNS-PUBLIC" && f.severity === "error"));
  });
  test("blocked notifications: a warning from agent 1.13 on, an error before", () => {
    const blocked = (version: string) =>
      run(world({ agent: agent({}, version), egressFirewall: firewallOf(DNS_OUT, ENTRA, ARM) })).findings.map(
        (f) => `${f.severity} ${f.code}`,
      );
    assert.deepEqual([...new Set(blocked("1.13"))], ["warning ARC-NOTIFY-BLOCKED"]);
    assert.deepEqual([...new Set(blocked("1.45"))], ["warning ARC-NOTIFY-BLOCKED"]);
    assert.deepEqual([...new Set(blocked("1.12"))], ["error ARC-NET-FIREWALL"]);
  });
});
