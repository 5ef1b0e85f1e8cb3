import { traceLines, type VerifyReport, verifyWorld, writeJson } from "../verify/index.js";
import type { PortalSource } from "./portal-source.js";

/** A verify report of one world version, with its `--json` rendering made on demand. */
export interface CachedReport {
  version: number;
  report: VerifyReport;
  json(): string;
}

/** Verdicts depend on time (the association delay): a cached report is redone after this long. */
const MAX_AGE_MS = 10_000;

/**
 * `verifyWorld` over the source's snapshot, computed once per world version (and again
 * when the last run is older than 10 s of real time).
 *
 * @example
 * const verify = createVerifyCache(source);
 * verify().report.findings.length
 */
export function createVerifyCache(source: PortalSource): () => CachedReport {
  let cached: (CachedReport & { at: number }) | undefined;
  return function verifyCurrent() {
    const version = source.version();
    if (cached && cached.version === version && Date.now() - cached.at < MAX_AGE_MS) return cached;
    const report = verifyWorld(source.snapshot(), { now: source.now() });
    let text: string | undefined;
    const json = () => {
      if (text === undefined) {
        const parts: string[] = [];
        writeJson(report, `arclink world version ${version}`, (chunk) => parts.push(chunk));
        text = parts.join("");
      }
      return text;
    };
    cached = { version, report, json, at: Date.now() };
    return cached;
  };
}

/** Per-endpoint traces and the findings of one host, for the topology's side panel. */
export function hostDetail(cached: CachedReport, hostId: string) {
  const key = hostId.toLowerCase();
  const rows = cached.report.verdicts.filter((r) => r.hostId.toLowerCase() === key);
  return {
    version: cached.version,
    hostId,
    rows: rows.map((r) => ({
      endpoint: r.endpoint,
      service: r.service,
      verdict: r.verdict,
      route: r.route,
      address: r.address,
      privateEndpointId: r.privateEndpointId,
      scopeId: r.scopeId,
      reason: r.reason,
      trace: traceLines(r),
    })),
    findings: cached.report.findings
      .filter((f) => f.hostId?.toLowerCase() === key)
      .map((f) => ({
        code: f.code,
        severity: f.severity,
        message: f.message,
        endpoint: f.endpoint,
        rule: f.rule,
        source: f.source,
        fix: f.fix,
      })),
  };
}

/** Each verified host with a machine: the machine id, the host and the worst finding severity. */
export function machineHealth(cached: CachedReport) {
  const worst = new Map<string, "error" | "warning" | "info">();
  for (const f of cached.report.findings) {
    if (!f.hostId) continue;
    const k = f.hostId.toLowerCase();
    const seen = worst.get(k);
    if (!seen || f.severity === "error" || (f.severity === "warning" && seen === "info")) worst.set(k, f.severity);
  }
  return {
    version: cached.version,
    machines: cached.report.hosts
      .filter((h) => h.client.machineId)
      .map((h) => ({
        machineId: h.client.machineId!,
        hostId: h.client.id,
        health:
          worst.get(h.client.id.toLowerCase()) === "error"
            ? "error"
            : worst.get(h.client.id.toLowerCase()) === "warning"
              ? "warning"
              : "ok",
        verdicts: cached.report.verdicts.filter((r) => r.hostId === h.client.id).map((r) => r.verdict),
      })),
  };
}
