import { PUBLIC_ROOT_DNS_ADDRESS } from "../../world/catalog/public-endpoints.js";
import type { PremisesDnsServer } from "../model/premises.js";
import { canonicalName, isAtOrUnder } from "../model/read-json.js";
import { reach } from "../net/reach.js";
import type { Source } from "../net/reach-types.js";
import type { DnsRecord, Outcome, RecordType } from "./dns-types.js";
import { answerAt, depthGuard, endsInCname, type LookupContext, SERVFAIL, step } from "./lookup-context.js";
import { publicStep, resolvePublicly } from "./public-internet.js";

/** Local zone records at `name`; undefined when the name does not exist in the zone. */
function localRecords(zone: PremisesDnsServer["zones"][number], name: string): DnsRecord[] | undefined {
  const origin = canonicalName(zone.name);
  const out: DnsRecord[] = [];
  let below = false;
  for (const r of zone.records) {
    const owner =
      r.name === "@" ? origin : r.name.endsWith(".") ? canonicalName(r.name) : canonicalName(`${r.name}.${origin}`);
    if (owner.endsWith(`.${name}`)) below = true;
    if (owner !== name) continue;
    const type = r.type as RecordType;
    out.push({ name, type, ttl: r.ttl ?? 3600, data: type === "CNAME" ? canonicalName(r.value) : r.value });
  }
  return out.length > 0 || below || name === origin ? out : undefined;
}

/** Sends the query to targets in order; the first reachable one that answers gives the outcome. */
function forwardTo(
  ctx: LookupContext,
  server: PremisesDnsServer,
  targets: readonly string[],
  name: string,
  type: RecordType,
  depth: number,
) {
  const source: Source = { kind: "premises", id: server.id };
  for (const target of targets) {
    const outcome = ctx.ask(source, target, 53, name, type, depth + 1);
    if (outcome) return outcome;
  }
  return undefined;
}

/**
 * An on-premises DNS server answering a recursive query (docs/premises.md):
 * local zones and conditional forwarders, the longest matching domain wins (a zone on a
 * tie); then forwarders; then its own recursion on the public internet if enabled and
 * the site lets UDP 53 out. With `cnameChasing` a CNAME restarts through this logic, so
 * a public CNAME into `privatelink.` can meet a conditional forwarder; without it the
 * public internet follows the chain.
 */
export function resolveAtPremisesServer(
  ctx: LookupContext,
  server: PremisesDnsServer,
  name: string,
  type: RecordType,
  depth: number,
): Outcome {
  const at = server.id;
  const guard = depthGuard(ctx, at, name, depth);
  if (guard) return guard;
  const chase = server.cnameChasing
    ? (target: string) => resolveAtPremisesServer(ctx, server, target, type, depth + 1)
    : undefined;
  const finish = (outcome: Outcome): Outcome => {
    const next = chase && endsInCname(outcome, type);
    if (!next) return outcome;
    const rest = chase(next);
    return { rcode: rest.rcode, answers: [...outcome.answers, ...rest.answers] };
  };

  const zone = server.zones
    .filter((z) => isAtOrUnder(name, canonicalName(z.name)))
    .sort((a, b) => b.name.length - a.name.length)[0];
  const forwarder = server.conditionalForwarders
    .filter((f) => isAtOrUnder(name, canonicalName(f.domain)))
    .sort((a, b) => b.domain.length - a.domain.length)[0];
  if (zone && (!forwarder || canonicalName(zone.name).length >= canonicalName(forwarder.domain).length)) {
    const records = localRecords(zone, name);
    step(
      ctx,
      "local-zone",
      at,
      name,
      records ? `local zone "${zone.name}" answers` : `local zone "${zone.name}" has no "${name}": NXDOMAIN`,
    );
    return records ? answerAt(ctx, at, name, type, records, chase) : { rcode: "NXDOMAIN", answers: [] };
  }
  if (forwarder) {
    step(
      ctx,
      "conditional-forwarder",
      at,
      name,
      `conditional forwarder "${forwarder.domain}" → ${forwarder.targets.join(", ")}`,
    );
    const outcome = forwardTo(ctx, server, forwarder.targets, name, type, depth);
    if (outcome) return finish(outcome);
    step(ctx, "no-server-answered", at, name, `no target of conditional forwarder "${forwarder.domain}" is reachable`);
    return SERVFAIL;
  }
  if (server.forwarders.length > 0) {
    step(ctx, "forwarder", at, name, `forwarding to ${server.forwarders.join(", ")}`);
    const outcome = forwardTo(ctx, server, server.forwarders, name, type, depth);
    if (outcome) return finish(outcome);
    step(ctx, "no-server-answered", at, name, "no forwarder is reachable");
  }
  if (!server.recursion) {
    step(ctx, "recursion-disabled", at, name, "recursion is off and nothing else covers the name");
    return { rcode: server.forwarders.length > 0 ? "SERVFAIL" : "REFUSED", answers: [] };
  }
  const path = reach(ctx.world, { kind: "premises", id: server.id }, PUBLIC_ROOT_DNS_ADDRESS, 53, "Udp", ctx.now);
  if (path.disposition !== "DELIVERED") {
    step(
      ctx,
      "recursion",
      at,
      name,
      `cannot recurse: public DNS is not reachable (${path.disposition}: ${path.trace.at(-1)?.detail})`,
    );
    return SERVFAIL;
  }
  step(ctx, "recursion", at, name, "resolving on the public internet");
  return publicStep(ctx, at, name, type, chase ?? ((target) => resolvePublicly(ctx, target, type, depth + 1)));
}
