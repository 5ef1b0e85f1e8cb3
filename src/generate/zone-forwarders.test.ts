import assert from "node:assert/strict";
import { test } from "node:test";
import { forwardersText } from "./zone-forwarders.js";

const FWD = [{ domain: "his.arc.azure.com", targets: ["10.1.0.4", "10.1.0.5"] }];

test("BIND: a forward-only zone with every target", () => {
  const l = forwardersText("bind", FWD);
  assert.deepEqual(l.slice(2), [
    'zone "his.arc.azure.com" {',
    "    type forward;",
    "    forward only;",
    "    forwarders { 10.1.0.4; 10.1.0.5; };",
    "};",
  ]);
});

test("Windows DNS: Add-DnsServerConditionalForwarderZone with the master servers", () => {
  assert.equal(
    forwardersText("windows-dns", FWD)[2],
    "Add-DnsServerConditionalForwarderZone -Name 'his.arc.azure.com' -MasterServers '10.1.0.4', '10.1.0.5'",
  );
});

test("dnsmasq: one server= line per target; unbound: a forward-zone with a forward-addr per target", () => {
  assert.deepEqual(forwardersText("dnsmasq", FWD).slice(2), [
    "server=/his.arc.azure.com/10.1.0.4",
    "server=/his.arc.azure.com/10.1.0.5",
  ]);
  assert.deepEqual(forwardersText("unbound", FWD).slice(2), [
    "forward-zone:",
    '    name: "his.arc.azure.com."',
    "    forward-addr: 10.1.0.4",
    "    forward-addr: 10.1.0.5",
  ]);
});
