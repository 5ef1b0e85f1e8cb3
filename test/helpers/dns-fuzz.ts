import packet from "dns-packet";
import fc from "fast-check";

/** A well-formed query (with EDNS or not) to mutate. */
export function goodQuery(name = "gbl.his.arc.azure.com", type = "A", id = 4242, edns = true): Buffer {
  return packet.encode({
    type: "query",
    id,
    flags: packet.RECURSION_DESIRED,
    questions: [{ name, type: type as packet.RecordType, class: "IN" }],
    additionals: edns
      ? [{ type: "OPT", name: ".", udpPayloadSize: 1232, flags: 0, options: [] } as unknown as packet.Answer]
      : [],
  });
}

const header = (id: number, flags: number, qd: number, an: number, ns: number, ar: number) => {
  const b = Buffer.alloc(12);
  b.writeUInt16BE(id, 0);
  b.writeUInt16BE(flags, 2);
  b.writeUInt16BE(qd, 4);
  b.writeUInt16BE(an, 6);
  b.writeUInt16BE(ns, 8);
  b.writeUInt16BE(ar, 10);
  return b;
};

/** Pathological packets, each named: what the RFCs say to answer is in src/dns/rcodes.ts. */
export const CORPUS: { name: string; packet: Buffer }[] = [
  { name: "empty", packet: Buffer.alloc(0) },
  { name: "eleven bytes", packet: Buffer.alloc(11, 0xff) },
  { name: "header only", packet: header(1, 0x0100, 0, 0, 0, 0) },
  {
    name: "qdcount 65535",
    packet: Buffer.concat([header(2, 0x0100, 65535, 65535, 65535, 65535), Buffer.from([1, 97, 0, 0, 1, 0, 1])]),
  },
  {
    name: "pointer loop in question",
    packet: Buffer.concat([header(3, 0x0100, 1, 0, 0, 0), Buffer.from([0xc0, 12, 0, 1, 0, 1])]),
  },
  {
    name: "pointer forward",
    packet: Buffer.concat([header(4, 0x0100, 1, 0, 0, 0), Buffer.from([0xc0, 200, 0, 1, 0, 1])]),
  },
  {
    name: "label type 0x40",
    packet: Buffer.concat([header(5, 0x0100, 1, 0, 0, 0), Buffer.from([0x41, 97, 0, 0, 1, 0, 1])]),
  },
  {
    name: "label type 0x80",
    packet: Buffer.concat([header(6, 0x0100, 1, 0, 0, 0), Buffer.from([0x81, 97, 0, 0, 1, 0, 1])]),
  },
  { name: "label past end", packet: Buffer.concat([header(7, 0x0100, 1, 0, 0, 0), Buffer.from([63, 97, 97])]) },
  {
    name: "name over 255",
    packet: Buffer.concat([
      header(8, 0x0100, 1, 0, 0, 0),
      Buffer.from(Array.from({ length: 5 }, () => [63, ...Array(63).fill(97)]).flat()),
      Buffer.from([0, 0, 1, 0, 1]),
    ]),
  },
  { name: "no type and class", packet: Buffer.concat([header(9, 0x0100, 1, 0, 0, 0), Buffer.from([1, 97, 0])]) },
  {
    name: "class CHAOS",
    packet: Buffer.concat([
      header(10, 0x0100, 1, 0, 0, 0),
      Buffer.from([7, ...Buffer.from("version"), 4, ...Buffer.from("bind"), 0, 0, 16, 0, 3]),
    ]),
  },
  {
    name: "opcode STATUS",
    packet: Buffer.concat([header(11, 0x1100, 1, 0, 0, 0), Buffer.from([1, 97, 0, 0, 1, 0, 1])]),
  },
  { name: "opcode 15", packet: Buffer.concat([header(12, 0x7900, 1, 0, 0, 0), Buffer.from([1, 97, 0, 0, 1, 0, 1])]) },
  { name: "a response", packet: Buffer.concat([header(13, 0x8180, 1, 0, 0, 0), Buffer.from([1, 97, 0, 0, 1, 0, 1])]) },
  {
    name: "EDNS version 1",
    packet: Buffer.concat([
      header(14, 0x0100, 1, 0, 0, 1),
      Buffer.from([1, 97, 0, 0, 1, 0, 1]),
      Buffer.from([0, 0, 41, 4, 0, 0, 1, 0, 0, 0, 0]),
    ]),
  },
  {
    name: "OPT rdlen past end",
    packet: Buffer.concat([
      header(15, 0x0100, 1, 0, 0, 1),
      Buffer.from([1, 97, 0, 0, 1, 0, 1]),
      Buffer.from([0, 0, 41, 4, 0, 0, 0, 0, 0, 255, 255]),
    ]),
  },
  { name: "trailing garbage", packet: Buffer.concat([goodQuery("a.example", "A", 16, false), Buffer.alloc(40, 7)]) },
  { name: "oversized", packet: Buffer.concat([goodQuery("a.example", "A", 17, false), Buffer.alloc(9000, 1)]) },
  {
    name: "type MAILA",
    packet: Buffer.concat([header(18, 0x0100, 1, 0, 0, 0), Buffer.from([1, 97, 0, 0, 254, 0, 1])]),
  },
];

/** Any bytes, a mutation of a good query, or a corpus entry. */
export const malformed: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ minLength: 0, maxLength: 600 }),
  fc
    .tuple(
      fc.constantFrom(goodQuery(), goodQuery("x.privatelink.his.arc.azure.com", "TXT", 1, false)),
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }),
      fc.nat(),
    )
    .map(([base, edits, cut]) => {
      const b = Buffer.from(base);
      for (const [at, v] of edits) b[at % b.length] = v;
      return b.subarray(0, cut % (b.length + 1));
    }),
  fc.constantFrom(...CORPUS.map((c) => c.packet)),
);
