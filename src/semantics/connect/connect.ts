import type { World } from "../../world/world.js";
import type { RefusalReason } from "../access/access-types.js";
import type { AgentPlan, PlanFailure } from "../agent/plan.js";
import { directPlan } from "../agent/plan.js";
import type { Vantage } from "../dns/dns-types.js";
import { finalAddresses } from "../dns/resolve.js";
import type { Disposition, Place, ReachResult, Source } from "../net/reach-types.js";
import { type ConnectCalls, plainCalls } from "./connect-calls.js";
import { type ConnectSource, connectSourceOf, sourceVantage } from "./connect-source.js";
import type { Connection, ConnectOutcome, ConnectTrace } from "./connect-types.js";

const HTTPS = 443;

const PLAN_OUTCOME: Record<PlanFailure, ConnectOutcome> = {
  UNKNOWN_HOST: "AGENT_MISCONFIGURED",
  AGENT_NOT_INSTALLED: "AGENT_MISCONFIGURED",
  INVALID_PROXY_URL: "AGENT_MISCONFIGURED",
  INVALID_BYPASS: "AGENT_MISCONFIGURED",
  VERSION_TOO_OLD: "AGENT_TOO_OLD",
  GATEWAY_NOT_SUPPORTED: "NOT_MODELLED",
};

const REFUSAL_OUTCOME: Record<RefusalReason, ConnectOutcome> = {
  UNKNOWN_MACHINE: "REFUSED",
  UNKNOWN_PRIVATE_ENDPOINT: "REFUSED",
  PE_NOT_TO_ARC_SCOPE: "REFUSED",
  SCOPE_NOT_FOUND: "REFUSED",
  PE_NOT_APPROVED: "PE_NOT_APPROVED",
  NOT_ASSOCIATED: "REFUSED_NOT_ASSOCIATED",
  PENDING_ASSOCIATION: "PENDING_ASSOCIATION",
  PUBLIC_ACCESS_DISABLED: "REFUSED_PUBLIC_ACCESS_DISABLED",
};

const DISPOSITION_OUTCOME: Record<Exclude<Disposition, "DELIVERED">, ConnectOutcome> = {
  NO_ROUTE: "NO_ROUTE",
  BLOCKED_BY_FIREWALL: "BLOCKED_BY_FIREWALL",
  BLOCKED_BY_NSG: "BLOCKED_BY_NSG",
  NO_INTERNET: "NO_INTERNET",
};

const lastDetail = (r: ReachResult) => r.trace.at(-1)?.detail ?? r.disposition;

/** A connection on its way through the stages: what the earlier stages found. */
interface Pending {
  readonly calls: ConnectCalls;
  readonly source: ConnectSource;
  readonly endpoint: string;
  readonly trace: ConnectTrace;
  plan: Extract<AgentPlan, { result: "PLANNED" }>;
  /** Where the TCP connection to the endpoint starts: the source, or its proxy. */
  from: Source;
  address: string;
  place: Place;
  privateEndpointId?: string;
  scopeId?: string;
}

type Extra = Partial<Pick<Connection, "address" | "privateEndpointId" | "scopeId" | "refusal">>;

function end(p: Pending, outcome: ConnectOutcome, reason: string, extra: Extra = {}): Connection {
  const planned = p.trace.plan.result === "PLANNED" ? p.trace.plan : undefined;
  return {
    endpoint: planned ? planned.endpoint : p.endpoint.toLowerCase(),
    service: planned ? planned.service : "Unknown",
    outcome,
    route: planned ? planned.route.kind : "none",
    privateLinkExpected: planned ? planned.privateLinkExpected : false,
    reason,
    trace: p.trace,
    ...extra,
  };
}

/** A stage: ends the connection with an outcome, or records what it found and passes on. */
type Stage = (p: Pending) => Connection | undefined;

/** The proxy, when the route is one: the source must reach it; the connection then starts there. */
function viaProxy(p: Pending): Connection | undefined {
  const { route } = p.plan;
  if (route.kind !== "proxy") return undefined;
  if (!route.proxyId) {
    return end(
      p,
      "PROXY_NOT_FOUND",
      `proxy ${route.host}:${route.port} (${route.source}) is not a proxy of the host's site`,
    );
  }
  const toProxy = p.calls.reach(p.from, route.host, route.port);
  p.trace.toProxy = toProxy;
  if (toProxy.value.disposition !== "DELIVERED") {
    const d = toProxy.value.disposition as Exclude<Disposition, "DELIVERED">;
    return end(p, DISPOSITION_OUTCOME[d], `the proxy is not reachable: ${lastDetail(toProxy.value)}`);
  }
  p.from = { kind: "premises", id: route.proxyId };
  return undefined;
}

/** The name, from the plan's vantage (the host, or the proxy), else the source's own. */
function resolveName(p: Pending): Connection | undefined {
  const vantage: Vantage =
    p.plan.resolveFrom ??
    (p.source.kind === "host" ? { kind: "host", hostId: p.source.hostId } : sourceVantage(p.calls.world, p.source));
  p.trace.resolveFrom = vantage;
  const answer = p.calls.resolve(vantage, p.plan.endpoint);
  p.trace.resolve = answer;
  const dns = answer.value;
  const lastDns = dns.trace.at(-1)?.detail ?? dns.rcode;
  if (dns.rcode === "NXDOMAIN") return end(p, "NXDOMAIN", lastDns);
  if (dns.rcode === "SERVFAIL") return end(p, "SERVFAIL", lastDns);
  if (dns.rcode === "REFUSED") return end(p, "DNS_REFUSED", lastDns);
  const address = finalAddresses(dns)[0];
  if (!address) return end(p, "NO_ANSWER", `"${p.plan.endpoint}" has no address (${lastDns})`);
  p.address = address;
  return undefined;
}

