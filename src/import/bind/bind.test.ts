// BIND 9 named.conf and zone files, written from the BIND 9 Administrator Reference Manual
// ("Configurations and Zone Files", zone statement grammar) and RFC 1035 §5.1 master files.
import assert from "node:assert/strict";
import { test } from "node:test";
import { ImportLog } from "../import-log.js";
import { readNamedConf } from "./named-conf.js";
import { readZoneFile } from "./zone-file.js";

const NAMED = `// named.conf
options {
    directory "/var/named";
    listen-on port 53 { 127.0.0.1; 192.168.0.12; };
    forwarders { 8.8.8.8; 1.1.1.1 port 53; };
    recursion yes;
};
/* Arc private link: forward the public zone names [DOC-PL] */
zone "his.arc.azure.com" IN { type forward; forward only; forwarders { 10.10.2.4; }; };
zone "guestconfiguration.azure.com" { type forward; forwarders { 10.10.2.4; 10.10.2.5; }; };
zone "corp.example" { type primary; file "db.corp.example"; };
zone "0.168.192.in-addr.arpa" { type master; file "db.192"; };
logging { channel x { file "/dev/null"; }; };
`;

const ZONE = `$ORIGIN corp.example.
$TTL 1h
@   IN SOA ns1 hostmaster (
        2026120701 ; serial
        3600 600 86400 300 )
    IN NS  ns1
ns1     IN A     192.168.0.12
web     300 IN A 192.168.1.10
        IN TXT   "owner=web" "team=ops"
files   IN CNAME web
mail    IN MX 10 web
broken  IN A     not-an-address
`;

test("named.conf: forwarders, listen-on, conditional forwarders and zones with their files", () => {
  const log = new ImportLog();
  const d = readNamedConf(
    NAMED,
    "dc03/named.conf",
    (p) => (p === "db.corp.example" ? { text: ZONE, file: "dc03/db.corp.example" } : undefined),
    log,
  );
  assert.equal(d.address, "192.168.0.12");
  assert.deepEqual(d.forwarders, ["8.8.8.8", "1.1.1.1"]);
  assert.equal(d.recursion, true);
  assert.deepEqual(d.conditionalForwarders, [
    { domain: "his.arc.azure.com", targets: ["10.10.2.4"] },
    { domain: "guestconfiguration.azure.com", targets: ["10.10.2.4", "10.10.2.5"] },
  ]);
  assert.deepEqual(
    d.zones.map((z) => z.name),
    ["corp.example"],
  );
  assert.deepEqual(d.zones[0].records, [
    { name: "ns1", type: "A", value: "192.168.0.12", ttl: 3600 },
    { name: "web", type: "A", value: "192.168.1.10", ttl: 300 },
    { name: "web", type: "TXT", value: "owner=webteam=ops", ttl: 3600 },
    { name: "files", type: "CNAME", value: "web.corp.example", ttl: 3600 },
  ]);
  assert.deepEqual(log.problems, [
    { file: "dc03/db.corp.example", line: 12, expected: "an IPv4 address after A", found: '"not-an-address"' },
  ]);
  assert.ok(log.setAside.some((s) => s.what === "MX record 'mail.corp.example'" && s.line === 11));
  assert.ok(log.setAside.some((s) => s.what === "statement 'logging'") === false, "logging is not about resolution");
});

test("named.conf: a missing ';' and an unclosed block are problems at their line; the rest is read", () => {
  const log = new ImportLog();
  const d = readNamedConf(
    'zone "a.example" { type forward; forwarders { 10.0.0.1; } }\nzone "b.example" {\n type forward;\n forwarders { 10.0.0.2; };\n',
    "n.conf",
    () => undefined,
    log,
  );
  assert.deepEqual(
    log.problems.map((p) => [p.line, p.expected]),
    [
      [1, "';' after the statement"],
      [2, "';' after '}'"],
      [4, "'}' closing the block"],
    ],
  );
  assert.deepEqual(
    d.conditionalForwarders.map((f) => f.domain),
    ["a.example", "b.example"],
  );
});

test("zone file without $ORIGIN: names are relative to the zone; absolute names outside it stay absolute", () => {
  const log = new ImportLog();
  const r = readZoneFile(
    "www IN A 10.0.0.1\nother.example. IN A 10.0.0.2\n@ IN A 10.0.0.3\n",
    "db.x",
    "x.example",
    log,
  );
  assert.deepEqual(
    r.map((x) => x.name),
    ["www", "other.example.", "@"],
  );
  assert.deepEqual(log.problems, []);
});
