import type { EndpointVerdict } from "./verdict-types.js";

/**
 * The trace of a verdict as lines of text, stage by stage: what the human output prints
 * under a host and what a proof counterexample carries as its path. A stage computed
 * once for another host with the same inputs says so.
 *
 * @example
 * traceLines(row) // ["plan: agent 1.45 on …", "dns query-server …: asks 192.168.0.10:53 …", …]
 */
export function traceLines(row: EndpointVerdict): string[] {
  const t = row.trace;
  const out: string[] = [];
  if (row.computedFor)
    out.push(
      `(computed for "${row.computedFor}", a host with the same site, DNS servers, hosts file, agent and machine settings)`,
    );
  if (t.plan.result !== "PLANNED") out.push(`plan: ${t.plan.result}: ${t.plan.message}`);
  for (const s of t.plan.trace) out.push(`plan ${s.kind}: ${s.detail}`);
  const self = row.computedFor ?? row.hostId;
  const shared = (computedFor: string) => (computedFor === self ? "" : ` (as computed for "${computedFor}")`);
  if (t.toProxy) {
    out.push(`to proxy: ${t.toProxy.value.disposition}${shared(t.toProxy.computedFor)}`);
    for (const s of t.toProxy.value.trace) out.push(`  net ${s.kind}: ${s.detail}`);
  }
  if (t.resolve) {
    const r = t.resolve.value;
    const answers = r.answers.map((a) => `${a.type} ${a.data}`).join(", ") || "no records";
    out.push(`resolve "${row.endpoint}": ${r.rcode} ${answers}${shared(t.resolve.computedFor)}`);
    for (const s of r.trace) out.push(`  dns ${s.kind} at ${s.at}: ${s.detail}`);
  }
  if (t.reach) {
    out.push(`reach ${row.address}:443: ${t.reach.value.disposition}${shared(t.reach.computedFor)}`);
    for (const s of t.reach.value.trace) out.push(`  net ${s.kind}: ${s.detail}`);
  }
  if (t.occupants) {
    const what =
      t.occupants
        .map((o) => `${o.kind} ${"id" in o ? o.id : "address" in o ? o.address : o.virtualNetworkId}`)
        .join(", ") || "nothing";
    out.push(`at ${row.address}: ${what}`);
  }
  if (t.access) {
    out.push(`access: ${t.access.decision}${t.access.decision === "REFUSE" ? ` ${t.access.reason}` : ""}`);
    for (const s of t.access.trace) out.push(`  ${s.passed ? "pass" : "fail"} ${s.kind}: ${s.detail}`);
  }
  out.push(`verdict: ${row.verdict}: ${row.reason}`);
  return out;
}
