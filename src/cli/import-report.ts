import type { BuiltWorld, CheckedWorld, ImportLog } from "../import/index.js";
import { formatProblem } from "../import/index.js";
import { UNREACHABLE_OUTCOMES } from "../semantics/connect/index.js";
import type { VerifyReport } from "../verify/verify-world.js";

/** One observation of `azcmagent check` next to the verifier's verdict for the same host and endpoint. */
export interface Observation {
  host: string;
  endpoint: string;
  observedPrivate?: boolean;
  observedReachable?: boolean;
  predicted: string;
  agrees: boolean;
}

/** Observations compared with the predicted verdicts: private ⇔ PRIVATE/PENDING_ASSOCIATION, reachable ⇔ not a DNS or network failure. */
export function compareObservations(built: BuiltWorld, report: VerifyReport): Observation[] {
  const out: Observation[] = [];
  for (const [host, seen] of built.observed) {
    for (const o of seen) {
      const row = report.verdicts.find(
        (v) =>
          v.hostId.split("/").pop()?.toLowerCase() === host.toLowerCase() &&
          v.endpoint.toLowerCase() === o.endpoint.toLowerCase(),
      );
      if (!row) continue;
      const predictedPrivate = row.verdict === "PRIVATE" || row.verdict === "PENDING_ASSOCIATION";
      const predictedReachable = !UNREACHABLE_OUTCOMES.has(row.verdict);
      const agrees =
        (o.private === undefined || o.private === predictedPrivate) &&
        (o.reachable === undefined || o.reachable === predictedReachable);
      out.push({
        host,
        endpoint: o.endpoint,
        ...(o.private !== undefined ? { observedPrivate: o.private } : {}),
        ...(o.reachable !== undefined ? { observedReachable: o.reachable } : {}),
        predicted: row.verdict,
        agrees,
      });
    }
  }
  return out;
}

function grouped<T>(items: T[], key: (t: T) => string, line: (t: T) => string, limit: number): string[] {
  const groups = new Map<string, T[]>();
  for (const i of items) groups.set(key(i), [...(groups.get(key(i)) ?? []), i]);
  const out: string[] = [];
  for (const [k, list] of groups) {
    if (list.length > limit) out.push(`  ${k}: ${list.length} times, first ${line(list[0])}`);
    else for (const i of list) out.push(`  ${line(i)}`);
  }
  return out;
}

/** The human summary of an import: sources read, problems, what was set aside, assumptions. */
export function renderImportText(
  built: BuiltWorld,
  checked: CheckedWorld,
  log: ImportLog,
  out: string | undefined,
  observations: Observation[],
): string {
  const lines = [
    `Imported ${checked.entries.length} resources from ${built.sources.length} source(s)${out ? ` into ${out}` : ""}.`,
    "",
    "Sources:",
    ...built.sources.map((s) => `  ${s.file}: ${s.format}${s.owner ? ` → ${s.owner}` : ""}`),
  ];
  if (log.problems.length > 0)
    lines.push(
      "",
      `Problems (${log.problems.length}): input that could not be read`,
      ...log.problems.map((p) => `  ${formatProblem(p)}`),
    );
  if (log.setAside.length > 0) {
    lines.push(
      "",
      `Set aside (${log.setAside.length}): read but not in the world`,
      ...grouped(
        log.setAside,
        (s) => s.reason,
        (s) => `${s.file}:${s.line}: ${s.what}: ${s.reason}`,
        3,
      ),
    );
  }
  if (log.assumptions.length > 0) {
    lines.push(
      "",
      `Assumptions (${log.assumptions.length}): what the exports did not say`,
      ...grouped(
        log.assumptions,
        (a) => `${a.subject.replace(/'[^']*'/g, "…")}: ${a.fix}`,
        (a) => `${a.subject}: ${a.assumed} (to say otherwise: ${a.fix})`,
        5,
      ),
    );
  }
  if (observations.length > 0) {
    const disagree = observations.filter((o) => !o.agrees);
    lines.push(
      "",
      `azcmagent check observations: ${observations.length - disagree.length} agree with the prediction, ${disagree.length} disagree`,
    );
    for (const o of disagree)
      lines.push(
        `  ${o.host} ${o.endpoint}: observed ${o.observedPrivate === undefined ? "" : o.observedPrivate ? "private" : "public"}${o.observedReachable === false ? " unreachable" : ""}, predicted ${o.predicted}`,
      );
  }
  return `${lines.join("\n")}\n`;
}

/** The header of a written world file: where it came from and what was assumed. */
export function worldHeader(built: BuiltWorld, log: ImportLog): string {
  const lines = [
    "Written by `arclink import` from:",
    ...built.sources.map((s) => `  ${s.file} (${s.format}${s.owner ? ` → ${s.owner}` : ""})`),
  ];
  if (log.assumptions.length > 0)
    lines.push("Assumptions:", ...log.assumptions.map((a) => `  ${a.subject}: ${a.assumed}`));
  if (log.setAside.length > 0) lines.push(`Set aside: ${log.setAside.length} (see \`arclink import\`'s report)`);
  return `${lines.map((l) => `# ${l}`.trimEnd()).join("\n")}\n`;
}
