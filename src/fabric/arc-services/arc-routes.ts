import type { RefusalReason } from "../../semantics/access/access-types.js";

/** One route of an Arc front door: method, path pattern, and whether it needs a machine's access token. */
export interface ArcRoute {
  method: "GET" | "POST";
  /** Path segments; `{vmId}` matches the machine's vmId (or its name, when it has no vmId). */
  pattern: readonly string[];
  name: ArcRouteName;
  auth: "none" | "assertion" | "token";
  /** Served on the global name, the regional names, or both. */
  reach: "global" | "regional" | "any";
}

export type ArcRouteName =
  | "discovery"
  | "identity"
  | "heartbeat"
  | "metadata"
  | "assignments"
  | "reports"
  | "configurations";

/**
 * The Arc services behind the gateway, enough for the agent's lifecycle (issue 11). The
 * real paths are not documented; the one visible in an agent log is
 * `https://<code>.his.arc.azure.com/machine/<vmId>/id…` ("Get MSI Certificate", ISS-99004),
 * which these follow. One ordered list per front door (STYLE.md §5).
 */
export const ARC_ROUTES: Readonly<Record<"his" | "guest-configuration" | "dp", readonly ArcRoute[]>> = {
  his: [
    // Global: where a region's services are, and the machine's identity (onboarding).
    { method: "GET", pattern: ["discovery"], name: "discovery", auth: "none", reach: "any" },
    { method: "POST", pattern: ["machine", "{vmId}", "identity"], name: "identity", auth: "assertion", reach: "any" },
    // Regional: heartbeat and metadata.
    {
      method: "POST",
      pattern: ["machine", "{vmId}", "heartbeat"],
      name: "heartbeat",
      auth: "token",
      reach: "regional",
    },
    { method: "GET", pattern: ["machine", "{vmId}", "metadata"], name: "metadata", auth: "token", reach: "regional" },
  ],
  "guest-configuration": [
    { method: "GET", pattern: ["machine", "{vmId}", "assignments"], name: "assignments", auth: "token", reach: "any" },
    { method: "POST", pattern: ["machine", "{vmId}", "reports"], name: "reports", auth: "token", reach: "any" },
  ],
  dp: [
    {
      method: "GET",
      pattern: ["machine", "{vmId}", "configurations"],
      name: "configurations",
      auth: "token",
      reach: "any",
    },
  ],
};

const VM_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The route a request matches and the `{vmId}` it named; undefined when none does. */
export function matchArcRoute(
  routes: readonly ArcRoute[],
  method: string,
  path: string,
  reach: "global" | "regional",
): { route: ArcRoute; vmId?: string } | { methodNotAllowed: true } | undefined {
  // Every request of every machine passes here: plain loops, no closure per route.
  const segments = path.split("/");
  if (segments[0] === "") segments.shift();
  if (segments.includes("")) segments.splice(0, segments.length, ...segments.filter(Boolean));
  let wrongMethod = false;
  for (const route of routes) {
    if (route.reach !== "any" && route.reach !== reach) continue;
    if (route.pattern.length !== segments.length) continue;
    let vmId: string | undefined;
    let ok = true;
    for (let i = 0; ok && i < segments.length; i++) {
      const p = route.pattern[i];
      if (p === "{vmId}") {
        vmId = segments[i];
        ok = VM_ID.test(vmId);
      } else ok = p === segments[i] || p === segments[i].toLowerCase();
    }
    if (!ok) continue;
    if (route.method !== method) {
      wrongMethod = true;
      continue;
    }
    return { route, vmId };
  }
  return wrongMethod ? { methodNotAllowed: true } : undefined;
}

/** The 403 code of each scope refusal for a machine's credential (the same codes as the wire catalogue). */
export const REFUSAL_CODES: Readonly<Record<RefusalReason, string>> = {
  UNKNOWN_MACHINE: "PrivateLinkScopeAccessDenied",
  UNKNOWN_PRIVATE_ENDPOINT: "PrivateLinkScopeAccessDenied",
  PE_NOT_TO_ARC_SCOPE: "PrivateLinkScopeAccessDenied",
  SCOPE_NOT_FOUND: "PrivateLinkScopeAccessDenied",
  PE_NOT_APPROVED: "PrivateEndpointConnectionNotApproved",
  NOT_ASSOCIATED: "MachineNotAssociatedWithPrivateLinkScope",
  PENDING_ASSOCIATION: "PrivateLinkScopeAssociationPending",
  PUBLIC_ACCESS_DISABLED: "PublicNetworkAccessDisabled",
};
