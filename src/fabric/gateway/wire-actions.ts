import type { ConnectOutcome } from "../../semantics/connect/index.js";

/** What the wire does with a connection, once the semantics decided it. A closed union. */
export type WireAction =
  /** Complete the handshake and serve the request. */
  | { kind: "serve" }
  /** Say nothing and let the client time out, as a dropped SYN does (no route, NSG or firewall deny). */
  | { kind: "drop" }
  /** TCP reset: nothing listens there. */
  | { kind: "reset" }
  /** Complete the handshake and answer every request with this HTTP error. */
  | { kind: "refuse"; status: number; code: string };

const drop: WireAction = { kind: "drop" };
const reset: WireAction = { kind: "reset" };
const refuse = (code: string, status = 403): WireAction => ({ kind: "refuse", status, code });

/**
 * The catalogue (STYLE.md §11): each outcome of `connect` and what a client sees.
 * Network denials drop silently, as Azure NSGs and typical egress firewalls do, so the
 * client times out; an address with no listener resets. Scope refusals are HTTP 403
 * with a code naming the reason: Azure's own codes for these refusals are not
 * documented (facts §12), so the codes are arclink's, worded after the documented rule
 * ("… must be associated with the Azure Arc private link scope, or the connection is
 * refused" [DOC-PL, facts §3.11]). DNS and agent outcomes cannot reach the gateway (the
 * client stops before connecting); if one does, it resets.
 */
export const WIRE_ACTIONS: Readonly<Record<ConnectOutcome, WireAction>> = {
  PRIVATE: { kind: "serve" },
  PUBLIC: { kind: "serve" },
  NO_ROUTE: drop,
  BLOCKED_BY_FIREWALL: drop,
  BLOCKED_BY_NSG: drop,
  NO_INTERNET: drop,
  NO_LISTENER: reset,
  REFUSED_NOT_ASSOCIATED: refuse("MachineNotAssociatedWithPrivateLinkScope"),
  REFUSED_PUBLIC_ACCESS_DISABLED: refuse("PublicNetworkAccessDisabled"),
  PENDING_ASSOCIATION: refuse("PrivateLinkScopeAssociationPending"),
  PE_NOT_APPROVED: refuse("PrivateEndpointConnectionNotApproved"),
  REFUSED: refuse("PrivateLinkScopeAccessDenied"),
  NXDOMAIN: reset,
  SERVFAIL: reset,
  DNS_REFUSED: reset,
  NO_ANSWER: reset,
  AGENT_TOO_OLD: reset,
  AGENT_MISCONFIGURED: reset,
  NOT_MODELLED: reset,
  PROXY_NOT_FOUND: reset,
};

/** The error body of a refusal, in ARM's shape, the message naming the decision's reason. */
export function refusalBody(code: string, reason: string) {
  return { error: { code, message: `The connection was refused: ${reason.replace(/\.$/, "")}.` } };
}
