import packet from "dns-packet";
import type { WireAnswer, WireRecord } from "../semantics/dns/resolve-wire.js";
import type { ParsedQuery } from "./query-parse.js";
import { WIRE_RCODE, type WireRcodeName } from "./rcodes.js";

/** The UDP payload size arclink advertises and never exceeds (the DNS flag day 2020 value). */
export const EDNS_PAYLOAD = 1232;
/** Without EDNS a UDP answer is at most 512 bytes [RFC 1035 §4.2.1]. */
export const PLAIN_UDP_LIMIT = 512;

export const FLAG = { QR: 0x8000, AA: 0x0400, TC: 0x0200, RD: 0x0100, RA: 0x0080 } as const;

/** An encoded answer: the full message and its truncated (TC, question only) form. */
export interface EncodedAnswer {
  full: Buffer;
  truncated: Buffer;
  /** Milliseconds to wait before sending (SERVFAIL after a forwarder timeout). */
  delayMs: number;
}

function opt(extendedRcode = 0): packet.Answer {
  return {
    type: "OPT",
    name: ".",
    udpPayloadSize: EDNS_PAYLOAD,
    extendedRcode,
    ednsVersion: 0,
    flags: 0,
    options: [],
  } as unknown as packet.Answer;
}

function record(r: WireRecord): packet.Answer {
  return { name: r.name, type: r.type, ttl: r.ttl, class: "IN", data: r.data } as unknown as packet.Answer;
}

/**
 * Header + the query's own question bytes + sections: the question is echoed exactly as
 * sent (case, type, class), so the cached message can be patched for any asker.
 */
function assemble(
  request: Uint8Array,
  q: ParsedQuery,
  flags: number,
  answers: packet.Answer[],
  authorities: packet.Answer[],
  additionals: packet.Answer[],
): Buffer {
  const body = packet.encode({ type: "response", id: 0, flags: 0, questions: [], answers, authorities, additionals });
  const question = request.subarray(q.questionStart, q.questionEnd);
  const out = Buffer.allocUnsafe(body.length + question.length);
  body.copy(out, 0, 0, 12);
  out.set(question, 12);
  body.copy(out, 12 + question.length, 12);
  out.writeUInt16BE(q.id, 0);
  out.writeUInt16BE(FLAG.QR | (q.flags & (0x7800 | FLAG.RD)) | (flags & ~0x7900), 2);
  out.writeUInt16BE(1, 4);
  return out;
}

/**
 * Encodes a resolution for `q`: the answer and authority sections, an OPT record when the
 * query had one, RA as the entity behaves, and the TC form for answers over the UDP limit.
 *
 * @example
 * const { full } = encodeAnswer(request, query, wire, { recursionAvailable: true, delayMs: 0 });
 */
export function encodeAnswer(
  request: Uint8Array,
  q: ParsedQuery,
  wire: Pick<WireAnswer, "rcode" | "answers" | "authority">,
  { recursionAvailable, delayMs }: { recursionAvailable: boolean; delayMs: number },
): EncodedAnswer {
  const flags = WIRE_RCODE[wire.rcode] | (recursionAvailable ? FLAG.RA : 0);
  const additionals = q.edns ? [opt()] : [];
  return {
    full: assemble(request, q, flags, wire.answers.map(record), wire.authority.map(record), additionals),
    truncated: assemble(request, q, flags | FLAG.TC, [], [], additionals),
    delayMs,
  };
}

/** An answer with no records and a protocol rcode (FORMERR, NOTIMP, REFUSED, BADVERS). */
export function encodeError(
  request: Uint8Array,
  id: number,
  queryFlags: number,
  rcode: WireRcodeName,
  q: ParsedQuery | undefined,
  recursionAvailable: boolean,
): Buffer {
  const code = WIRE_RCODE[rcode];
  const flags = (code & 0xf) | (recursionAvailable ? FLAG.RA : 0);
  if (q && rcode !== "FORMERR") {
    const additionals = q.edns ? [opt(code >> 4)] : [];
    return assemble(request, { ...q, id, flags: queryFlags }, flags, [], [], additionals);
  }
  const out = Buffer.alloc(12);
  out.writeUInt16BE(id, 0);
  out.writeUInt16BE(FLAG.QR | (queryFlags & (0x7800 | FLAG.RD)) | flags, 2);
  return out;
}

/** The limit a UDP answer must fit in for this query. */
export function udpLimit(q: ParsedQuery): number {
  return q.edns ? Math.min(q.edns.payload, EDNS_PAYLOAD) : PLAIN_UDP_LIMIT;
}
