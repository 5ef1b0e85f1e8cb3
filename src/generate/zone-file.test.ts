import assert from "node:assert/strict";
import { test } from "node:test";
import {
  ARC_IDS,
  arcPrivateLinkResources,
  arcPrivateLinkWorld,
  dnsResolver,
  virtualNetwork,
} from "../semantics/testing/index.js";
import { MapWorld } from "../world/world.js";
import { GENERATE_ERRORS, type GenerateError } from "./errors.js";
import { generateZoneFile } from "./zone-file.js";

const world = arcPrivateLinkWorld();

test("forwarders default to the resolver inbound endpoint in the endpoint's vnet, for the three public zones", () => {
  const out = generateZoneFile(world, { privateEndpoint: "arc-pe", format: "dnsmasq" });
  assert.deepEqual(
    out.text.split("\n").filter((l) => l.startsWith("server=")),
    [
      "server=/his.arc.azure.com/10.10.2.4",
      "server=/guestconfiguration.azure.com/10.10.2.4",
      "server=/dp.kubernetesconfiguration.azure.com/10.10.2.4",
    ],
  );
  assert.deepEqual(
    out.data.forwarders?.map((f) => f.domain),
    ["his.arc.azure.com", "guestconfiguration.azure.com", "dp.kubernetesconfiguration.azure.com"],
  );
});