/** TCP 443 to the first address, with the requested name for FQDN firewall rules. */
function reachAddress(p: Pending): Connection | undefined {
  const path = p.calls.reach(p.from, p.address, HTTPS, p.plan.endpoint);
  p.trace.reach = path;
  if (path.value.disposition !== "DELIVERED" || !path.value.place) {
    const d = path.value.disposition as Exclude<Disposition, "DELIVERED">;
    return end(p, DISPOSITION_OUTCOME[d] ?? "NO_ROUTE", lastDetail(path.value), { address: p.address });
  }
  p.place = path.value.place;
  return undefined;
}

/** Who answers HTTPS at the address: a private endpoint (and its Arc scope) or a public front door. */
function findOccupant(p: Pending): Connection | undefined {
  const occupants = p.calls.occupants(p.place, p.address);
  p.trace.occupants = occupants;
  const target = occupants.find((o) => o.kind === "private-endpoint" || o.kind === "public-address");
  if (!target) return end(p, "NO_LISTENER", `nothing serves HTTPS at ${p.address}`, { address: p.address });
  p.privateEndpointId = target.kind === "private-endpoint" ? target.id : undefined;
  p.scopeId = p.privateEndpointId ? p.calls.scopeOf(p.privateEndpointId) : undefined;
  return undefined;
}

/** The scope's decision, for Arc names from a host with a machine; everything else is where it landed. */
function decideAccess(p: Pending): Connection {
  const { address, privateEndpointId, scopeId } = p;
  const machineId = p.source.kind === "host" ? p.calls.machineOf(p.source.hostId) : undefined;
  if (p.plan.service !== "Arc" || !machineId) {
    const outcome = privateEndpointId ? "PRIVATE" : "PUBLIC";
    const what = privateEndpointId ? `private endpoint "${privateEndpointId}"` : "a public address";
    return end(p, outcome, `${address} is ${what}`, { address, privateEndpointId, scopeId });
  }
  const access = p.calls.decide(
    machineId,
    privateEndpointId ? { kind: "private-endpoint", privateEndpointId } : { kind: "public" },
  );
  p.trace.access = access;
  if (access.decision === "REFUSE") {
    return end(p, REFUSAL_OUTCOME[access.reason], access.trace.at(-1)?.detail ?? access.reason, {
      address,
      privateEndpointId,
      scopeId,
      refusal: access.reason,
    });
  }
  return end(p, privateEndpointId ? "PRIVATE" : "PUBLIC", access.trace.at(-1)?.detail ?? "accepted", {
    address,
    privateEndpointId,
    scopeId,
  });
}

/** The pipeline after the plan, in order (STYLE.md §5); the last stage always ends it. */
const STAGES: readonly Stage[] = [
  // 1. proxy: source → proxy; the connection then starts at the proxy.
  viaProxy,
  // 2. resolve: the endpoint's name from the host, the proxy, or the anonymous source.
  resolveName,
  // 3. reach: TCP 443 to the first address at the end of the DNS chain.
  reachAddress,
  // 4. occupant: who listens at that address in the place the packet arrived.
  findOccupant,
  // 5. decide: the Arc scope's access decision for the machine.
  decideAccess,
];

/**
 * One connection end to end over bound semantic calls (DESIGN.md "one connection
 * pipeline"): `plan` (route, version gates; an anonymous source goes direct) → proxy →
 * `resolve` → `reach` → `occupantsAt` → `decide`, each stage traced. The verifier runs
 * it over memoized calls; `connect` over plain ones.
 *
 * @example
 * connectWith(plainCalls(world, now), { kind: "host", hostId }, "gbl.his.arc.azure.com").outcome // "PRIVATE"
 */
export function connectWith(calls: ConnectCalls, source: ConnectSource, endpoint: string): Connection {
  const plan =
    source.kind === "host" ? calls.plan(source.hostId, endpoint) : directPlan(endpoint, `source ${source.address}`);
  const p = { calls, source, endpoint, trace: { plan } } as Pending;
  // 0. plan: the agent's route and gates; a failed plan ends the connection.
  if (plan.result !== "PLANNED") return end(p, PLAN_OUTCOME[plan.result], plan.message);
  p.plan = plan;
  p.from =
    source.kind === "host" ? { kind: "premises", id: source.hostId } : { kind: "address", address: source.address };
  for (const stage of STAGES) {
    const done = stage(p);
    if (done) return done;
  }
  throw new Error("The connection pipeline ended without an outcome."); // unreachable: decideAccess always ends
}

/**
 * What happens when `source` — a host id, an address (a world host's address means that
 * host; any other is an anonymous source there), or a `ConnectSource` — connects to
 * `endpoint` at `now`: the outcome, the columns a table shows, and the whole trace.
 *
 * @example
 * connect(world, hostId, "gbl.his.arc.azure.com", now).outcome // "PRIVATE"
 * connect(world, "192.168.0.77", "login.microsoftonline.com", now).outcome // "PUBLIC"
 */
export function connect(world: World, source: string | ConnectSource, endpoint: string, now: Date): Connection {
  return connectWith(plainCalls(world, now), connectSourceOf(world, source), endpoint);
}
