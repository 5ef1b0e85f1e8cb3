import type { RefusalReason } from "../semantics/access/index.js";
import type { AgentService } from "../semantics/agent/index.js";
import { CONNECT_OUTCOMES, type ConnectOutcome, type ConnectTrace } from "../semantics/connect/index.js";

export type { Shared } from "../semantics/connect/index.js";

/**
 * The verdict of one host × endpoint: the outcome of the connection pipeline
 * (`semantics/connect`). A closed union; docs/verify.md lists every value.
 */
export type Verdict = ConnectOutcome;

export const VERDICTS: readonly Verdict[] = CONNECT_OUTCOMES;

/** The proof of a verdict, stage by stage: the connection's trace. */
export type VerdictTrace = ConnectTrace;

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
