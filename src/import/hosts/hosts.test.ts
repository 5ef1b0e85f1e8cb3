// Host exports, written from hosts(5), resolv.conf(5), `ipconfig /all` output and the
// Connected Machine agent's `azcmagent show -j` and `azcmagent config list` (azcmagent CLI reference).
import assert from "node:assert/strict";
import { test } from "node:test";
import { ImportLog } from "../import-log.js";
import { readAzcmagentCheck, readAzcmagentConfig, readAzcmagentShow } from "./azcmagent.js";
import { readHostsFile, readResolvConf } from "./hosts-file.js";
import { readIpconfig } from "./ipconfig.js";

test("hosts file: kept as text; a reversed line is a problem at its line; the Microsoft header marks Windows", () => {
  const log = new ImportLog();
  const text =
    "# Copyright (c) 1993-2009 Microsoft Corp.\r\n127.0.0.1 localhost\r\ngbl.his.arc.azure.com 10.10.1.4\r\n";
  const d = readHostsFile(text, "h/hosts", log);
  assert.equal(d.os, "windows");
  assert.equal(d.hostsFile, text.replace(/\r\n/g, "\n"));
  assert.deepEqual(
    log.problems.map((p) => p.line),
    [3],
  );
});

test("resolv.conf: nameservers in order, three at most", () => {
  const log = new ImportLog();
  const d = readResolvConf(
    "search corp\nnameserver 10.0.0.1\nnameserver 10.0.0.2\nnameserver 10.0.0.3\nnameserver 10.0.0.4\nnameserver fe80::1%eth0x\n",
    "r",
    log,
  );
  assert.deepEqual(d.dnsServers, ["10.0.0.1", "10.0.0.2", "10.0.0.3"]);
  assert.deepEqual(
    log.setAside.map((s) => s.line),
    [5],
  );
  assert.deepEqual(
    log.problems.map((p) => p.line),
    [6],
  );
});

test("ipconfig /all: the adapter with a gateway, its DNS servers across continuation lines", () => {
  const text = [
    "Windows IP Configuration",
    "   Host Name . . . . . . . . . . . . : SRV01",
    "Ethernet adapter Backup:",
    "   IPv4 Address. . . . . . . . . . . : 10.99.0.5(Preferred)",
    "Ethernet adapter Ethernet0:",
    "   IPv4 Address. . . . . . . . . . . : 192.168.1.40(Preferred)",
    "   Default Gateway . . . . . . . . . : 192.168.0.1",
    "   DNS Servers . . . . . . . . . . . : 192.168.0.10",
    "                                       192.168.0.11",
    "   NetBIOS over Tcpip. . . . . . . . : Enabled",
  ].join("\r\n");
  const log = new ImportLog();
  const d = readIpconfig(text, "i.txt", log);
  assert.deepEqual(
    [d.hostName, d.address, d.dnsServers, d.os],
    ["SRV01", "192.168.1.40", ["192.168.0.10", "192.168.0.11"], "windows"],
  );
  assert.equal(log.assumptions.length, 1);
});

test("azcmagent show, config list and check", () => {
  const log = new ImportLog();
  const show = readAzcmagentShow(
    {
      resourceName: "m1",
      resourceGroup: "rg",
      subscriptionId: "s",
      agentVersion: "1.13.21320.014",
      httpsProxy: "http://px:3128",
      proxyBypassList: "Arc,AAD",
    },
    "s.json",
    log,
  );
  assert.deepEqual(
    [show.agentVersion, show.machineId, show.agentConfig],
    [
      "1.13",
      "/subscriptions/s/resourceGroups/rg/providers/Microsoft.HybridCompute/machines/m1",
      { "proxy.url": "http://px:3128", "proxy.bypass": ["Arc", "AAD"] },
    ],
  );
  const config = readAzcmagentConfig(
    "Local Configuration Settings\n  connection.type (preview) : default\n  proxy.url : http://px:8080\n  proxy.bypass : [Arc ArcData]\n",
    "c.txt",
    log,
  );
  assert.deepEqual(config.agentConfig, { "proxy.url": "http://px:8080", "proxy.bypass": ["Arc", "ArcData"] });
  const json = readAzcmagentConfig(
    '{"LocalSettings":[{"Key":"proxy.url","Value":"http://p:1"},{"Key":"proxy.bypass","Value":["AAD"]}]}',
    "c.json",
    log,
  );
  assert.deepEqual(json.agentConfig, { "proxy.url": "http://p:1", "proxy.bypass": ["AAD"] });
  const check = readAzcmagentCheck(
    [{ endpoint: "https://gbl.his.arc.azure.com", reachable: true, private: true }],
    "k.json",
  );
  assert.deepEqual(check.observed, [{ endpoint: "gbl.his.arc.azure.com", reachable: true, private: true }]);
  readAzcmagentShow({ agentVersion: "latest" }, "bad.json", log);
  assert.deepEqual(
    log.problems.map((p) => p.file),
    ["bad.json"],
  );
});
