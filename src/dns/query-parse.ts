/**
 * Reads a query straight from its bytes, without dns-packet's allocations: the header,
 * one question (labels only: a compression pointer cannot point before the question)
 * and at most one OPT record. Every way a packet can be wrong maps to one outcome of
 * OUTCOMES (rcodes.ts).
 */

export interface ParsedQuery {
  id: number;
  /** Header flags of the query (bits 0–15 of the second word). */
  flags: number;
  /** The question exactly as sent (name, type, class), for echoing with its case. */
  questionStart: number;
  questionEnd: number;
  /** Lower-cased name without trailing dot ("" for the root). */
  name: string;
  qtype: number;
  qclass: number;
  /** Present when the query has an OPT record. */
  edns?: { payload: number; version: number; dnssecOk: boolean };
}

export type ParseResult =
  | { kind: "query"; query: ParsedQuery }
  /** Answer with this rcode; `query` is set when the question could be read (to echo it). */
  | {
      kind: "error";
      id: number;
      flags: number;
      rcode: "FORMERR" | "NOTIMP" | "BADVERS";
      query?: ParsedQuery;
    }
  | { kind: "drop"; reason: "short" | "response" };

const MAX_NAME = 255;

/** Reads a name of labels; returns [name, end] or undefined when malformed. */
function readName(buf: Uint8Array, start: number): [string, number] | undefined {
  let offset = start;
  let name = "";
  let wire = 1;
  for (;;) {
    if (offset >= buf.length) return undefined;
    const len = buf[offset++];
    if (len === 0) return [name, offset];
    if (len > 63) return undefined; // pointer or reserved label type
    wire += len + 1;
    if (wire > MAX_NAME || offset + len > buf.length) return undefined;
    let label = "";
    for (let i = offset; i < offset + len; i++) {
      let c = buf[i];
      if (c >= 65 && c <= 90) c += 32;
      // Dots and non-printables inside a label are escaped as dig does (\DDD).
      label += c === 46 || c === 92 || c < 33 || c > 126 ? `\\${String(c).padStart(3, "0")}` : String.fromCharCode(c);
    }
    name += name ? `.${label}` : label;
    offset += len;
  }
}

/** Parses a query message (UDP payload or one TCP message). */
export function parseQuery(buf: Uint8Array): ParseResult {
  if (buf.length < 12) return { kind: "drop", reason: "short" };
  const id = (buf[0] << 8) | buf[1];
  const flags = (buf[2] << 8) | buf[3];
  if (flags & 0x8000) return { kind: "drop", reason: "response" };
  const fail = (rcode: "FORMERR" | "NOTIMP" | "BADVERS", query?: ParsedQuery): ParseResult => ({
    kind: "error",
    id,
    flags,
    rcode,
    query,
  });
  const qd = (buf[4] << 8) | buf[5];
  const an = (buf[6] << 8) | buf[7];
  const ns = (buf[8] << 8) | buf[9];
  const ar = (buf[10] << 8) | buf[11];
  const opcode = (flags >> 11) & 0xf;
  if (qd !== 1) return fail(opcode !== 0 ? "NOTIMP" : "FORMERR");
  const read = readName(buf, 12);
  if (!read || read[1] + 4 > buf.length) return fail(opcode !== 0 ? "NOTIMP" : "FORMERR");
  const [name, nameEnd] = read;
  const questionEnd = nameEnd + 4;
  const query: ParsedQuery = {
    id,
    flags,
    questionStart: 12,
    questionEnd,
    name,
    qtype: (buf[nameEnd] << 8) | buf[nameEnd + 1],
    qclass: (buf[nameEnd + 2] << 8) | buf[nameEnd + 3],
  };
  if (opcode !== 0) return fail("NOTIMP", query);
  if (an !== 0 || ns !== 0 || ar > 1) return fail("FORMERR", query);
  let end = questionEnd;
  if (ar === 1) {
    // The only additional record a query may carry here is OPT, owned by the root [RFC 6891 §6.1.1].
    if (end + 11 > buf.length || buf[end] !== 0) return fail("FORMERR", query);
    const type = (buf[end + 1] << 8) | buf[end + 2];
    if (type !== 41) return fail("FORMERR", query);
    const payload = (buf[end + 3] << 8) | buf[end + 4];
    const version = buf[end + 6];
    const dnssecOk = (buf[end + 7] & 0x80) !== 0;
    const rdlen = (buf[end + 9] << 8) | buf[end + 10];
    end += 11 + rdlen;
    if (end > buf.length) return fail("FORMERR", query);
    query.edns = { payload: Math.max(512, payload), version, dnssecOk };
    if (version !== 0) return fail("BADVERS", query);
  }
  if (end !== buf.length) return fail("FORMERR", query);
  return { kind: "query", query };
}
