import type { VerdictChange } from "./diff.js";
import type { Finding } from "./finding.js";
import { specOf } from "./findings-catalog.js";
import { traceLines } from "./trace-text.js";
import type { EndpointVerdict } from "./verdict-types.js";
import type { VerifyReport } from "./verify-world.js";

/** Rows printed in full without `--host`; bigger tables print only the rows that raise findings. */
export const FULL_TABLE_ROWS = 500;
const SHOWN_PER_CODE = 10;
const TRACED_ROWS = 20;

/** ARM ids shortened to their provider path after the namespace (`sites/dc1/hosts/web01`). */
export function shortIds(text: string): string {
  return text.replace(/\/subscriptions\/[^/\s"]+\/resourceGroups\/[^/\s"]+\/providers\/[^/\s"]+\/([^\s"]+)/gi, "$1");
}

const hostName = (id: string) =>
  id
    .split("/")
    .slice(-3)
    .filter((_, i) => i !== 1)
    .join("/");
const lastName = (id?: string) => id?.split("/").at(-1) ?? "";

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]))
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

function verdictRows(rows: readonly EndpointVerdict[]): string[] {
  return table(
    ["HOST", "ENDPOINT", "VERDICT", "ROUTE", "ADDRESS", "REACHED"],
    rows.map((r) => [
      hostName(r.hostId),
      r.endpoint,
      r.verdict,
      r.route,
      r.address ?? "-",
      r.privateEndpointId
        ? `${lastName(r.privateEndpointId)} (scope ${lastName(r.scopeId) || "none"})`
        : r.verdict === "PUBLIC"
          ? "public"
          : "-",
    ]),
  );
}

function findingLines(findings: readonly Finding[]): string[] {
  const out: string[] = [];
  const byCode = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byCode.get(f.code);
    if (list) list.push(f);
    else byCode.set(f.code, [f]);
  }
  for (const [code, list] of byCode) {
    const spec = specOf(list[0].code);
    // The instances' own fixes (a symptom's is its root cause's; some are specific to the
    // trace) when there are few; else the catalogue's.
    const fixes = [...new Set(list.map((f) => f.fix))];
    const causes = [...new Set(list.flatMap((f) => (f.rootCause ? [f.rootCause] : [])))];
    const rootFix =
      causes.length === 1 && fixes.length > 3
        ? [`Fix the root cause first (${causes[0]}): ${specOf(causes[0]).fix}`]
        : undefined;
    const caused = causes.length > 0 ? ` — caused by ${causes.join(", ")}` : "";
    out.push(`${spec.severity.toUpperCase()} ${code} (${list.length}): ${spec.title}${caused}`);
    out.push(`  rule: ${spec.rule} [${spec.source}]`);
    if (spec.quote) out.push(`  quote: "${spec.quote}"`);
    for (const fix of rootFix ?? (fixes.length <= 3 ? fixes : [spec.fix])) out.push(`  fix: ${fix}`);
    for (const f of list.slice(0, SHOWN_PER_CODE)) out.push(`  - ${shortIds(f.message)}`);
    if (list.length > SHOWN_PER_CODE) out.push(`  … and ${list.length - SHOWN_PER_CODE} more (--json lists all)`);
  }
  return out;
}

/**
 * The human report: the verdict table, per-host traces, findings grouped by code with
 * rule, source and fix, and the no-exfiltration proof. `traceAll` (with `--host`) traces
 * every row; otherwise the first rows that raise findings are traced.
 */
export function renderText(report: VerifyReport, source: string, traceAll: boolean): string {
  const out: string[] = [];
  const failing = new Set(report.findings.flatMap((f) => (f.verdict ? [f.verdict] : [])));
  const rows = report.verdicts;
  out.push(`arclink verify: ${source} at ${report.now.toISOString()}`);
  out.push(`${report.hosts.length} host(s) with an agent, ${rows.length} host × endpoint verdict(s)`, "");
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.verdict, (counts.get(r.verdict) ?? 0) + 1);
  out.push(`Verdicts: ${[...counts].map(([v, n]) => `${v} ${n}`).join(", ") || "none"}`, "");
  const full = traceAll || rows.length <= FULL_TABLE_ROWS;
  const shown = full ? rows : rows.filter((r) => failing.has(r)).slice(0, FULL_TABLE_ROWS);
  if (!full) out.push(`Rows that raise findings (first ${shown.length}; --host H or --json for every row):`);
  if (shown.length > 0) out.push(...verdictRows(shown), "");

  const traced = traceAll ? rows : rows.filter((r) => failing.has(r)).slice(0, TRACED_ROWS);
  let host = "";
  for (const r of traced) {
    if (r.hostId !== host) out.push(`Trace of ${hostName(r.hostId)}:`);
    host = r.hostId;
    out.push(`  ${r.endpoint} → ${r.verdict}`, ...traceLines(r).map((l) => `    ${shortIds(l)}`));
  }
  if (traced.length > 0) out.push("");

  const by = (s: string) => report.findings.filter((f) => f.severity === s).length;
  out.push(`Findings: ${by("error")} error(s), ${by("warning")} warning(s), ${by("info")} info`);
  out.push(...findingLines(report.findings), "");

  const p = report.proof;
  out.push(
    p.holds
      ? `No-exfiltration proof: HOLDS for ${p.machines} private-link machine(s) (${p.checked} Arc endpoint rows reach their own scope privately)`
      : `No-exfiltration proof: FAILS: ${p.counterexamples.length} counterexample(s) among ${p.checked} Arc endpoint rows of ${p.machines} machine(s)`,
  );
  for (const c of p.counterexamples.slice(0, 3)) {
    out.push(
      `  counterexample: ${hostName(c.hostId)} ${c.endpoint} → ${c.verdict}${c.address ? ` (${c.address})` : ""}`,
    );
    out.push(...traceLines(c.row).map((l) => `    ${shortIds(l)}`));
  }
  if (p.publicDependencies.length > 0) out.push("Public dependencies that remain:");
  for (const d of p.publicDependencies)
    out.push(`  ${d.endpoint} (${d.service}, ${d.hosts} host(s)): ${d.rule} [${d.source}]`);
  return `${out.join("\n")}\n`;
}

/** The human diff: changed host × endpoint rows, then findings introduced and resolved. */
export function renderDiffText(
  changes: readonly VerdictChange[],
  findings: { introduced: Finding[]; resolved: Finding[] },
  before: string,
  after: string,
): string {
  const out = [`arclink verify: ${before} → ${after}: ${changes.length} host × endpoint verdict(s) change`];
  if (changes.length > 0) {
    out.push(
      ...table(
        ["HOST", "ENDPOINT", "CHANGE", "BEFORE", "AFTER"],
        changes.map((c) => [
          hostName(c.hostId),
          c.endpoint,
          c.change,
          c.before ? `${c.before.verdict}${c.before.address ? ` ${c.before.address}` : ""}` : "-",
          c.after ? `${c.after.verdict}${c.after.address ? ` ${c.after.address}` : ""}` : "-",
        ]),
      ),
    );
  }
  out.push(
    "",
    `Findings introduced: ${findings.introduced.length}`,
    ...findings.introduced.map((f) => `  + ${f.severity} ${f.code}: ${shortIds(f.message)}`),
  );
  out.push(
    `Findings resolved: ${findings.resolved.length}`,
    ...findings.resolved.map((f) => `  - ${f.severity} ${f.code}: ${shortIds(f.message)}`),
  );
  return `${out.join("\n")}\n`;
}
