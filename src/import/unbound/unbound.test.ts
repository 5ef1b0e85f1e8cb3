// unbound.conf, written from unbound.conf(5): server: interface, local-zone, local-data;
// forward-zone: name, forward-addr (IP[@port][#tls-name]), forward-first.
import assert from "node:assert/strict";
import { test } from "node:test";
import { ImportLog } from "../import-log.js";
import { readUnboundConf } from "./unbound-conf.js";

test("unbound.conf: address, local data in its zone, conditional and global forwarding", () => {
  const text = `server:
    interface: 127.0.0.1
    interface: 192.168.0.13
    local-zone: "corp.example." static
    local-data: "web.corp.example. 300 IN A 192.168.1.10"
    local-data: "files.corp.example. CNAME web.corp.example."
    local-data: "bad.corp.example. IN MX 10 web"
forward-zone:
    name: "his.arc.azure.com."
    forward-addr: 10.10.2.4@53
forward-zone:
    name: "."
    forward-addr: 8.8.8.8
    forward-first: yes
remote-control:
    control-enable: no
`;
  const log = new ImportLog();
  const d = readUnboundConf(text, "u/unbound.conf", log);
  assert.equal(d.address, "192.168.0.13");
  assert.deepEqual(d.zones, [
    {
      name: "corp.example",
      records: [
        { name: "web", type: "A", value: "192.168.1.10" },
        { name: "files", type: "CNAME", value: "web.corp.example" },
      ],
    },
  ]);
  assert.deepEqual(d.conditionalForwarders, [{ domain: "his.arc.azure.com", targets: ["10.10.2.4"] }]);
  assert.deepEqual([d.forwarders, d.recursion], [["8.8.8.8"], true]);
  assert.deepEqual(
    log.problems.map((p) => p.line),
    [7],
  );
});

test("unbound.conf: '.' forwarded without forward-first means no recursion; a clause without forward-addr is a problem", () => {
  const log = new ImportLog();
  const d = readUnboundConf(
    'forward-zone:\n  name: "."\n  forward-addr: 10.0.0.1\nforward-zone:\n  name: "x.example"\n',
    "u.conf",
    log,
  );
  assert.equal(d.recursion, false);
  assert.deepEqual(
    log.problems.map((p) => [p.line, p.expected]),
    [[4, "a forward-zone with a 'name:' and a 'forward-addr:'"]],
  );
});
