import assert from "node:assert/strict";
import { test } from "node:test";
import { stopChild } from "../bench/lib/processes.js";
import { arclink, arclinkUp } from "./helpers/cli.js";

test("arclink addresses --json: every DNS entity with its realized address and port", () => {
  const { code, stdout } = arclink(["addresses", "--lab", "default", "--json"]);
  assert.equal(code, 0);
  const rows = JSON.parse(stdout) as {
    address: string;
    realized: string;
    port?: number;
    kind: string;
    entity: string;
  }[];
  const dc01 = rows.find((r) => r.entity.endsWith("/dnsServers/dc01"));
  assert.equal(dc01?.address, "192.168.0.10");
  assert.match(dc01?.realized ?? "", /^127\.\d+\.\d+\.10$/);
  assert.ok(dc01?.port === 53 || dc01?.port === 10053);
  assert.equal(rows.filter((r) => r.kind === "azure-dns").length, 1);
  assert.ok(rows.some((r) => r.kind === "host" && r.port === undefined));
});

test("arclink dns query --from: the answer as dig shows it and the trace of every hop", () => {
  const { code, stdout } = arclink(["dns", "query", "gbl.his.arc.azure.com", "--from", "web01", "--lab", "default"]);
  assert.equal(code, 0, stdout);
  assert.match(stdout, /status: NOERROR/);
  assert.match(stdout, /gbl\.privatelink\.his\.arc\.azure\.com\.\s+10\s+IN\s+A\s+10\.10\.1\.4/);
  assert.match(stdout, /TRACE \(\d+ steps/);
  assert.match(stdout, /conditional-forwarder\s+dnsServers\/dc01/);
});

test("arclink dns query --server --json: NXDOMAIN with the SOA and the trace; exit 1", () => {
  const { code, stdout } = arclink([
    "dns",
    "query",
    "nope.privatelink.his.arc.azure.com",
    "--server",
    "dc01",
    "--lab",
    "default",
    "--json",
  ]);
  assert.equal(code, 1);
  const out = JSON.parse(stdout);
  assert.equal(out.answer.rcode, "NXDOMAIN");
  assert.equal(out.answer.authorities[0].type, "SOA");
  assert.ok(out.trace.some((s: { kind: string }) => s.kind === "private-zone"));
});

test("arclink dns query: bad input is a usage error (exit 2)", () => {
  const both = arclink(["dns", "query", "x", "--from", "web01", "--server", "dc01", "--lab", "default"]);
  assert.equal(both.code, 2);
  assert.match(both.stderr, /exactly one of --from HOST and --server ENTITY/);
  const unknown = arclink(["dns", "query", "x", "--from", "nohost", "--lab", "default"]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /no host or proxy 'nohost'/);
  const type = arclink(["dns", "query", "x", "--from", "web01", "--type", "HINFO", "--lab", "default"]);
  assert.equal(type.code, 2);
});

test("arclink up lists every DNS entity with its address", async () => {
  const { child, ready } = await arclinkUp(["--in-memory", "--port", "0", "--dns-port", "10153"]);
  try {
    const servers = ready.dnsServers as { kind: string; worldAddress: string; realized: string; port: number }[];
    assert.equal(servers.length, 10);
    assert.ok(servers.every((s) => s.port === 10153));
    assert.ok(servers.some((s) => s.kind === "resolver-inbound" && s.worldAddress === "10.10.2.4"));
  } finally {
    await stopChild(child);
  }
});
