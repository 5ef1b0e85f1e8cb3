import type { KnownIssueId } from "../semantics/agent/index.js";
import { isPublicAddress } from "../semantics/net/index.js";
import { publicResolutionFix } from "./dns-public-fix.js";
import type { Finding } from "./finding.js";
import { FINDINGS, type FindingCode, type Severity } from "./findings-catalog.js";
import type { EndpointVerdict, Verdict } from "./verdict-types.js";

/** The finding a failing verdict raises; PRIVATE and PUBLIC raise none by themselves. */
const BY_VERDICT: Partial<Record<Verdict, FindingCode>> = {
  NXDOMAIN: "ARC-DNS-NXDOMAIN",
  SERVFAIL: "ARC-DNS-FAILED",
  DNS_REFUSED: "ARC-DNS-FAILED",
  NO_ANSWER: "ARC-DNS-FAILED",
  NO_LISTENER: "ARC-DNS-STALE-RECORD",
  NO_ROUTE: "ARC-NET-NO-ROUTE",
  BLOCKED_BY_NSG: "ARC-NET-NSG",
  NO_INTERNET: "ARC-NET-NO-INTERNET",
  REFUSED_NOT_ASSOCIATED: "ARC-ACCESS-NOT-ASSOCIATED",
  REFUSED_PUBLIC_ACCESS_DISABLED: "ARC-ACCESS-PUBLIC-DISABLED",
  PENDING_ASSOCIATION: "ARC-ACCESS-PENDING",
  PE_NOT_APPROVED: "ARC-PE-NOT-APPROVED",
  REFUSED: "ARC-ACCESS-REFUSED",
  AGENT_TOO_OLD: "ARC-AGENT-VERSION",
  AGENT_MISCONFIGURED: "ARC-AGENT-CONFIG",
  NOT_MODELLED: "ARC-AGENT-GATEWAY",
  PROXY_NOT_FOUND: "ARC-PROXY-UNKNOWN",
};

/** The finding of each modelled agent known issue [DOC-RN]. */
const BY_KNOWN_ISSUE: Record<KnownIssueId, FindingCode> = {
  "arc-bypass-includes-entra": "ARC-AGENT-ISSUE-BYPASS-ENTRA",
  "public-extension-download": "ARC-AGENT-ISSUE-PUBLIC-DOWNLOAD",
  "private-link-extensions-fail": "ARC-AGENT-ISSUE-PE-EXTENSIONS",
};

/** Verdicts that come from the host's agent configuration, not the endpoint: reported once per host. */
export const HOST_LEVEL: ReadonlySet<FindingCode> = new Set([
  "ARC-AGENT-CONFIG",
  "ARC-AGENT-GATEWAY",
  "ARC-PROXY-UNKNOWN",
  "ARC-AGENT-ISSUE-PE-EXTENSIONS",
]);

/** The finding of the row's outcome when it fails (the symptom), by verdict and service. */
function failureCode(v: EndpointVerdict): FindingCode | undefined {
  if (v.verdict === "PRIVATE" || v.verdict === "PUBLIC") return undefined;
  const plan = v.trace.plan;
  // Agents 1.13+ fall back to polling every 5 minutes without notifications [DOC-RN 1.13].
  if (v.service === "Notifications" && plan.result === "PLANNED" && plan.fallback === "polling") {
    return "ARC-NOTIFY-BLOCKED";
  }
  if (v.verdict === "BLOCKED_BY_FIREWALL") {
    return v.service === "EntraId"
      ? "ARC-FW-ENTRA-BLOCKED"
      : v.service === "ARM"
        ? "ARC-FW-ARM-BLOCKED"
        : "ARC-NET-FIREWALL";
  }
  return BY_VERDICT[v.verdict];
}

/**
 * What went wrong first on the row, whatever happened after: a known issue of the agent,
 * an Arc name sent through the proxy, an Arc name resolved to a public address (a scope
 * that accepts it makes that a warning), or an extension dependency with no private
 * endpoint. Resolution is "public" when the address the name resolved to is a public one.
 */
function rootCodes(v: EndpointVerdict): FindingCode[] {
  const plan = v.trace.plan;
  const out = plan.result === "PLANNED" ? (plan.knownIssues ?? []).map((i) => BY_KNOWN_ISSUE[i]) : [];
  const resolvedPublic = v.address !== undefined && isPublicAddress(v.address);
  if (v.privateLinkExpected && v.route === "proxy") out.push("ARC-PROXY-NO-ARC-BYPASS");
  else if (v.privateLinkExpected && resolvedPublic) {
    out.push(v.verdict === "PUBLIC" ? "ARC-ACCESS-PUBLIC-PATH" : "ARC-DNS-PUBLIC");
  } else if (v.origin.startsWith("extension") && resolvedPublic) out.push("ARC-EXT-PUBLIC-PATH");
  return out;
}

