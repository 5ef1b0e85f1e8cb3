// What `arclink verify` predicts for what the agent does live, and the live outcome read back
// in the same terms, so a test can compare them: a check row's class (served privately or
// publicly, refused with a code, timed out, reset, a DNS failure, a client-side stop), the
// result of `azcmagent connect` (its AZCM code or Connected) and whether a heartbeat is accepted.
import type { CheckRow } from "../../src/agent/lifecycle/index.js";
import { WIRE_ACTIONS } from "../../src/fabric/gateway/index.js";
import { agentEndpoints } from "../../src/semantics/agent/agent-endpoints.js";
import { supports } from "../../src/semantics/agent/agent-version.js";
import { type ConnectOutcome, connect } from "../../src/semantics/connect/index.js";
import { finalAddresses, resolve } from "../../src/semantics/dns/resolve.js";
import { readClient } from "../../src/semantics/model/premises.js";
import { isPublicAddress } from "../../src/semantics/net/cidr.js";
import { type EndpointVerdict, verifyWorld } from "../../src/verify/index.js";
import type { World } from "../../src/world/world.js";

export const GLOBAL_HIS = "gbl.his.arc.azure.com";

export interface Prediction {
  verdict: ConnectOutcome;
  route: EndpointVerdict["route"];
}

/**
 * `arclink verify` over a world at an instant, as a lookup by host and endpoint. A name the
 * verifier lists no row for (a probe name) falls back to the same pipeline (`semantics/connect`).
 */
export function predictions(world: World, now: Date): (hostId: string, endpoint: string) => Prediction {
  const rows = new Map<string, Prediction>();
  for (const r of verifyWorld(world, { now }).verdicts)
    rows.set(`${r.hostId.toLowerCase()}|${r.endpoint.toLowerCase()}`, { verdict: r.verdict, route: r.route });
  return (hostId, endpoint) => {
    const hit = rows.get(`${hostId.toLowerCase()}|${endpoint.toLowerCase()}`);
    if (hit) return hit;
    const c = connect(world, hostId, endpoint, now);
    return { verdict: c.outcome, route: c.route };
  };
}

const DNS_RCODES: Partial<Record<ConnectOutcome, string[]>> = {
  NXDOMAIN: ["NXDOMAIN"],
  // No server answered: the semantics say SERVFAIL, the stub resolver saw nothing.
  SERVFAIL: ["SERVFAIL", "TIMEOUT"],
  DNS_REFUSED: ["REFUSED"],
  NO_ANSWER: ["NOERROR"],
};

/** The classes a check row may show for a predicted verdict (the wire actions of src/fabric/gateway). */
export function expectedClasses(p: Prediction): string[] {
  const action = WIRE_ACTIONS[p.verdict];
  const direct = p.route === "direct";
  if (action.kind === "serve")
    return [direct ? (p.verdict === "PRIVATE" ? "served-private" : "served-public") : "served"];
  if (action.kind === "refuse") return [`refused:${action.code}`];
  if (action.kind === "drop") return ["timeout"];
  const rcodes = DNS_RCODES[p.verdict];
  if (rcodes) return direct ? rcodes.map((r) => `dns:${r}`) : ["proxy-502"];
  if (p.verdict === "NO_LISTENER") return direct ? ["reset", "timeout"] : ["proxy-502"];
  if (p.verdict === "PROXY_NOT_FOUND") return ["timeout"];
  return ["client"];
}

/** What a live check row shows, read back from its columns and its detail (`check.ts` `rowOf`). */
export function rowClass(row: CheckRow): string {
  if (row.reachable) return row.proxy !== "none" ? "served" : row.private ? "served-private" : "served-public";
  const refused = /HTTP 403 (\w+):/.exec(row.detail);
  if (refused) return `refused:${refused[1]}`;
  const failed = /(?:^|: )(timeout|reset|tls-error|proxy-error|error)(?: \((.*)\))?$/s.exec(row.detail);
  if (!failed) return `unknown:${row.detail}`;
  const [, kind, why = ""] = failed;
  if (kind === "proxy-error") return /CONNECT with 504/.test(why) ? "timeout" : `proxy-${/with (\d+)/.exec(why)?.[1]}`;
  if (kind !== "error") return kind;
  const dns = /DNS answered (\w+)/.exec(why);
  if (dns) return `dns:${dns[1]}`;
  if (/no DNS server answered/.test(why)) return "dns:TIMEOUT";
  return "client";
}

/** Reaching a listener at all: what the connect-time network check asks of each endpoint. */
const answers = (p: Prediction) => ["serve", "refuse"].includes(WIRE_ACTIONS[p.verdict].kind);
const served = (p: Prediction) => WIRE_ACTIONS[p.verdict].kind === "serve";

/**
 * The result `azcmagent connect` must have up to the machine's creation, from the world
 * before it: the version gate, AZCM0026 when gbl.his resolves privately without a scope, the
 * network check, then Entra ID (AZCM0041) and ARM (AZCM0042). `undefined` means it gets as
 * far as creating the machine; onboarding is predicted over the world after that.
 */
export function predictConnectStart(
  world: World,
  now: Date,
  hostId: string,
  flags: { privateLinkScope?: string; ignoreNetworkCheck?: boolean; location: string },
  predict: (hostId: string, endpoint: string) => Prediction,
): string | undefined {
  const host = readClient(world, hostId);
  if (host?.kind !== "host" || !host.agent) return "AZCM0003";
  if (flags.privateLinkScope && !supports(host.agent.version, "private-link")) return "AZCM0023";
  const gbl = finalAddresses(resolve(world, { kind: "host", hostId }, GLOBAL_HIS, "A", now));
  if (!flags.privateLinkScope && gbl.some((a) => !isPublicAddress(a))) return "AZCM0026";
  if (!flags.ignoreNetworkCheck) {
    const names = agentEndpoints(flags.location)
      .filter((e) => e.phases.includes("connect"))
      .map((e) => e.probeName);
    if (names.some((n) => !answers(predict(hostId, n)))) return "AZCM0026";
  }
  if (!served(predict(hostId, "login.microsoftonline.com"))) return "AZCM0041";
  if (!served(predict(hostId, "management.azure.com"))) return "AZCM0042";
  return undefined;
}

/** Whether HIS accepts the machine at `name` (onboarding at gbl.his, heartbeats at the regional HIS). */
export function hisAccepts(predict: (hostId: string, endpoint: string) => Prediction, hostId: string, name: string) {
  return served(predict(hostId, name));
}
