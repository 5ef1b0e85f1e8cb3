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

/** Verdicts that come from the host's agent configuration, not the endpoint: reported once per host. */
export const HOST_LEVEL: ReadonlySet<FindingCode> = new Set([
  "ARC-AGENT-CONFIG",
  "ARC-AGENT-GATEWAY",
  "ARC-PROXY-UNKNOWN",
]);

function codeOf(v: EndpointVerdict): FindingCode | undefined {
  if (v.verdict === "BLOCKED_BY_FIREWALL") {
    return v.service === "EntraId"
      ? "ARC-FW-ENTRA-BLOCKED"
      : v.service === "ARM"
        ? "ARC-FW-ARM-BLOCKED"
        : "ARC-NET-FIREWALL";
  }
  if (v.verdict === "PUBLIC") {
    if (v.privateLinkExpected) return "ARC-DNS-PUBLIC";
    return v.origin.startsWith("extension") ? "ARC-EXT-PUBLIC-PATH" : undefined;
  }
  return BY_VERDICT[v.verdict];
}

/** A finding raised by a verdict row: two fields; the rest is read from the catalogue and the row. */
class VerdictFinding implements Finding {
  constructor(
    readonly code: FindingCode,
    readonly verdict: EndpointVerdict,
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
  get fix(): string {
    return FINDINGS[this.code].fix;
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
    return `${at}${v.address ? ` (${v.address})` : ""}: ${v.verdict}: ${v.reason}`;
  }

  toJSON() {
    const { code, severity, message, hostId, endpoint, rule, source, fix } = this;
    return { code, severity, message, hostId, endpoint, rule, source, fix };
  }
}

/**
 * The findings one verdict row raises: the failing verdict's code, and a missing Arc
 * bypass when a private-link name goes through the proxy.
 *
 * @example
 * verdictFindings(row).map((f) => f.code) // ["ARC-DNS-PUBLIC"]
 */
export function verdictFindings(v: EndpointVerdict): Finding[] {
  const out: Finding[] = [];
  const code = codeOf(v);
  if (code) out.push(new VerdictFinding(code, v));
  if (v.route === "proxy" && v.privateLinkExpected) out.push(new VerdictFinding("ARC-PROXY-NO-ARC-BYPASS", v));
  return out;
}
