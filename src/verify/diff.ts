import { idKey } from "../world/arm-id.js";
import type { Finding } from "./finding.js";
import type { EndpointVerdict, Verdict } from "./verdict-types.js";

/** The value columns of a verdict row that a diff compares. */
export interface RowValues {
  verdict: Verdict;
  route: string;
  address?: string;
  privateEndpointId?: string;
  scopeId?: string;
}

export interface VerdictChange {
  hostId: string;
  endpoint: string;
  change: "changed" | "added" | "removed";
  before?: RowValues;
  after?: RowValues;
}

const key = (r: { hostId: string; endpoint: string }) => `${idKey(r.hostId)}|${r.endpoint}`;
const values = (r: EndpointVerdict): RowValues => ({
  verdict: r.verdict,
  route: r.route,
  address: r.address,
  privateEndpointId: r.privateEndpointId,
  scopeId: r.scopeId,
});
const same = (a: RowValues, b: RowValues) =>
  a.verdict === b.verdict &&
  a.route === b.route &&
  a.address === b.address &&
  (a.privateEndpointId ?? "").toLowerCase() === (b.privateEndpointId ?? "").toLowerCase() &&
  (a.scopeId ?? "").toLowerCase() === (b.scopeId ?? "").toLowerCase();

/**
 * The host × endpoint rows that differ between two verdict tables, matched by their key
 * columns (host, endpoint) as batfish's TableDiff matches rows (STYLE.md §10): changed
 * values, rows only after (added), rows only before (removed). Key order of `after`, then removed rows.
 *
 * @example
 * diffVerdicts(before.verdicts, after.verdicts) // [{ hostId, endpoint, change: "changed", before: {verdict: "PRIVATE"}, after: {verdict: "PUBLIC"} }]
 */
export function diffVerdicts(before: readonly EndpointVerdict[], after: readonly EndpointVerdict[]): VerdictChange[] {
  const old = new Map(before.map((r) => [key(r), r]));
  const out: VerdictChange[] = [];
  for (const r of after) {
    const b = old.get(key(r));
    old.delete(key(r));
    if (!b) out.push({ hostId: r.hostId, endpoint: r.endpoint, change: "added", after: values(r) });
    else if (!same(values(b), values(r)))
      out.push({ hostId: r.hostId, endpoint: r.endpoint, change: "changed", before: values(b), after: values(r) });
  }
  for (const b of old.values())
    out.push({ hostId: b.hostId, endpoint: b.endpoint, change: "removed", before: values(b) });
  return out;
}

const findingKey = (f: Finding) =>
  `${f.code}|${idKey(f.hostId ?? "")}|${f.endpoint ?? ""}|${idKey(f.resourceId ?? "")}|${f.message}`;

/** Findings only after (introduced) and only before (resolved), matched by code, place and message. */
export function diffFindings(before: readonly Finding[], after: readonly Finding[]) {
  const b = new Set(before.map(findingKey));
  const a = new Set(after.map(findingKey));
  return {
    introduced: after.filter((f) => !b.has(findingKey(f))),
    resolved: before.filter((f) => !a.has(findingKey(f))),
  };
}
