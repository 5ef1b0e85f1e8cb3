import type { DnsRecord, Outcome, RecordType } from "./dns-types.js";
import { answerAt, depthGuard, type LookupContext, step } from "./lookup-context.js";
import { lookupPublicName } from "./public-names.js";

export const PUBLIC_AT = "public internet";

/**
 * One authoritative step on the public internet: the records at exactly `name` from the
 * catalog, or NXDOMAIN. `chase` follows a CNAME (undefined = return it unfollowed).
 */
export function publicStep(
  ctx: LookupContext,
  at: string,
  name: string,
  type: RecordType,
  chase: ((target: string) => Outcome) | undefined,
): Outcome {
  const found = lookupPublicName(ctx.world, name);
  if (!found.exists) {
    step(ctx, "public-lookup", at, name, `"${name}" does not exist on the public internet`);
    return { rcode: "NXDOMAIN", answers: [] };
  }
  const records: DnsRecord[] = found.records.map((r) => ({ ...r }));
  const shown = records.map((r) => `${r.type} ${r.data}`).join(", ") || "no records";
  step(
    ctx,
    "public-lookup",
    at,
    name,
    `public DNS has ${shown}${found.serviceTag ? ` (service tag ${found.serviceTag})` : ""}`,
  );
  return answerAt(ctx, at, name, type, records, chase);
}

/** A public recursive resolver: follows CNAMEs on the public internet only. */
export function resolvePublicly(ctx: LookupContext, name: string, type: RecordType, depth: number): Outcome {
  const guard = depthGuard(ctx, PUBLIC_AT, name, depth);
  if (guard) return guard;
  return publicStep(ctx, PUBLIC_AT, name, type, (target) => resolvePublicly(ctx, target, type, depth + 1));
}
