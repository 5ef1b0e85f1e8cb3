import type { World } from "../../world/world.js";
import type { Vantage } from "../dns/dns-types.js";
import { readMachine } from "../model/hybrid-compute.js";
import { inSite, PROXY_TYPE, readClient } from "../model/premises.js";
import { canonicalName } from "../model/read-json.js";
import { type AgentService, isPrivateLinkCapable, serviceOfName } from "./agent-endpoints.js";
import { type GatedFeature, supports, VERSION_GATES } from "./agent-version.js";
import { type BypassValue, bypassCovers, isBypassValue } from "./proxy-bypass.js";

export type PlanStepKind = "agent" | "proxy" | "bypass" | "version-gate" | "private-link" | "route";

export interface PlanStep {
  kind: PlanStepKind;
  detail: string;
}

/** How the agent connects: straight to the name, or through an HTTP CONNECT proxy. */
export type Route =
  | { kind: "direct" }
  | { kind: "proxy"; url: string; host: string; port: number; source: "proxy.url" | "HTTPS_PROXY"; proxyId?: string };

export type PlanFailure =
  | "UNKNOWN_HOST"
  | "AGENT_NOT_INSTALLED"
  | "INVALID_PROXY_URL"
  | "INVALID_BYPASS"
  | "VERSION_TOO_OLD"
  | "GATEWAY_NOT_SUPPORTED";

export type AgentPlan =
  | {
      result: "PLANNED";
      endpoint: string;
      service: AgentService;
      route: Route;
      /** Who resolves the endpoint's name: the host itself, or the proxy (known proxies only). */
      resolveFrom?: Vantage;
      /** The machine is associated with a scope and the name is one that moves behind the private endpoint. */
      privateLinkExpected: boolean;
      trace: PlanStep[];
    }
  | { result: PlanFailure; message: string; feature?: GatedFeature; trace: PlanStep[] };

/**
 * What the agent on a host does for one endpoint [DOC-PROXY, DOC-PL, facts §9–10]:
 * the proxy from `agent.config["proxy.url"]`, else `agent.environment.HTTPS_PROXY`;
 * `proxy.bypass` sends the named services direct; version gates refuse features the
 * installed agent lacks. `now` is unused today and kept for the uniform signature.
 *
 * @example
 * plan(world, hostId, "gbl.his.arc.azure.com", now).result // "PLANNED"
 */
