// Windows Server DNS exports, written from the DnsServer PowerShell module reference
// (Get-DnsServerZone, Get-DnsServerResourceRecord, Get-DnsServerForwarder,
// Get-DnsServerRecursion, piped to ConvertTo-Json or Export-Csv) and `dnscmd /enumzones`.
import assert from "node:assert/strict";
import { test } from "node:test";
import { ImportLog } from "../import-log.js";
import { readDnscmdEnumZones } from "./dnscmd-enumzones.js";
import { readWindowsDnsCsv } from "./windows-dns-csv.js";
import { readWindowsDnsJson } from "./windows-dns-json.js";

test("ConvertTo-Json: forwarder zones, records with TimeSpan TTLs, forwarders and recursion", () => {
  const zones = [
    { ZoneName: "his.arc.azure.com", ZoneType: "Forwarder", MasterServers: [{ Address: 67242506, AddressFamily: 2 }] },
    { ZoneName: "corp.example", ZoneType: "Primary", IsReverseLookupZone: false },
    { ZoneName: "1.168.192.in-addr.arpa", ZoneType: "Primary", IsReverseLookupZone: true },
    { ZoneName: "x.example", ZoneType: "Forwarder", MasterServers: null },
  ];
  const text = JSON.stringify(zones, null, 4);
  const log = new ImportLog();
  const d = readWindowsDnsJson(zones, text, "dc01/zones.json", undefined, log);
  assert.deepEqual(d.conditionalForwarders, [{ domain: "his.arc.azure.com", targets: ["10.10.2.4"] }]);
  assert.deepEqual(
    d.zones.map((z) => z.name),
    ["corp.example"],
  );
  assert.deepEqual(log.problems, [
    {
      file: "dc01/zones.json",
      line: text.split("\n").findIndex((l) => l.includes('"x.example"')) + 1,
      expected: "the MasterServers of forwarder zone 'x.example'",
      found: "none",
    },
  ]);

  const records = [
    {
      HostName: "web",
      RecordType: "A",
      TimeToLive: { TotalSeconds: 600 },
      RecordData: { IPv4Address: { IPAddressToString: "192.168.1.10" } },
      DistinguishedName: "DC=web,DC=corp.example,cn=MicrosoftDNS,DC=DomainDnsZones",
    },
    {
      HostName: "www",
      RecordType: "CNAME",
      TimeToLive: "01:00:00",
      RecordData: { HostNameAlias: "web.corp.example." },
      ZoneName: "corp.example",
    },
    { HostName: "@", RecordType: "SOA", RecordData: {}, ZoneName: "corp.example" },
  ];
  const r = readWindowsDnsJson(records, JSON.stringify(records), "dc01/r.json", undefined, log);
  assert.deepEqual(r.zones[0].records, [
    { name: "web", type: "A", value: "192.168.1.10", ttl: 600 },
    { name: "www", type: "CNAME", value: "web.corp.example", ttl: 3600 },
  ]);
  const f = readWindowsDnsJson(
    { IPAddress: ["8.8.8.8"], UseRootHint: false, Timeout: 3 },
    "{}",
    "f.json",
    undefined,
    log,
  );
  assert.deepEqual([f.forwarders, f.recursion], [["8.8.8.8"], false]);
});

test("Export-Csv: #TYPE line, quoted header, data from a calculated column; a bare RecordData is a problem at its line", () => {
  const csv = [
    "#TYPE Selected.Microsoft.Management.Infrastructure.CimInstance",
    '"HostName","RecordType","TimeToLive","Data"',
    '"web","A","01:00:00","192.168.1.10"',
    '"files","CNAME","00:05:00","web.corp.example."',
    '"db","A","01:00:00","DnsServerResourceRecordA"',
  ].join("\r\n");
  const log = new ImportLog();
  const d = readWindowsDnsCsv(csv, "dc01/corp.example.csv", "corp.example", log);
  assert.deepEqual(d.zones[0].records, [
    { name: "web", type: "A", value: "192.168.1.10", ttl: 3600 },
    { name: "files", type: "CNAME", value: "web.corp.example", ttl: 300 },
  ]);
  assert.equal(log.problems.length, 1);
  assert.equal(log.problems[0].line, 5);
  assert.match(log.problems[0].found ?? "", /DnsServerResourceRecordA/);
});

test("dnscmd /enumzones: primary zones and forwarder domains; a malformed row is a problem", () => {
  const text =
    "Enumerated zone list:\n\n\tZone count = 3\n\n Zone name   Type       Storage     Properties\n\n .           Cache      AD-Domain\n corp.example Primary   AD-Domain   Secure\n his.arc.azure.com Forwarder AD-Domain\n lonely\n\nCommand completed successfully.\n";
  const log = new ImportLog();
  const d = readDnscmdEnumZones(text, "enum.txt", log);
  assert.deepEqual(
    d.zones.map((z) => z.name),
    ["corp.example"],
  );
  assert.deepEqual(d.conditionalForwarders, [{ domain: "his.arc.azure.com", targets: [] }]);
  assert.deepEqual(
    log.problems.map((p) => p.line),
    [10],
  );
});
