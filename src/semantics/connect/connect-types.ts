import type { AccessDecision, RefusalReason } from "../access/access-types.js";
import type { AgentService } from "../agent/agent-endpoints.js";
import type { AgentPlan } from "../agent/plan.js";
import type { DnsAnswer, Vantage } from "../dns/dns-types.js";
import type { Occupant } from "../net/occupant.js";
import type { ReachResult } from "../net/reach-types.js";

/**
 * Where a connection to an endpoint ends. A closed union; docs/verify.md lists every
 * value (the verifier calls it a verdict).
 */
export type ConnectOutcome =
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

export const CONNECT_OUTCOMES: readonly ConnectOutcome[] = [
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

/** A semantic answer computed once and shared by every connection with the same inputs. */
export interface Shared<T> {
  value: T;
  /** The host (or proxy, or source address) it was computed for. */
  computedFor: string;
}

/**
 * The proof of an outcome, stage by stage (DESIGN.md): plan → resolve → reach →
 * occupants → decide. Stages after the first failing one are absent. Objects may be
 * shared between connections with the same inputs, never copied.
 */
export interface ConnectTrace {
  plan: AgentPlan;
  /** Source → proxy, when the route is a proxy. */
  toProxy?: Shared<ReachResult>;
  resolveFrom?: Vantage;
  resolve?: Shared<DnsAnswer>;
  reach?: Shared<ReachResult>;
  occupants?: readonly Occupant[];
  access?: AccessDecision;
}

/** What happens end to end when a source connects to an endpoint over HTTPS. */
export interface Connection {
  endpoint: string;
  service: AgentService | "Unknown";
  outcome: ConnectOutcome;
  route: "direct" | "proxy" | "none";
  /** The machine is associated with a scope and this name should resolve to its private endpoint. */
  privateLinkExpected: boolean;
  /** The address connected to (the first at the end of the DNS chain). */
  address?: string;
  /** The private endpoint reached, if any, and the Arc scope it connects to. */
  privateEndpointId?: string;
  scopeId?: string;
  refusal?: RefusalReason;
  /** One sentence: the last stage's reason. */
  reason: string;
  trace: ConnectTrace;
}

/** Outcomes where the network stops the connection before any service answers (no route, NSG, firewall, no internet). */
export const NETWORK_BLOCKED_OUTCOMES: ReadonlySet<ConnectOutcome> = new Set([
  "NO_ROUTE",
  "BLOCKED_BY_FIREWALL",
  "BLOCKED_BY_NSG",
  "NO_INTERNET",
]);

/** Outcomes where the agent never reaches a listener: the name does not resolve, the network blocks, nothing listens. */
export const UNREACHABLE_OUTCOMES: ReadonlySet<ConnectOutcome> = new Set([
  "NXDOMAIN",
  "SERVFAIL",
  "DNS_REFUSED",
  "NO_ANSWER",
  ...NETWORK_BLOCKED_OUTCOMES,
  "NO_LISTENER",
]);
