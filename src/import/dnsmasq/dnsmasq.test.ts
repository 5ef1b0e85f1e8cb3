// dnsmasq.conf, written from dnsmasq(8): server=/domain/ip, server=ip, address=/domain/ip,
// local=/domain/, host-record=, listen-address=, no-resolv.
import assert from "node:assert/strict";
import { test } from "node:test";
import { ImportLog } from "../import-log.js";
import { readDnsmasqConf } from "./dnsmasq-conf.js";

test("dnsmasq.conf: conditional forwarders, forwarders, local answers, address and no-resolv", () => {
  const text = `# dnsmasq for the branch office
listen-address=127.0.0.1,192.168.0.14
no-resolv
server=/his.arc.azure.com/guestconfiguration.azure.com/10.10.2.4
server=8.8.8.8
address=/intranet.example/192.168.1.50
host-record=web.corp.example,192.168.1.10
local=/corp.example/
server=/broken/not-an-ip
domain-needed
`;
  const log = new ImportLog();
  const d = readDnsmasqConf(text, "b/dnsmasq.conf", log);
  assert.equal(d.address, "192.168.0.14");
  assert.deepEqual(d.conditionalForwarders, [
    { domain: "his.arc.azure.com", targets: ["10.10.2.4"] },
    { domain: "guestconfiguration.azure.com", targets: ["10.10.2.4"] },
  ]);
  assert.deepEqual([d.forwarders, d.recursion], [["8.8.8.8"], false]);
  assert.deepEqual(
    d.zones.map((z) => [z.name, z.records.length]),
    [
      ["intranet.example", 1],
      ["web.corp.example", 1],
      ["corp.example", 0],
    ],
  );
  assert.deepEqual(
    log.problems.map((p) => p.line),
    [9],
  );
  assert.ok(log.setAside.some((s) => s.what === "option 'domain-needed'" && s.line === 10));
});
