import assert from "node:assert/strict";
import { test } from "node:test";
import { CORPUS, goodQuery } from "../../test/helpers/dns-fuzz.js";
import { parseQuery } from "./query-parse.js";

const outcome = (name: string) => {
  const entry = CORPUS.find((c) => c.name === name);
  assert.ok(entry, name);
  const r = parseQuery(entry.packet);
  return r.kind === "error" ? r.rcode : r.kind === "drop" ? `drop:${r.reason}` : "query";
};

test("a good query is read: lower-cased name, type, class, EDNS", () => {
  const r = parseQuery(goodQuery("GBL.His.arc.azure.com", "TXT"));
  assert.equal(r.kind, "query");
  if (r.kind !== "query") return;
  assert.equal(r.query.name, "gbl.his.arc.azure.com");
  assert.equal(r.query.qtype, 16);
  assert.equal(r.query.qclass, 1);
  assert.deepEqual(r.query.edns, { payload: 1232, version: 0, dnssecOk: false });
});

test("every pathological packet of the corpus gets its RFC outcome", () => {
  const expected: Record<string, string> = {
    empty: "drop:short",
    "eleven bytes": "drop:short",
    "header only": "FORMERR",
    "qdcount 65535": "FORMERR",
    "pointer loop in question": "FORMERR",
    "pointer forward": "FORMERR",
    "label type 0x40": "FORMERR",
    "label type 0x80": "FORMERR",
    "label past end": "FORMERR",
    "name over 255": "FORMERR",
    "no type and class": "FORMERR",
    "class CHAOS": "query", // read; the plane answers NOTIMP for the class
    "opcode STATUS": "NOTIMP",
    "opcode 15": "NOTIMP",
    "a response": "drop:response",
    "EDNS version 1": "BADVERS",
    "OPT rdlen past end": "FORMERR",
    "trailing garbage": "FORMERR",
    oversized: "FORMERR",
    "type MAILA": "query",
  };
  assert.deepEqual(Object.keys(expected).sort(), CORPUS.map((c) => c.name).sort());
  for (const [name, want] of Object.entries(expected)) assert.equal(outcome(name), want, name);
});

test("labels with dots or binary bytes are escaped as dig shows them", () => {
  const q = Buffer.from(goodQuery("ab.example", "A", 1, false));
  q[13] = 0x2e; // "a.b" inside one label
  const r = parseQuery(q);
  assert.equal(r.kind, "query");
  if (r.kind === "query") assert.equal(r.query.name, "\\046b.example");
});