test("no format forwards a privatelink. zone or to 168.63.129.16", () => {
  for (const format of ["bind", "windows-dns", "dnsmasq", "unbound"]) {
    const out = generateZoneFile(world, { privateEndpoint: "arc-pe", format, forwardTo: ["10.1.0.4", "10.1.0.5"] });
    const config = out.text.split(/\r?\n/).filter((l) => !/^\s*(#|\/\/)/.test(l));
    assert.ok(!config.some((l) => l.includes("privatelink.")), `${format} forwards a privatelink. zone`);
    assert.ok(!config.some((l) => l.includes("168.63.129.16")), `${format} forwards to Azure DNS`);
    assert.ok(
      config.some((l) => l.includes("10.1.0.5")),
      `${format} lacks the second target`,
    );
  }
  assert.throws(
    () => generateZoneFile(world, { privateEndpoint: "arc-pe", format: "bind", forwardTo: ["168.63.129.16"] }),
    (e: GenerateError) =>
      e.code === GENERATE_ERRORS.ForbiddenTarget && /answers only inside a virtual network/.test(e.message),
  );
  assert.throws(
    () => generateZoneFile(world, { privateEndpoint: "arc-pe", format: "bind", forwardTo: ["dns.example.com"] }),
    /Invalid forwarding target 'dns\.example\.com': expected an IPv4 address\./,
  );
});

test("a resolver in a peered hub serves a spoke endpoint; with no resolver at all, --forward-to is asked for", () => {
  const at = {
    subscriptionId: "00000000-0000-0000-0000-00000000a11c",
    resourceGroup: "rg-arc",
    location: "westeurope",
  };
  const noResolver = arcPrivateLinkResources().filter((r) => !r.id.includes("/dnsResolvers/"));
  assert.throws(
    () => generateZoneFile(new MapWorld(noResolver), { privateEndpoint: "arc-pe", format: "unbound" }),
    (e: GenerateError) => e.code === GENERATE_ERRORS.NothingToGenerate && /pass --forward-to/.test(e.message),
  );
  const hubbed = [
    ...noResolver,
    virtualNetwork(
      "dnshub",
      {
        addressPrefixes: ["10.30.0.0/16"],
        subnets: [{ name: "in", addressPrefix: "10.30.0.0/28" }],
        peerWith: [ARC_IDS.hub],
      },
      at,
    ),
    ...dnsResolver(
      "hubdns",
      {
        virtualNetworkId: `/subscriptions/${at.subscriptionId}/resourceGroups/rg-arc/providers/Microsoft.Network/virtualNetworks/dnshub`,
        inbound: {
          subnetId: `/subscriptions/${at.subscriptionId}/resourceGroups/rg-arc/providers/Microsoft.Network/virtualNetworks/dnshub/subnets/in`,
          ip: "10.30.0.4",
        },
      },
      at,
    ),
  ];
  const out = generateZoneFile(new MapWorld(hubbed), { privateEndpoint: "arc-pe", format: "unbound" });
  assert.match(out.text, /forward-zone:\n {4}name: "his\.arc\.azure\.com\."\n {4}forward-addr: 10\.30\.0\.4\n/);
});

test("records mode: BIND zone files with SOA, NS and the A records, and the named.conf stanzas", () => {
  const out = generateZoneFile(world, { privateEndpoint: "arc-pe", format: "bind", mode: "records", serial: 7 });
  const files = Object.fromEntries(out.data.files.map((f) => [f.name, f.content]));
  assert.deepEqual(Object.keys(files), [
    "named.conf.arclink",
    "db.privatelink.his.arc.azure.com",
    "db.privatelink.guestconfiguration.azure.com",
    "db.privatelink.dp.kubernetesconfiguration.azure.com",
  ]);
  assert.match(
    files["named.conf.arclink"],
    /^zone "privatelink\.his\.arc\.azure\.com" \{ type master; file "db\.privatelink\.his\.arc\.azure\.com"; \};$/m,
  );
  const his = files["db.privatelink.his.arc.azure.com"].split("\n");
  assert.ok(his.includes("$ORIGIN privatelink.his.arc.azure.com."));
  assert.ok(his.some((l) => /^@\s+IN SOA localhost\. hostmaster\.localhost\. \( 7 /.test(l)));
  assert.ok(his.some((l) => /^@\s+IN NS\s+localhost\.$/.test(l)));
  assert.ok(his.some((l) => /^gbl\s+IN A\s+10\.10\.1\.4$/.test(l)));
  assert.ok(his.some((l) => /^weu\s+IN A\s+10\.10\.1\.5$/.test(l)));
  assert.ok(!his.some((l) => l.includes("westeurope-gas")), "guest configuration names live in their own zone");
});

test("records mode: Windows DNS, dnsmasq and unbound carry each address", () => {
  const win = generateZoneFile(world, { privateEndpoint: "arc-pe", format: "windows-dns", mode: "records" }).text;
  assert.match(win, /^Add-DnsServerPrimaryZone -Name 'privatelink\.guestconfiguration\.azure\.com' -ZoneFile /m);
  assert.match(
    win,
    /^Add-DnsServerResourceRecordA -ZoneName 'privatelink\.his\.arc\.azure\.com' -Name 'gbl' -IPv4Address '10\.10\.1\.4'/m,
  );
  const dnsmasq = generateZoneFile(world, { privateEndpoint: "arc-pe", format: "dnsmasq", mode: "records" }).text;
  assert.match(dnsmasq, /^address=\/westeurope-gas\.guestconfiguration\.azure\.com\/10\.10\.1\.7$/m);
  assert.match(dnsmasq, /^address=\/westeurope-gas\.privatelink\.guestconfiguration\.azure\.com\/10\.10\.1\.7$/m);
  const unbound = generateZoneFile(world, { privateEndpoint: "arc-pe", format: "unbound", mode: "records" }).text;
  assert.match(unbound, /^server:$/m);
  assert.match(unbound, /^ {4}local-zone: "privatelink\.his\.arc\.azure\.com\." static$/m);
  assert.match(unbound, /^ {4}local-data: "gbl\.privatelink\.his\.arc\.azure\.com\. 300 IN A 10\.10\.1\.4"$/m);
  assert.match(unbound, /^ {4}local-data: "gbl\.his\.arc\.azure\.com\. 300 IN A 10\.10\.1\.4"$/m);
});

test("bad format, bad mode and --forward-to with records are refused", () => {
  assert.throws(
    () => generateZoneFile(world, { privateEndpoint: "arc-pe", format: "powerdns" }),
    /Invalid value for --format: 'powerdns'\. Expected one of: bind, windows-dns, dnsmasq, unbound\./,
  );
  assert.throws(
    () => generateZoneFile(world, { privateEndpoint: "arc-pe", format: "bind", mode: "both" }),
    /Invalid value for --mode: 'both'/,
  );
  assert.throws(
    () =>
      generateZoneFile(world, { privateEndpoint: "arc-pe", format: "bind", mode: "records", forwardTo: ["10.1.0.4"] }),
    /--forward-to applies only to --mode forwarders/,
  );
});
