import type { AccessDecision } from "../semantics/access/index.js";
import type { DnsAnswer } from "../semantics/dns/index.js";
import type { ReachResult } from "../semantics/net/index.js";
import type { VerdictChange } from "./diff.js";
import type { Finding } from "./finding.js";
import { FINDINGS, specOf } from "./findings-catalog.js";
import { traceLines } from "./trace-text.js";
import type { EndpointVerdict, Shared } from "./verdict-types.js";
import type { VerifyReport } from "./verify-world.js";

/** The version of the `--json` schema (docs/verify.md); bumped on any incompatible change. */
export const JSON_SCHEMA_VERSION = 1;

/** Shared trace parts written once under `traces` and referenced by id from the rows. */
class TraceTable {
  readonly dns = new Map<object, string>();
  readonly net = new Map<object, string>();
  readonly access = new Map<object, string>();
  #next = 0;
  ref(map: Map<object, string>, prefix: string, value: object | undefined): string | undefined {
    if (!value) return undefined;
    let id = map.get(value);
    if (!id) {
      id = `${prefix}${++this.#next}`;
      map.set(value, id);
    }
    return id;
  }
}

function rowJson(r: EndpointVerdict, traces: TraceTable) {
  const t = r.trace;
  const plan =
    t.plan.result === "PLANNED"
      ? { result: t.plan.result, route: t.plan.route, steps: t.plan.trace }
      : { result: t.plan.result, message: t.plan.message, steps: t.plan.trace };
  return {
    hostId: r.hostId,
    endpoint: r.endpoint,
    service: r.service,
    verdict: r.verdict,
    route: r.route,
    privateLinkExpected: r.privateLinkExpected,
    address: r.address,
    privateEndpointId: r.privateEndpointId,
    scopeId: r.scopeId,
    refusal: r.refusal,
    origin: r.origin,
    reason: r.reason,
    computedFor: r.computedFor,
    trace: {
      plan,
      toProxy: traces.ref(traces.net, "n", t.toProxy),
      resolveFrom: t.resolveFrom,
      resolve: traces.ref(traces.dns, "d", t.resolve),
      reach: traces.ref(traces.net, "n", t.reach),
      occupants: t.occupants,
      access: traces.ref(traces.access, "a", t.access),
    },
  };
}

function findingJson(f: Finding, rowIndex: Map<EndpointVerdict, number>) {
  return {
    code: f.code,
    severity: f.severity,
    title: FINDINGS[f.code].title,
    message: f.message,
    hostId: f.hostId,
    endpoint: f.endpoint,
    resourceId: f.resourceId,
    row: f.verdict ? rowIndex.get(f.verdict) : undefined,
    evidence: f.evidence,
    rootCause: f.rootCause,
    rule: f.rule,
    source: f.source,
    quote: specOf(f.code).quote,
    fix: f.fix,
  };
}

/**
 * Writes the `--json` report in pieces (a run over 100,000 hosts is too big for one
 * string): `schemaVersion`, `source`, `now`, `summary`, `verdicts` (rows), `findings`
 * (each naming its row by index), `proof`, and `traces` — the DNS, network and access
 * traces the rows share, by id. docs/verify.md holds the schema.
 */
export function writeJson(report: VerifyReport, source: string, write: (chunk: string) => void): void {
  const traces = new TraceTable();
  const rowIndex = new Map<EndpointVerdict, number>();
  const verdicts: Record<string, number> = {};
  for (const r of report.verdicts) verdicts[r.verdict] = (verdicts[r.verdict] ?? 0) + 1;
  const severity = { error: 0, warning: 0, info: 0 };
  for (const f of report.findings) severity[f.severity]++;
  const summary = {
    hosts: report.hosts.length,
    rows: report.verdicts.length,
    verdicts,
    findings: severity,
    proofHolds: report.proof.holds,
  };
  write(
    `{"schemaVersion":${JSON_SCHEMA_VERSION},"source":${JSON.stringify(source)},"now":"${report.now.toISOString()}",`,
  );
  write(`"summary":${JSON.stringify(summary)},"verdicts":[`);
  report.verdicts.forEach((r, i) => {
    rowIndex.set(r, i);
    write(`${i ? "," : ""}\n${JSON.stringify(rowJson(r, traces))}`);
  });
  write('],"findings":[');
  report.findings.forEach((f, i) => {
    write(`${i ? "," : ""}\n${JSON.stringify(findingJson(f, rowIndex))}`);
  });
  const proof = {
    ...report.proof,
    counterexamples: report.proof.counterexamples.map(({ row, ...c }) => ({
      ...c,
      row: rowIndex.get(row),
      path: traceLines(row),
    })),
  };
  write(`],\n"proof":${JSON.stringify(proof)},\n"traces":{"dns":{`);
  const entries = <T>(map: Map<object, string>, shape: (v: T) => unknown) => {
    let first = true;
    for (const [value, id] of map) {
      write(`${first ? "" : ","}\n${JSON.stringify(id)}:${JSON.stringify(shape(value as T))}`);
      first = false;
    }
  };
  entries<Shared<DnsAnswer>>(traces.dns, (s) => ({
    computedFor: s.computedFor,
    rcode: s.value.rcode,
    answers: s.value.answers,
    steps: s.value.trace,
  }));
  write('},"net":{');
  entries<Shared<ReachResult>>(traces.net, (s) => ({
    computedFor: s.computedFor,
    disposition: s.value.disposition,
    place: s.value.place,
    steps: s.value.trace,
  }));
  write('},"access":{');
  entries<AccessDecision>(traces.access, (a) => a);
  write("}}}\n");
}

/** The `--before/--after` report as JSON: changed rows matched by key, findings introduced and resolved. */
export function diffJson(
  changes: readonly VerdictChange[],
  findings: { introduced: Finding[]; resolved: Finding[] },
  before: string,
  after: string,
  now: Date,
): string {
  const f = (x: Finding) => findingJson(x, new Map());
  return `${JSON.stringify({
    schemaVersion: JSON_SCHEMA_VERSION,
    before,
    after,
    now: now.toISOString(),
    changes,
    findings: { introduced: findings.introduced.map(f), resolved: findings.resolved.map(f) },
  })}\n`;
}