export function plan(world: World, hostId: string, endpoint: string, _now: Date): AgentPlan {
  const trace: PlanStep[] = [];
  const fail = (result: PlanFailure, message: string, feature?: GatedFeature): AgentPlan => ({
    result,
    message,
    feature,
    trace,
  });
  const host = readClient(world, hostId);
  if (host?.kind !== "host") return fail("UNKNOWN_HOST", `Host "${hostId}" does not exist.`);
  const agent = host.agent;
  if (!agent) return fail("AGENT_NOT_INSTALLED", `Host "${host.id}" has no Connected Machine agent installed.`);
  trace.push({ kind: "agent", detail: `agent ${agent.version} on "${host.id}"` });
  const name = canonicalName(endpoint);
  const service = serviceOfName(name);
  const gate = (feature: GatedFeature, why: string) => {
    if (supports(agent.version, feature)) return undefined;
    return fail(
      "VERSION_TOO_OLD",
      `${why} needs agent ${VERSION_GATES[feature]} or later; "${host.id}" has ${agent.version}.`,
      feature,
    );
  };

  if (agent.config.connectionType === "gateway") {
    return fail(
      "GATEWAY_NOT_SUPPORTED",
      `Host "${host.id}" uses connection.type "gateway", which arclink does not model.`,
    );
  }

  const machine = host.machineId ? readMachine(world, host.machineId) : undefined;
  const privateLinkExpected = Boolean(machine?.privateLinkScopeResourceId) && isPrivateLinkCapable(name);
  if (privateLinkExpected) {
    const failed = gate("private-link", "Private link");
    if (failed) return failed;
    trace.push({
      kind: "private-link",
      detail: `machine is associated with "${machine?.privateLinkScopeResourceId}"; "${name}" should resolve to the private endpoint`,
    });
  }

  const bypass: BypassValue[] = [];
  for (const value of agent.config.proxyBypass ?? []) {
    if (!isBypassValue(value))
      return fail("INVALID_BYPASS", `proxy.bypass value "${value}" is not one of AAD, ARM, Arc, ArcData, AMA.`);
    bypass.push(value);
  }
  if (bypass.length > 0) {
    const failed =
      gate("proxy-bypass", "proxy.bypass") ??
      (bypass.includes("ArcData") ? gate("arcdata-bypass", 'proxy.bypass "ArcData"') : undefined);
    if (failed) return failed;
  }

  const configured = agent.config.proxyUrl;
  const url = configured ?? agent.environment.httpsProxy;
  if (configured) {
    const failed = gate("proxy-url", "proxy.url");
    if (failed) return failed;
  }
  if (agent.environment.noProxy) {
    trace.push({
      kind: "proxy",
      detail: "NO_PROXY is set but not consulted: the agent's documented bypass is proxy.bypass (arclink choice)",
    });
  }
  const direct = (): AgentPlan => ({
    result: "PLANNED",
    endpoint: name,
    service,
    route: { kind: "direct" },
    resolveFrom: { kind: "host", hostId: host.id },
    privateLinkExpected,
    trace,
  });
  if (!url) {
    trace.push({ kind: "route", detail: `no proxy configured: "${name}" direct` });
    return direct();
  }
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  if (!parsed?.hostname || (parsed.protocol !== "http:" && parsed.protocol !== "https:")) {
    return fail("INVALID_PROXY_URL", `Proxy URL "${url}" is not an http(s) URL.`);
  }
  const source = configured ? "proxy.url" : "HTTPS_PROXY";
  trace.push({
    kind: "proxy",
    detail: `proxy ${url} from ${source}${configured && agent.environment.httpsProxy ? " (takes precedence over HTTPS_PROXY)" : ""}`,
  });
  const covering = bypass.find((b) => bypassCovers(b, name, agent.version));
  if (covering) {
    trace.push({ kind: "bypass", detail: `proxy.bypass "${covering}" covers "${name}": direct` });
    return direct();
  }
  const port = parsed.port ? Number(parsed.port) : parsed.protocol === "https:" ? 443 : 80;
  const proxyHost = parsed.hostname.replace(/^\[|\]$/g, "");
  const proxyId = inSite(world, host.siteId, PROXY_TYPE).find((id) => {
    const p = readClient(world, id);
    return p?.address === proxyHost && p.port === port;
  });
  trace.push({
    kind: "route",
    detail: `"${name}" through the proxy ${proxyHost}:${port}${proxyId ? ` ("${proxyId}")` : " (not a proxy of the site)"}`,
  });
  return {
    result: "PLANNED",
    endpoint: name,
    service,
    route: { kind: "proxy", url, host: proxyHost, port, source, proxyId },
    resolveFrom: proxyId ? { kind: "proxy", proxyId } : undefined,
    privateLinkExpected,
    trace,
  };
}

/**
 * The plan of a client with no agent (an anonymous source): straight to the name, no
 * proxy, no version gates, no private link expectation.
 *
 * @example
 * directPlan("login.microsoftonline.com", "source 192.168.0.77").route // { kind: "direct" }
 */
export function directPlan(endpoint: string, who: string): Extract<AgentPlan, { result: "PLANNED" }> {
  const name = canonicalName(endpoint);
  return {
    result: "PLANNED",
    endpoint: name,
    service: serviceOfName(name),
    route: { kind: "direct" },
    privateLinkExpected: false,
    trace: [{ kind: "route", detail: `${who} has no agent: "${name}" direct` }],
  };
}
