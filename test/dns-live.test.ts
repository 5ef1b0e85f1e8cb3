import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { Resolver } from "node:dns/promises";
import { after, before, test } from "node:test";
import { promisify } from "node:util";
import { sendQuery, startDnsPlane } from "../src/dns/index.js";
import { loopbackRealization } from "../src/fabric/addresses/index.js";
import { type LiveDns, liveDns } from "./helpers/live-dns.js";

const run = promisify(execFile);
const SUB = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/arc-pl";
const ZONE = `${SUB}/providers/Microsoft.Network/privateDnsZones/privatelink.his.arc.azure.com`;
let live: LiveDns;
let dc01: string;
let web01: string;

before(async () => {
  live = await liveDns();
  dc01 = live.at("dnsServers/dc01");
  web01 = live.at("hosts/web01");
});
after(() => live.stop());

function resolverAs(from: string, server = dc01): Resolver {
  const r = new Resolver({ timeout: 1500, tries: 1 });
  r.setLocalAddress(from);
  r.setServers([`${server}:${live.plane.port}`]);
  return r;
}

async function dig(...args: string[]): Promise<string> {
  const { stdout } = await run("dig", ["+time=2", "+tries=1", "-p", String(live.plane.port), ...args]);
  return stdout;
}

test("Node's Resolver gets the docs' private answers from the on-prem server", async () => {
  const r = resolverAs(web01);
  assert.deepEqual(await r.resolve4("gbl.his.arc.azure.com"), ["10.10.1.4"]);
  assert.deepEqual(await r.resolve4("agentserviceapi.guestconfiguration.azure.com"), ["10.10.1.6"]);
  assert.deepEqual(await r.resolveCname("gbl.his.arc.azure.com"), ["gbl.privatelink.his.arc.azure.com"]);
});

test("dig shows the CNAME chain, the question's case and the flags of a recursive server", async () => {
  const out = await dig(`@${dc01}`, "-b", web01, "GBL.His.Arc.Azure.com");
  assert.match(out, /status: NOERROR/);
  assert.match(out, /flags: qr rd ra;/);
  assert.match(out, /;GBL\.His\.Arc\.Azure\.com\.\s+IN\s+A/);
  assert.match(out, /gbl\.his\.arc\.azure\.com\.\s+300\s+IN\s+CNAME\s+gbl\.privatelink\.his\.arc\.azure\.com\./);
  assert.match(out, /gbl\.privatelink\.his\.arc\.azure\.com\.\s+10\s+IN\s+A\s+10\.10\.1\.4/);
  assert.match(out, /EDNS: version: 0, flags:; udp: 1232/);
});

test("NXDOMAIN carries the zone's SOA with the negative TTL", async () => {
  const out = await dig(`@${dc01}`, "-b", web01, "nope.privatelink.his.arc.azure.com");
  assert.match(out, /status: NXDOMAIN/);
  assert.match(
    out,
    /privatelink\.his\.arc\.azure\.com\.\s+10\s+IN\s+SOA\s+azureprivatedns\.net\. azureprivatedns-host\.microsoft\.com\. 1 3600 300 2419200 10/,
  );
  await assert.rejects(resolverAs(web01).resolve4("nope.privatelink.his.arc.azure.com"), { code: "ENOTFOUND" });
});

test("NODATA (AAAA of a name with only A) is NOERROR with the SOA", async () => {
  const out = await dig(`@${dc01}`, "-b", web01, "AAAA", "gbl.privatelink.his.arc.azure.com");
  assert.match(out, /status: NOERROR/);
  assert.match(out, /ANSWER: 0, AUTHORITY: 1/);
});

test("SOA at a private zone apex; ANY answered minimally; AXFR refused", async () => {
  assert.match(
    await dig(`@${dc01}`, "-b", web01, "SOA", "privatelink.his.arc.azure.com"),
    /ANSWER SECTION:\nprivatelink\.his\.arc\.azure\.com\.\s+3600\s+IN\s+SOA\s+azureprivatedns\.net\./,
  );
  const any = await dig(`@${dc01}`, "-b", web01, "ANY", "gbl.privatelink.his.arc.azure.com");
  assert.match(any, /IN\s+A\s+10\.10\.1\.4/);
  const axfr = await sendQuery({
    server: dc01,
    from: web01,
    port: live.plane.port,
    name: "privatelink.his.arc.azure.com",
    type: "AXFR",
    tcp: true,
  });
  assert.equal(axfr.response?.rcode, "REFUSED");
});

test("an address that is no world host is refused; 168.63.129.16 does not answer a host outside its vnet", async () => {
  const stranger = await sendQuery({
    server: dc01,
    port: live.plane.port,
    from: "127.0.0.1",
    name: "gbl.his.arc.azure.com",
    type: "A",
  });
  assert.equal(stranger.response?.rcode, "REFUSED");
  const azure = live.plane.entities().find((e) => e.kind === "azure-dns");
  assert.ok(azure);
  const dropped = await sendQuery({
    server: azure.realized,
    port: live.plane.port,
    from: web01,
    name: "gbl.his.arc.azure.com",
    type: "A",
    timeoutMs: 300,
  });
  assert.equal(dropped.response, undefined);
  // From inside the vnet (the resolver's inbound endpoint address), it answers the private zone.
  const inside = await sendQuery({
    server: azure.realized,
    port: live.plane.port,
    from: live.at("inboundEndpoints/inbound"),
    name: "gbl.his.arc.azure.com",
    type: "A",
  });
  assert.equal(inside.response?.rcode, "NOERROR");
});