const isPublicResolution = (code: FindingCode) => code === "ARC-DNS-PUBLIC" || code === "ARC-ACCESS-PUBLIC-PATH";

/** The catalogue's fix, made specific where the trace says which one applies. */
function fixOf(code: FindingCode, v: EndpointVerdict): string {
  return (isPublicResolution(code) ? publicResolutionFix(v) : undefined) ?? FINDINGS[code].fix;
}

const hostsLineFix = (line: string) =>
  `Add the line "${line}" to the host's hosts file: it maps other Arc names, and the hosts-file alternative needs a line for every Arc name the agent uses [DOC-PL §8]; don't open the firewall to the public endpoint.`;

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** A finding raised by a verdict row: its code and, for a symptom, the root cause on the same row. */
class VerdictFinding implements Finding {
  sortAs?: Severity;
  /** For an Arc name resolved publicly on a host that uses the hosts-file alternative: the line it lacks. */
  hostsLine?: string;
  constructor(
    readonly code: FindingCode,
    readonly verdict: EndpointVerdict,
    readonly rootCause?: FindingCode,
  ) {}

  get severity(): Severity {
    return FINDINGS[this.code].severity;
  }
  get rule(): string {
    return FINDINGS[this.code].rule;
  }
  get source(): string {
    return FINDINGS[this.code].source;
  }
  /** A symptom's fix is its root cause's: the symptom's own fix would treat the wrong problem. */
  get fix(): string {
    const root = this.rootCause ?? this.code;
    const fix = this.hostsLine && isPublicResolution(root) ? hostsLineFix(this.hostsLine) : fixOf(root, this.verdict);
    return this.rootCause ? `Fix the root cause first (${this.rootCause}): ${fix}` : fix;
  }
  get hostId(): string {
    return this.verdict.hostId;
  }
  get endpoint(): string {
    return this.verdict.endpoint;
  }

  get message(): string {
    const v = this.verdict;
    const at = `"${v.endpoint}" from "${v.hostId}"`;
    if (this.code === "ARC-PROXY-NO-ARC-BYPASS")
      return `${at} goes through the proxy: proxy.bypass does not include "Arc"`;
    const plan = v.trace.plan;
    const issue = plan.trace.find((s) => s.kind === "known-issue" && this.code.startsWith("ARC-AGENT-ISSUE"));
    if (issue) return `${at}: ${issue.detail}`;
    const cause = this.rootCause ? ` (caused by ${this.rootCause})` : "";
    const where = v.address ? ` (${v.address})` : "";
    if (this.code === "ARC-DNS-PUBLIC" || this.code === "ARC-ACCESS-PUBLIC-PATH" || this.code === "ARC-EXT-PUBLIC-PATH")
      return `${at} resolves to the public address ${v.address}; then ${v.verdict}: ${v.reason}`;
    return `${at}${where}: ${v.verdict}: ${v.reason}${cause}`;
  }

  toJSON() {
    const { code, severity, message, hostId, endpoint, rule, source, fix, rootCause } = this;
    return { code, severity, message, hostId, endpoint, ...(rootCause ? { rootCause } : {}), rule, source, fix };
  }
}

/**
 * The findings one verdict row raises, root cause first: a known issue of the agent, a
 * missing Arc bypass, an Arc name resolved publicly (ARC-DNS-PUBLIC, or a warning when the
 * scope accepts the public path), an extension dependency with no private endpoint; then
 * the failing outcome's finding, which names that root cause and takes its fix.
 *
 * @example
 * verdictFindings(row).map((f) => f.code) // ["ARC-DNS-PUBLIC", "ARC-NET-FIREWALL"]
 */
export function verdictFindings(v: EndpointVerdict): Finding[] {
  const roots = rootCodes(v).map((code) => new VerdictFinding(code, v));
  const failure = failureCode(v);
  const out: VerdictFinding[] = [...roots];
  if (failure) out.push(new VerdictFinding(failure, v, roots[0]?.code));
  // A root cause sorts with the worst finding it causes, so it is reported first.
  const worst = out.reduce<Severity>((w, f) => (ORDER[f.severity] < ORDER[w] ? f.severity : w), "info");
  for (const r of roots) if (ORDER[worst] < ORDER[r.severity]) r.sortAs = worst;
  return out;
}

/**
 * Names the missing hosts-file line in the fix of a public-resolution finding and its
 * symptoms (the verifier knows the host's file and its scope's addresses; the row does not).
 *
 * @example
 * withHostsLine(verdictFindings(row), "10.10.1.5 weu.his.arc.azure.com");
 */
export function withHostsLine(findings: readonly Finding[], line: string | undefined): void {
  if (!line) return;
  for (const f of findings) if (f instanceof VerdictFinding) f.hostsLine = line;
}
