import type { AccessDecision, RefusalReason } from "../semantics/access/index.js";
import type { AgentPlan, AgentService } from "../semantics/agent/index.js";
import type { DnsAnswer, Vantage } from "../semantics/dns/index.js";
import type { Occupant, ReachResult } from "../semantics/net/index.js";

/**
 * The verdict of one host × endpoint: where the agent's connection ends. A closed union;
 * docs/verify.md lists every value.
 */
export type Verdict =
  /** Reached a private endpoint (of the machine's own scope, for Arc names) and accepted. */
  | "PRIVATE"
  /** Reached a public address (and accepted, for Arc names). */
  | "PUBLIC"
  | "NXDOMAIN"
  | "SERVFAIL"
  /** A DNS server refused the query (recursion off, nothing covers the name). */
  | "DNS_REFUSED"
  /** NOERROR with no address at the end of the chain. */
  | "NO_ANSWER"
  | "NO_ROUTE"
  | "BLOCKED_BY_FIREWALL"
  | "BLOCKED_BY_NSG"
  | "NO_INTERNET"
  /** Delivered to an address where no private endpoint or public service listens. */
  | "NO_LISTENER"
  | "REFUSED_NOT_ASSOCIATED"
  | "REFUSED_PUBLIC_ACCESS_DISABLED"
  | "PENDING_ASSOCIATION"
  | "PE_NOT_APPROVED"
  /** Refused for another reason (scope missing, endpoint not to an Arc scope, unknown machine). */
  | "REFUSED"
  | "AGENT_TOO_OLD"
  | "AGENT_MISCONFIGURED"
  /** The agent uses the Arc gateway, which arclink does not model. */
  | "NOT_MODELLED"
  /** The agent's proxy is not a proxy of the site. */
  | "PROXY_NOT_FOUND";

export const VERDICTS: readonly Verdict[] = [
  "PRIVATE",
  "PUBLIC",
  "NXDOMAIN",
  "SERVFAIL",
  "DNS_REFUSED",
  "NO_ANSWER",
  "NO_ROUTE",
  "BLOCKED_BY_FIREWALL",
  "BLOCKED_BY_NSG",
  "NO_INTERNET",
  "NO_LISTENER",
  "REFUSED_NOT_ASSOCIATED",
  "REFUSED_PUBLIC_ACCESS_DISABLED",
  "PENDING_ASSOCIATION",
  "PE_NOT_APPROVED",
  "REFUSED",
  "AGENT_TOO_OLD",
  "AGENT_MISCONFIGURED",
  "NOT_MODELLED",
  "PROXY_NOT_FOUND",
];

/** A semantic answer computed once and shared by every row with the same inputs. */
export interface Shared<T> {
  value: T;
  /** The host (or proxy) it was computed for, when that is not this row's host. */
  computedFor: string;
}

/**
 * The proof of a verdict, stage by stage (DESIGN.md): plan → resolve → reach →
 * occupants → decide. Stages after the first failing one are absent. Objects are shared
 * between rows with the same inputs, never copied.
 */
export interface VerdictTrace {
  plan: AgentPlan;
  /** Host → proxy, when the route is a proxy. */
  toProxy?: Shared<ReachResult>;
  resolveFrom?: Vantage;
  resolve?: Shared<DnsAnswer>;
  reach?: Shared<ReachResult>;
  occupants?: readonly Occupant[];
  access?: AccessDecision;
}

/** One row of the verdict table: key columns `hostId`, `endpoint`; the rest are values. */
export interface EndpointVerdict {
  hostId: string;
  endpoint: string;
  service: AgentService | "Unknown";
  verdict: Verdict;
  route: "direct" | "proxy" | "none";
  /** The machine is associated with a scope and this name should resolve to its private endpoint. */
  privateLinkExpected: boolean;
  /** The address connected to (the first at the end of the DNS chain). */
  address?: string;
  /** The private endpoint reached, if any, and the Arc scope it connects to. */
  privateEndpointId?: string;
  scopeId?: string;
  refusal?: RefusalReason;
  /** Why the row exists: `agent` (documented agent endpoint) or `extension <type>`. */
  origin: string;
  /** One sentence: the last stage's reason. */
  reason: string;
  trace: VerdictTrace;
  /**
   * Set when the row was computed for another host of the same class (same site, DNS
   * servers, hosts file, agent and machine settings): the trace names that host.
   */
  computedFor?: string;
  /** A plain copy of every column (rows may be flyweights whose columns are getters). */
  toJSON?(): EndpointVerdict;
}
