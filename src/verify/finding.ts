import { FINDINGS, type FindingCode, type Severity } from "./findings-catalog.js";
import type { EndpointVerdict } from "./verdict-types.js";

/** One finding: a catalogued code, where it applies, and the evidence. */
export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** Specific to this instance: names the values and the state found. */
  message: string;
  hostId?: string;
  endpoint?: string;
  /** On a symptom: the finding on the same row that caused it (its fix is the root cause's). */
  rootCause?: FindingCode;
  /** On a root cause: the severity it sorts with (the worst finding it causes), so it is reported first. */
  sortAs?: Severity;
  /** The resource the finding is about (world-wide checks). */
  resourceId?: string;
  /** The verdict row that proves it (endpoint findings); its trace is the proof. */
  verdict?: EndpointVerdict;
  /** Facts that prove a world-wide finding, one sentence each. */
  evidence?: string[];
  rule: string;
  source: string;
  fix: string;
}

/**
 * A finding of a catalogued code: severity, rule, source and fix come from the catalogue.
 *
 * @example
 * finding("ARC-PE-PENDING", { resourceId: peId, message: `Connection of "${peId}" is Pending.` });
 */
export function finding(
  code: FindingCode,
  fields: Omit<Finding, "code" | "severity" | "rule" | "source" | "fix">,
): Finding {
  const spec = FINDINGS[code];
  return { code, severity: spec.severity, rule: spec.rule, source: spec.source, fix: spec.fix, ...fields };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Errors first (a root cause sorts with the worst finding it causes), root causes before
 * their symptoms, then by code, host, endpoint and resource: a stable order for output and diffs.
 */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    ORDER[a.sortAs ?? a.severity] - ORDER[b.sortAs ?? b.severity] ||
    Number(a.rootCause !== undefined) - Number(b.rootCause !== undefined) ||
    cmp(a.code, b.code) ||
    cmp(a.hostId ?? "", b.hostId ?? "") ||
    cmp(a.endpoint ?? "", b.endpoint ?? "") ||
    cmp(a.resourceId ?? "", b.resourceId ?? "")
  );
}
