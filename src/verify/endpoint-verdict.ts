import type { RefusalReason } from "../semantics/access/index.js";
import type { AgentPlan, PlanFailure } from "../semantics/agent/index.js";
import { finalAddresses } from "../semantics/dns/index.js";
import type { Disposition, Occupant, ReachResult } from "../semantics/net/index.js";
import type { SemanticCalls } from "./semantic-calls.js";
import { makeRow, type RowExtra } from "./verdict-row.js";
import type { EndpointVerdict, Shared, Verdict, VerdictTrace } from "./verdict-types.js";

const HTTPS = 443;

const PLAN_VERDICT: Record<PlanFailure, Verdict> = {
  UNKNOWN_HOST: "AGENT_MISCONFIGURED",
  AGENT_NOT_INSTALLED: "AGENT_MISCONFIGURED",
  INVALID_PROXY_URL: "AGENT_MISCONFIGURED",
  INVALID_BYPASS: "AGENT_MISCONFIGURED",
  VERSION_TOO_OLD: "AGENT_TOO_OLD",
  GATEWAY_NOT_SUPPORTED: "NOT_MODELLED",
};

const REFUSAL_VERDICT: Record<RefusalReason, Verdict> = {
  UNKNOWN_MACHINE: "REFUSED",
  UNKNOWN_PRIVATE_ENDPOINT: "REFUSED",
  PE_NOT_TO_ARC_SCOPE: "REFUSED",
  SCOPE_NOT_FOUND: "REFUSED",
  PE_NOT_APPROVED: "PE_NOT_APPROVED",
  NOT_ASSOCIATED: "REFUSED_NOT_ASSOCIATED",
  PENDING_ASSOCIATION: "PENDING_ASSOCIATION",
  PUBLIC_ACCESS_DISABLED: "REFUSED_PUBLIC_ACCESS_DISABLED",
};

const DISPOSITION_VERDICT: Record<Exclude<Disposition, "DELIVERED">, Verdict> = {
  NO_ROUTE: "NO_ROUTE",
  BLOCKED_BY_FIREWALL: "BLOCKED_BY_FIREWALL",
  BLOCKED_BY_NSG: "BLOCKED_BY_NSG",
  NO_INTERNET: "NO_INTERNET",
};

const lastDetail = (r: ReachResult) => r.trace.at(-1)?.detail ?? r.disposition;

/**
 * The verdict of one host × endpoint, composed in one place (DESIGN.md "one semantics,
 * many executions"): `plan` (route, version gates) → `resolve` (from the host, or from
 * the proxy when proxied) → `reach` (from the host or the proxy, with the requested
 * name) → `occupantsAt` (a private endpoint? a public front door?) → `decide` (Arc
 * names of a host with a machine). The live gateway calls this too.
 *
 * @example
 * endpointVerdict(plainCalls(world, now), hostId, "gbl.his.arc.azure.com").verdict // "PRIVATE"
 */
export function endpointVerdict(
  calls: SemanticCalls,
  hostId: string,
  endpoint: string,
  origin = "agent",
): EndpointVerdict {
  const plan: AgentPlan = calls.plan(hostId, endpoint);
  const trace: VerdictTrace = { plan };
  const planned = plan.result === "PLANNED" ? plan : undefined;
  const row = (verdict: Verdict, reason: string, extra: RowExtra = {}): EndpointVerdict =>
    makeRow({
      hostId,
      endpoint: planned ? planned.endpoint : endpoint.toLowerCase(),
      service: planned ? planned.service : "Unknown",
      verdict,
      route: planned ? planned.route.kind : "none",
      privateLinkExpected: planned ? planned.privateLinkExpected : false,
      origin,
      reason,
      trace,
      ...extra,
    });
  if (plan.result !== "PLANNED") return row(PLAN_VERDICT[plan.result], plan.message);

  // Where the TCP connection to the endpoint starts: the host, or its proxy.
  let fromId = hostId;
  if (plan.route.kind === "proxy") {
    const { route } = plan;
    if (!route.proxyId) {
      return row(
        "PROXY_NOT_FOUND",
        `proxy ${route.host}:${route.port} (${route.source}) is not a proxy of the host's site`,
      );
    }
    const toProxy = calls.reach(hostId, route.host, route.port);
    trace.toProxy = toProxy;
    if (toProxy.value.disposition !== "DELIVERED") {
      const d = toProxy.value.disposition as Exclude<Disposition, "DELIVERED">;
      return row(DISPOSITION_VERDICT[d], `the proxy is not reachable: ${lastDetail(toProxy.value)}`);
    }
    fromId = route.proxyId;
  }

  const vantage = plan.resolveFrom ?? { kind: "host" as const, hostId };
  trace.resolveFrom = vantage;
  const answer = calls.resolve(vantage, plan.endpoint);
  trace.resolve = answer;
  const dns = answer.value;
  const lastDns = dns.trace.at(-1)?.detail ?? dns.rcode;
  if (dns.rcode === "NXDOMAIN") return row("NXDOMAIN", lastDns);
  if (dns.rcode === "SERVFAIL") return row("SERVFAIL", lastDns);
  if (dns.rcode === "REFUSED") return row("DNS_REFUSED", lastDns);
  const address = finalAddresses(dns)[0];
  if (!address) return row("NO_ANSWER", `"${plan.endpoint}" has no address (${lastDns})`);

  const path: Shared<ReachResult> = calls.reach(fromId, address, HTTPS, plan.endpoint);
  trace.reach = path;
  if (path.value.disposition !== "DELIVERED" || !path.value.place) {
    const d = path.value.disposition as Exclude<Disposition, "DELIVERED">;
    return row(DISPOSITION_VERDICT[d] ?? "NO_ROUTE", lastDetail(path.value), { address });
  }

  const occupants = calls.occupants(path.value.place, address);
  trace.occupants = occupants;
  const target: Occupant | undefined = occupants.find(
    (o) => o.kind === "private-endpoint" || o.kind === "public-address",
  );
  if (!target) return row("NO_LISTENER", `nothing serves HTTPS at ${address}`, { address });
  const privateEndpointId = target.kind === "private-endpoint" ? target.id : undefined;
  const scopeId = privateEndpointId ? calls.scopeOf(privateEndpointId) : undefined;

  const machineId = calls.machineOf(hostId);
  if (plan.service !== "Arc" || !machineId) {
    const verdict = privateEndpointId ? "PRIVATE" : "PUBLIC";
    const what = privateEndpointId ? `private endpoint "${privateEndpointId}"` : "a public address";
    return row(verdict, `${address} is ${what}`, { address, privateEndpointId, scopeId });
  }
  const access = calls.decide(
    machineId,
    privateEndpointId ? { kind: "private-endpoint", privateEndpointId } : { kind: "public" },
  );
  trace.access = access;
  if (access.decision === "REFUSE") {
    return row(REFUSAL_VERDICT[access.reason], access.trace.at(-1)?.detail ?? access.reason, {
      address,
      privateEndpointId,
      scopeId,
      refusal: access.reason,
    });
  }
  return row(privateEndpointId ? "PRIVATE" : "PUBLIC", access.trace.at(-1)?.detail ?? "accepted", {
    address,
    privateEndpointId,
    scopeId,
  });
}
