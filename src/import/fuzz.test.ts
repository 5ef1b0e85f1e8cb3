// Inputs are fuzzed: no byte string makes a parser throw; whatever it cannot read is a
// problem with a file and a line inside the input.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { buildWorld } from "./build-world.js";
import { ImportLog } from "./import-log.js";
import { INTERNAL, readSource } from "./read-source.js";
import { readSiteFile } from "./site-file/site-file.js";
import { decodeText } from "./source-text.js";

const NAMES = [
  "x.json",
  "dc01/zones.json",
  "named.conf",
  "hosts",
  "resolv.conf",
  "ipconfig.txt",
  "unbound.conf",
  "dnsmasq.conf",
  "db.corp.example",
  "r.csv",
];

/** Bytes biased towards the syntax of the formats, so the fuzzer reaches deep into each parser. */
const fragments = fc.constantFrom(
  "[".repeat(3000),
  '{"resources":'.repeat(1500),
  "- ".repeat(1500),
  "{",
  "}",
  "[",
  "]",
  '"',
  ":",
  ",",
  ";",
  "\n",
  "\r\n",
  " ",
  "(",
  ")",
  "=",
  "/",
  "#",
  "//",
  "/*",
  "*/",
  "'",
  'zone "a" {',
  "type forward;",
  "forwarders { 10.0.0.1; };",
  "options {",
  'include "x";',
  "$ORIGIN a.",
  "$TTL 1h",
  "@ IN SOA a b 1 2 3 4 5",
  "web IN A 10.0.0.1",
  "server:",
  "forward-zone:",
  'name: "a"',
  "forward-addr: 10.0.0.1",
  'local-data: "a A 1.2.3.4"',
  "server=/a/10.0.0.1",
  "address=/a/1.2.3.4",
  "nameserver 10.0.0.1",
  "10.0.0.1 a.b",
  "Windows IP Configuration",
  "   IPv4 Address. . . : 10.0.0.1",
  "DNS Servers . . . : 10.0.0.2",
  "Enumerated zone list:",
  " Zone name  Type  Storage",
  '"HostName","RecordType","Data"',
  '{"ZoneName":"a","ZoneType":"Forwarder","MasterServers":',
  '{"type":"Microsoft.Network/virtualNetworks","id":',
  '"/subscriptions/0/resourceGroups/r/providers/Microsoft.Network/privateEndpoints/p"',
  '{"$schema":"deploymentTemplate","resources":[{"type":"a/b","name":"[concat(',
  '{"agentVersion":"1.45","resourceName":"h"}',
  "proxy.url : http://p:1",
  "sites:\n  - name: hq",
  "hosts:\n  h: { address: 1 }",
);
const inputs = fc.oneof(
  fc.uint8Array({ maxLength: 400 }),
  fc.array(fragments, { maxLength: 40 }).map((parts) => new TextEncoder().encode(parts.join(""))),
);

/**
 * Inputs that once ended the process: nested a few thousand deep, they overflowed the
 * stack inside the YAML library (the site file reader), and where the overflow landed
 * while V8 compiled a regular expression, V8 aborted ("RegExpCompiler Allocation
 * failed") — in a fresh process on the second such input, about one random fuzz run in
 * four. Each is read a few times, cut a little shorter each time, before any other test
 * has warmed the library up, so the overflow would land at different places.
 */
const ONCE_FATAL: [string, string][] = [
  ["dnsmasq.conf", `${"[".repeat(3000)}local-data: "a A 1.2.3.4") }/(`],
  ["unbound.conf", `${'{"resources":'.repeat(1500)}server://\n   IPv4 Address. . . : 10.0.0.1`],
];

test("inputs nested thousands deep are problems, not the end of the process", () => {
  for (const [file, input] of ONCE_FATAL) {
    for (let cut = 0; cut < 4; cut++) {
      const text = input.slice(0, input.length - cut * 7);
      readSource({ file, text, readRelative: () => undefined }, new ImportLog());
      const log = new ImportLog();
      readSiteFile(text, "site.yaml", log);
      assert.deepEqual(
        log.problems.map((p) => [p.line, p.expected]),
        [[1, "YAML nested at most 64 deep"]],
      );
    }
  }
});

test("no byte string makes any parser throw; problems point inside the input", () => {
  fc.assert(
    fc.property(inputs, fc.constantFrom(...NAMES), (bytes, file) => {
      const text = decodeText(bytes);
      const log = new ImportLog();
      readSource({ file, text, readRelative: () => ({ file: "inc", text }) }, log);
      readSiteFile(text, "site.yaml", new ImportLog());
      const lines = text.split("\n").length;
      for (const p of log.problems) {
        assert.ok(p.line >= 0 && p.line <= lines + 1, `line ${p.line} of ${lines}`);
        assert.ok(!p.expected.startsWith(INTERNAL), p.expected);
      }
    }),
    { numRuns: 3000 },
  );
});

test("no set of sources makes the world builder throw", () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(inputs, fc.constantFrom(...NAMES)), { maxLength: 5 }), (files) => {
      buildWorld(
        files.map(([bytes, file], i) => ({
          file: `s${i}/${file}`,
          text: decodeText(bytes),
          readRelative: () => undefined,
        })),
      );
    }),
    { numRuns: 500 },
  );
});
