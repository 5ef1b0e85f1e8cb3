/** How a connection reached the Arc service for a machine. */
export type Arrival = { kind: "private-endpoint"; privateEndpointId: string } | { kind: "public" };

/** Stable refusal codes; a closed union. Never reuse or rename one. */
export type RefusalReason =
  | "UNKNOWN_MACHINE"
  | "UNKNOWN_PRIVATE_ENDPOINT"
  | "PE_NOT_TO_ARC_SCOPE"
  | "SCOPE_NOT_FOUND"
  | "PE_NOT_APPROVED"
  | "NOT_ASSOCIATED"
  | "PENDING_ASSOCIATION"
  | "PUBLIC_ACCESS_DISABLED";

export type AccessStepKind = "machine" | "private-endpoint" | "scope" | "connection" | "association" | "public-access";

export interface AccessStep {
  kind: AccessStepKind;
  passed: boolean;
  detail: string;
}

export type AccessDecision =
  | { decision: "ALLOW"; trace: AccessStep[] }
  | { decision: "REFUSE"; reason: RefusalReason; trace: AccessStep[] };
