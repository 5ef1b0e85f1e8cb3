import type { RealizationTable } from "../fabric/addresses/index.js";
import { placeKey } from "../fabric/addresses/index.js";
import { resolveForWire, type WireAnswer } from "../semantics/dns/resolve-wire.js";
import { reach } from "../semantics/net/reach.js";
import type { Source } from "../semantics/net/reach-types.js";
import type { World } from "../world/world.js";
import type { DnsEntity } from "./dns-entity.js";
import type { ParsedQuery } from "./query-parse.js";
import { type EncodedAnswer, encodeAnswer } from "./response-encode.js";

/** Query types answered by name: numbers → dns-packet names. */
const TYPE_NAMES: Record<number, string> = {
  1: "A",
  2: "NS",
  5: "CNAME",
  6: "SOA",
  12: "PTR",
  15: "MX",
  16: "TXT",
  28: "AAAA",
  33: "SRV",
};
export const QTYPE = { OPT: 41, IXFR: 251, AXFR: 252, MAILB: 253, MAILA: 254, ANY: 255 } as const;

/** What one version of the world needs to answer: the snapshot, the instant, the table. */
export interface AnswerContext {
  world: World;
  now: Date;
  table: RealizationTable;
  forwardTimeoutMs: number;
}

/** True when SERVFAIL came from waiting on something that never answered (a real server times out first). */
function waitedForTimeout(wire: WireAnswer): boolean {
  return (
    wire.rcode === "SERVFAIL" && wire.trace.some((s) => s.kind === "server-unreachable" || s.kind === "no-dns-listener")
  );
}

/**
 * The resolution an entity gives for a query. ANY is answered minimally with the A
 * query's answer [RFC 8482 §4.2]; types arclink holds no data for are NODATA or NXDOMAIN
 * by the name's existence (resolveForWire).
 */
export function wireAnswerFor(ctx: AnswerContext, entity: DnsEntity, q: ParsedQuery): WireAnswer {
  const type = q.qtype === QTYPE.ANY ? "A" : (TYPE_NAMES[q.qtype] ?? `TYPE${q.qtype}`);
  return resolveForWire(ctx.world, entity.vantage, q.name, type, ctx.now);
}

/** Encodes an entity's answer to a query (the cache stores the result). */
export function computeAnswer(
  ctx: AnswerContext,
  entity: DnsEntity,
  request: Uint8Array,
  q: ParsedQuery,
): EncodedAnswer {
  const wire = wireAnswerFor(ctx, entity, q);
  return encodeAnswer(request, q, wire, {
    recursionAvailable: entity.recursionAvailable,
    delayMs: waitedForTimeout(wire) ? ctx.forwardTimeoutMs : 0,
  });
}

/** Who asks: a world sender's `Source`, from the realized source address. */
export function sourceOf(
  ctx: AnswerContext,
  realizedSource: string,
  defaultFrom: string | undefined,
): Source | undefined {
  const entry = ctx.table.reverse(realizedSource);
  const sender = entry?.entities.find((e) => e.kind === "host" || e.kind === "proxy" || e.kind === "dns-server");
  if (sender && "id" in sender) return { kind: "premises", id: sender.id };
  if (entry?.place.kind === "virtual-network")
    return { kind: "virtual-network", virtualNetworkId: entry.place.virtualNetworkId };
  return defaultFrom ? { kind: "premises", id: defaultFrom } : undefined;
}

/**
 * Admission: the asker's UDP packet to the entity's world address must be delivered by
 * `reach` into the entity's own place (an on-prem server answers what its site can
 * reach; 168.63.129.16 of a vnet only from inside that vnet).
 */
export function admits(ctx: AnswerContext, entity: DnsEntity, source: Source): boolean {
  const path = reach(ctx.world, source, entity.address.address, 53, "Udp", ctx.now);
  return path.disposition === "DELIVERED" && !!path.place && placeKey(path.place) === placeKey(entity.address.place);
}
