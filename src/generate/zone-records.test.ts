import assert from "node:assert/strict";
import { test } from "node:test";
import { ARC_ZONES } from "../world/catalog/arc-private-link.js";
import { RECORD_TTL, recordsText } from "./zone-records.js";

const ZONES = [{ zone: ARC_ZONES[0], records: [{ name: "gbl", ip: "10.1.1.4", fqdn: "gbl.his.arc.azure.com" }] }];

test("BIND: a named.conf with one master zone per privatelink. zone and a zone file with SOA, NS and A", () => {
  const [conf, zone] = recordsText("bind", ZONES, 42);
  assert.equal(
    conf.content.at(-1),
    'zone "privatelink.his.arc.azure.com" { type master; file "db.privatelink.his.arc.azure.com"; };',
  );
  assert.equal(zone.name, "db.privatelink.his.arc.azure.com");
  assert.deepEqual(zone.content.slice(1), [
    "$ORIGIN privatelink.his.arc.azure.com.",
    `$TTL ${RECORD_TTL}`,
    `@    IN SOA localhost. hostmaster.localhost. ( 42 3600 600 86400 ${RECORD_TTL} )`,
    "@    IN NS  localhost.",
    "gbl  IN A   10.1.1.4",
  ]);
});

test("Windows DNS: a primary zone, then its A records", () => {
  const [file] = recordsText("windows-dns", ZONES);
  assert.deepEqual(file.content.slice(3), [
    "Add-DnsServerPrimaryZone -Name 'privatelink.his.arc.azure.com' -ZoneFile 'privatelink.his.arc.azure.com.dns'",
    "Add-DnsServerResourceRecordA -ZoneName 'privatelink.his.arc.azure.com' -Name 'gbl' -IPv4Address '10.1.1.4' -TimeToLive '00:05:00'",
  ]);
});

test("dnsmasq and unbound answer both the public and the privatelink. name", () => {
  assert.deepEqual(recordsText("dnsmasq", ZONES)[0].content.slice(2), [
    "address=/gbl.his.arc.azure.com/10.1.1.4",
    "address=/gbl.privatelink.his.arc.azure.com/10.1.1.4",
  ]);
  assert.deepEqual(recordsText("unbound", ZONES)[0].content.slice(3), [
    "server:",
    '    local-zone: "privatelink.his.arc.azure.com." static',
    `    local-data: "gbl.privatelink.his.arc.azure.com. ${RECORD_TTL} IN A 10.1.1.4"`,
    `    local-data: "gbl.his.arc.azure.com. ${RECORD_TTL} IN A 10.1.1.4"`,
  ]);
});