test("answers too large for UDP come back truncated, and dig and sendQuery retry over TCP", async () => {
  live.system.put(`${ZONE}/TXT/big`, {
    properties: { ttl: 60, txtRecords: Array.from({ length: 12 }, (_, i) => ({ value: [`${i}`.padEnd(200, "x")] })) },
  });
  const name = "big.privatelink.his.arc.azure.com";
  const truncated = await dig(`@${dc01}`, "-b", web01, "TXT", name, "+noedns", "+ignore");
  assert.match(truncated, /flags: qr tc rd ra;/);
  const fallback = await dig(`@${dc01}`, "-b", web01, "TXT", name, "+noedns");
  assert.match(fallback, /ANSWER: 12,/);
  assert.match(fallback, /\(TCP\)/);
  const tcp = await dig(`@${dc01}`, "-b", web01, "TXT", name, "+tcp");
  assert.match(tcp, /ANSWER: 12,/);
  const sent = await sendQuery({ server: dc01, from: web01, port: live.plane.port, name, type: "TXT", edns: false });
  assert.equal(sent.fellBackToTcp, true);
  assert.equal(sent.response?.answers?.length, 12);
});

test("NxDomainRedirect: a name missing from the linked zone falls back to public resolution", async () => {
  const name = "eus.privatelink.his.arc.azure.com";
  const before = await dig(`@${dc01}`, "-b", web01, name);
  assert.match(before, /status: NXDOMAIN/);
  const link = `${ZONE}/virtualNetworkLinks/hub`;
  const current = live.system.snapshot().get(link);
  assert.ok(current);
  live.system.put(link, {
    location: "global",
    properties: { ...current.properties, resolutionPolicy: "NxDomainRedirect" },
  });
  const afterRedirect = await dig(`@${dc01}`, "-b", web01, name);
  assert.match(afterRedirect, /status: NOERROR/);
  assert.match(afterRedirect, new RegExp(`${name.replace(/\./g, "\\.")}\\.\\s+300\\s+IN\\s+A\\s+\\d+`));
});

test("an ARM write changes the live answer at once (time measured and printed)", async () => {
  const r = resolverAs(web01);
  await assert.rejects(r.resolve4("fresh.privatelink.his.arc.azure.com"), { code: "ENOTFOUND" });
  const start = performance.now();
  live.system.put(`${ZONE}/A/fresh`, { properties: { ttl: 10, aRecords: [{ ipv4Address: "10.10.1.99" }] } });
  let answer: string[] = [];
  while (performance.now() - start < 5000) {
    answer = await r.resolve4("fresh.privatelink.his.arc.azure.com").catch(() => []);
    if (answer.length) break;
  }
  const elapsed = performance.now() - start;
  assert.deepEqual(answer, ["10.10.1.99"]);
  process.stdout.write(`# ARM write → live answer: ${elapsed.toFixed(1)} ms\n`);
  live.system.delete(`${ZONE}/A/fresh`);
  await assert.rejects(r.resolve4("fresh.privatelink.his.arc.azure.com"), { code: "ENOTFOUND" });
});

test("a DNS server added to the world starts answering; a deleted one stops, without restart", async () => {
  const id = `${SUB}/providers/Arclink.OnPremises/sites/hq/dnsServers/dc09`;
  live.system.put(id, { properties: { address: "192.168.0.19", forwarders: ["10.10.2.4"], recursion: false } });
  await live.plane.settled();
  const dc09 = live.at("dnsServers/dc09");
  assert.deepEqual(await resolverAs(web01, dc09).resolve4("gbl.his.arc.azure.com"), ["10.10.1.4"]);
  live.system.delete(id);
  await live.plane.settled();
  const gone = await sendQuery({
    server: dc09,
    from: web01,
    port: live.plane.port,
    name: "gbl.his.arc.azure.com",
    type: "A",
    timeoutMs: 300,
  });
  assert.equal(gone.response, undefined);
});

test("SERVFAIL when every forwarder target is unreachable, after the forward timeout", async () => {
  const id = `${SUB}/providers/Arclink.OnPremises/sites/hq/dnsServers/dc08`;
  live.system.put(id, {
    properties: {
      address: "192.168.0.18",
      conditionalForwarders: [{ domain: "corp.example", targets: ["10.99.0.1"] }],
    },
  });
  await live.plane.settled();
  const dc08 = live.at("dnsServers/dc08");
  const start = performance.now();
  const out = await dig(`@${dc08}`, "-b", web01, "app.corp.example");
  assert.match(out, /status: SERVFAIL/);
  assert.ok(performance.now() - start >= 90, "sent after forwardTimeoutMs (100 ms), not at once");
  live.system.delete(id);
});

test("with a default host (arclink up --dns-from web01), strangers are answered as that host", async () => {
  const plane = await startDnsPlane({
    system: live.system,
    realization: loopbackRealization({ seed: `default-from-${process.pid}` }),
    defaultFrom: "web01",
  });
  try {
    const dc = plane.entities().find((e) => e.id.endsWith("/dnsServers/dc01"));
    assert.ok(dc);
    const r = await sendQuery({
      server: dc.realized,
      port: plane.port,
      from: "127.0.0.1",
      name: "gbl.his.arc.azure.com",
      type: "A",
    });
    assert.equal(r.response?.rcode, "NOERROR");
    assert.ok((r.response?.answers ?? []).some((a) => (a as { data?: unknown }).data === "10.10.1.4"));
  } finally {
    await plane.stop();
  }
});
