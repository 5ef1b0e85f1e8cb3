import { endpointOf } from "../../fabric/tls/front-doors.js";
import { agentEndpoints } from "../../semantics/agent/agent-endpoints.js";
import { extensionDependencies } from "../../semantics/agent/extension-dependencies.js";
import { DEFAULT_REGION, hostEndpoints } from "../../semantics/agent/host-endpoints.js";
import { type ConnectOutcome, connect } from "../../semantics/connect/index.js";
import { readMachine } from "../../semantics/model/hybrid-compute.js";
import { isPublicAddress } from "../../semantics/net/cidr.js";
import { findRegion } from "../../world/catalog/regions.js";
import { AzcmError } from "../azcm/index.js";
import { type AgentEnv, installedHost } from "./agent-env.js";
import { callEndpoint, type EndpointCall } from "./endpoint-call.js";

/** One row of `azcmagent check`: ENDPOINT | REACHABLE | PRIVATE | TLS | PROXY [DOC-CHECK]. */
export interface CheckRow {
  endpoint: string;
  reachable: boolean;
  /** The name resolved to a private address (direct routes; behind a proxy the agent does not resolve). */
  private: boolean;
  tls: boolean;
  /** The proxy used, or "none". */
  proxy: string;
  /** The address connected to, the HTTP status, the refusal or the failure. */
  detail: string;
  /** What `arclink verify` predicts for this host and endpoint at the same instant (semantics/connect). */
  predicted: ConnectOutcome;
  /** Whether arclink's live network serves the name (a TLS front door); other names cannot be compared. */
  served: boolean;
  /** Whether the live row agrees with the prediction (reachable ⇔ PRIVATE or PUBLIC); true for names not served. */
  agrees: boolean;
}

export interface CheckOptions {
  location?: string;
  enablePlsCheck?: boolean;
  extensions?: string[];
}

/** Refusal codes the gateway answers with (fabric/gateway wire actions): the endpoint said no. */
const REFUSED =
  /^(MachineNotAssociatedWithPrivateLinkScope|PublicNetworkAccessDisabled|PrivateLinkScopeAssociationPending|PrivateEndpointConnectionNotApproved|PrivateLinkScopeAccessDenied)$/;

export const EXTENSION_SETS = ["all", "sql"] as const;

/** The row for one call: reachable when the service answered and did not refuse the connection. */
export function rowOf(call: EndpointCall, predicted: ConnectOutcome): CheckRow {
  const r = call.result;
  const code = (r.json?.error as { code?: string } | undefined)?.code;
  const refused = r.kind === "response" && r.status === 403 && code !== undefined && REFUSED.test(code);
  const reachable = r.kind === "response" && !refused;
  const served = endpointOf(call.name) !== undefined;
  const detail = !served
    ? "not served by arclink's live network (no front door for this name)"
    : r.kind === "response"
      ? `${call.address ? `${call.address} ` : ""}HTTP ${r.status}${refused ? ` ${code}: ${(r.json?.error as { message?: string } | undefined)?.message ?? ""}` : ""}`
      : `${call.address ? `${call.address}: ` : ""}${r.kind}${r.error ? ` (${r.error})` : ""}`;
  return {
    endpoint: call.name,
    reachable,
    private: Boolean(call.address && !isPublicAddress(call.address)),
    tls: r.tls,
    proxy: call.proxy ?? "none",
    detail,
    predicted,
    served,
    agrees: !served || reachable === (predicted === "PRIVATE" || predicted === "PUBLIC"),
  };
}

/** The names `check` probes: the host's agent endpoints (its machine's region, or `--location`) and extension dependencies. */
export function checkNames(env: AgentEnv, hostId: string, o: CheckOptions): string[] {
  const world = env.world();
  const host = installedHost(env, hostId);
  const machine = host.machineId ? readMachine(world, host.machineId) : undefined;
  let names: string[];
  if (o.location !== undefined) {
    const region = findRegion(o.location);
    if (!region) throw new AzcmError("AZCM0020", `The location "${o.location}" is not a known Azure region.`);
    const withPl = Boolean(machine?.privateLinkScopeResourceId);
    names = agentEndpoints(region.name)
      .filter((e) => !(e.skippedWithPrivateLink && withPl))
      .map((e) => e.probeName);
    if (o.extensions?.length)
      names.push(...extensionDependencies(machine && world.get(machine.id), region.name).map((d) => d.name));
  } else {
    names = hostEndpoints(world, host, agentEndpoints, DEFAULT_REGION, machine)
      .filter((e) => e.origin === "agent" || (o.extensions?.length ?? 0) > 0)
      .map((e) => e.name);
  }
  return [...new Set(names)];
}

/**
 * `azcmagent check` on a host over the live network [DOC-CHECK]: each endpoint its agent
 * uses, resolved and connected as the agent would; with `--enable-pls-check`, an Arc
 * endpoint that does not resolve to a private address fails the check. Each row carries
 * the verifier's prediction for the same host, endpoint and instant.
 *
 * @example
 * const rows = await runCheck(env, hostId, { enablePlsCheck: true });
 */
export async function runCheck(env: AgentEnv, hostId: string, o: CheckOptions = {}): Promise<CheckRow[]> {
  for (const e of o.extensions ?? [])
    if (!(EXTENSION_SETS as readonly string[]).includes(e))
      throw new AzcmError(
        "AZCM0023",
        `Invalid value "${e}" for --extensions: expected one of ${EXTENSION_SETS.join(", ")}.`,
      );
  const names = checkNames(env, hostId, o);
  const now = env.now();
  const world = env.world();
  return Promise.all(
    names.map(async (name) => {
      const call = await callEndpoint(env, hostId, name, { path: "/" });
      const row = rowOf(call, connect(world, hostId, name, now).outcome);
      if (
        o.enablePlsCheck &&
        call.plan.result === "PLANNED" &&
        /\.(his\.arc|guestconfiguration)\.azure\.com$/.test(call.name) &&
        !row.private
      ) {
        row.reachable = false;
        row.detail = `${row.detail}; --enable-pls-check: ${call.name} does not resolve to a private address`;
      }
      return row;
    }),
  );
}

/** The table azcmagent prints. */
export function checkTable(rows: readonly CheckRow[]): string {
  const head = ["ENDPOINT", "REACHABLE", "PRIVATE", "TLS", "PROXY"];
  const cells = rows.map((r) => [r.endpoint, String(r.reachable), String(r.private), String(r.tls), r.proxy]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) =>
    c
      .map((v, i) => v.padEnd(widths[i]))
      .join(" | ")
      .trimEnd();
  return [line(head), ...cells.map(line)].join("\n");
}
