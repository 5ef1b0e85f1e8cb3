import type { World } from "../../world/world.js";
import type { AskAddress, DnsRecord, DnsStep, DnsStepKind, Outcome, RecordType } from "./dns-types.js";

/** How many server hops and CNAME links one resolution may take before it is a loop. */
export const MAX_DEPTH = 16;

export interface LookupContext {
  world: World;
  now: Date;
  trace: DnsStep[];
  ask: AskAddress;
}

export function step(ctx: LookupContext, kind: DnsStepKind, at: string, name: string, detail: string): void {
  ctx.trace.push({ kind, at, name, detail });
}

export const SERVFAIL: Outcome = { rcode: "SERVFAIL", answers: [] };

/** SERVFAIL with a trace step once `depth` passes the limit; undefined while within it. */
export function depthGuard(ctx: LookupContext, at: string, name: string, depth: number): Outcome | undefined {
  if (depth <= MAX_DEPTH) return undefined;
  step(ctx, "depth-exceeded", at, name, `more than ${MAX_DEPTH} hops resolving "${name}": a forwarding or CNAME loop`);
  return SERVFAIL;
}

/**
 * Turns the records found at one name into an answer: the records of the asked type,
 * or a CNAME followed by `chase` (which resolves the target; undefined = do not follow),
 * or NOERROR with no data.
 */
export function answerAt(
  ctx: LookupContext,
  at: string,
  name: string,
  type: RecordType,
  records: readonly DnsRecord[],
  chase: ((target: string) => Outcome) | undefined,
): Outcome {
  const exact = records.filter((r) => r.type === type);
  if (exact.length > 0) return { rcode: "NOERROR", answers: exact };
  const cname = records.find((r) => r.type === "CNAME");
  if (!cname) return { rcode: "NOERROR", answers: [] };
  if (!chase) {
    step(ctx, "cname-not-chased", at, name, `"${name}" is a CNAME to "${cname.data}"; not followed here`);
    return { rcode: "NOERROR", answers: [cname] };
  }
  step(ctx, "cname", at, name, `"${name}" is a CNAME to "${cname.data}"; following it`);
  const rest = chase(cname.data);
  return { rcode: rest.rcode, answers: [cname, ...rest.answers] };
}

/** True when an answer ends in a CNAME the asker still has to follow. */
export function endsInCname(outcome: Outcome, type: RecordType): string | undefined {
  const last = outcome.answers[outcome.answers.length - 1];
  return outcome.rcode === "NOERROR" && type !== "CNAME" && last?.type === "CNAME" ? last.data : undefined;
}
