import type { Rcode } from "../semantics/dns/dns-types.js";

/** DNS response codes on the wire [RFC 1035 §4.1.1, RFC 6891 §9]. */
export const WIRE_RCODE = {
  NOERROR: 0,
  FORMERR: 1,
  SERVFAIL: 2,
  NXDOMAIN: 3,
  NOTIMP: 4,
  REFUSED: 5,
  /** Extended rcode 16: 4 bits in the header (0) and 1 in the OPT record's upper bits. */
  BADVERS: 16,
} as const;

export type WireRcodeName = keyof typeof WIRE_RCODE;

/**
 * The one table from outcomes to answer codes: every semantic rcode `resolve` gives and
 * every protocol outcome of the wire plane. README.md lists the same rows (a test checks
 * both ways). `answer: "drop"` = no reply at all.
 */
export const OUTCOMES = [
  {
    outcome: "NOERROR",
    rcode: "NOERROR",
    when: "resolve found the name: its records, or none of the type (NODATA, SOA in authority)",
  },
  { outcome: "NXDOMAIN", rcode: "NXDOMAIN", when: "resolve found that the name does not exist (SOA in authority)" },
  {
    outcome: "SERVFAIL",
    rcode: "SERVFAIL",
    when: "resolve could not get an answer: forwarder targets unreachable (sent after the forward timeout), loops, recursion blocked",
  },
  {
    outcome: "REFUSED",
    rcode: "REFUSED",
    when: "resolve says the entity refuses (recursion off and nothing covers the name)",
  },
  {
    outcome: "unknown-source",
    rcode: "REFUSED",
    when: "the source address is no world host and no default host was given",
  },
  { outcome: "zone-transfer", rcode: "REFUSED", when: "AXFR, IXFR: zone transfers are refused" },
  {
    outcome: "malformed",
    rcode: "FORMERR",
    when: "the header is readable but the message is not: bad label, name too long, pointer in the question, truncated record, QDCOUNT ≠ 1, answer or authority records, more than one OPT",
  },
  { outcome: "opcode", rcode: "NOTIMP", when: "an opcode other than QUERY (0)" },
  { outcome: "class", rcode: "NOTIMP", when: "a class other than IN (1)" },
  { outcome: "meta-type", rcode: "NOTIMP", when: "query types MAILA, MAILB and OPT as a question" },
  { outcome: "edns-version", rcode: "BADVERS", when: "an OPT record with EDNS version above 0 [RFC 6891 §6.1.3]" },
  { outcome: "short", rcode: "drop", when: "fewer than 12 bytes: there is no header to answer" },
  { outcome: "response", rcode: "drop", when: "QR = 1: a response is never answered" },
  {
    outcome: "unreachable",
    rcode: "drop",
    when: "reach says the asker's packet never arrives (another site, 168.63.129.16 from outside its vnet): a timeout, as in the world",
  },
] as const satisfies readonly { outcome: string; rcode: WireRcodeName | "drop"; when: string }[];

/** The wire rcode for a semantic outcome. */
export function wireRcode(rcode: Rcode): number {
  return WIRE_RCODE[rcode];
}
