import { machineStatusAt } from "../../semantics/agent/machine-status.js";
import { readAgentConfig } from "../azcm/index.js";
import { agentStateStore } from "../state/index.js";
import { type AgentEnv, installedHost } from "./agent-env.js";

/** `azcmagent show`'s fields [DOC-SHOW, facts §10]: JSON key → display name. */
export const SHOW_FIELDS = [
  ["resourceName", "Resource Name"],
  ["resourceGroup", "Resource Group Name"],
  ["resourceNamespace", "Resource Namespace"],
  ["resourceId", "Resource Id"],
  ["subscriptionId", "Subscription ID"],
  ["tenantId", "Tenant ID"],
  ["vmId", "VM ID"],
  ["correlationId", "Correlation ID"],
  ["location", "Location"],
  ["cloud", "Cloud"],
  ["agentVersion", "Agent Version"],
  ["status", "Agent Status"],
  ["lastHeartbeat", "Agent Last Heartbeat"],
  ["privateLinkScope", "Private Link Scope"],
  ["httpsProxy", "Using HTTPS Proxy"],
  ["proxyBypass", "Proxy Bypass List"],
] as const;

export type ShowKey = (typeof SHOW_FIELDS)[number][0];

/**
 * What `azcmagent show` reports for a host's agent: its local state (resource, scope,
 * last heartbeat), the installed version and proxy settings from the world. The status
 * is Connected while heartbeats are recent, Disconnected 15 minutes after the last one,
 * Expired after 45 days (`semantics/agent/machine-status`), as the service would say.
 *
 * @example
 * showAgent(env, hostId).status // "Connected"
 */
export function showAgent(env: AgentEnv, hostId: string): Record<ShowKey, string> {
  const host = installedHost(env, hostId);
  const state = agentStateStore(env.dataDir, host.id).load();
  const raw = env.world().get(host.id)?.properties.agent as { config?: unknown } | undefined;
  const config = readAgentConfig(raw?.config);
  const connected = state?.status === "Connected";
  const status = connected
    ? (machineStatusAt(state.lastHeartbeat ? new Date(state.lastHeartbeat) : undefined, env.now()) ?? "Connected")
    : "Disconnected";
  const proxy = config["proxy.url"] ?? host.agent.environment.httpsProxy ?? "";
  return {
    resourceName: connected ? state.resourceName : "",
    resourceGroup: connected ? state.resourceGroup : "",
    resourceNamespace: "Microsoft.HybridCompute",
    resourceId: connected ? state.machineId : "",
    subscriptionId: connected ? state.subscriptionId : "",
    tenantId: connected ? state.tenantId : "",
    vmId: connected ? state.vmId : "",
    correlationId: connected ? (state.correlationId ?? "") : "",
    location: connected ? state.location : "",
    cloud: connected ? state.cloud : "",
    agentVersion: host.agent.version,
    status,
    lastHeartbeat: connected ? (state.lastHeartbeat ?? "") : "",
    privateLinkScope: connected ? (state.privateLinkScope ?? "") : "",
    httpsProxy: proxy,
    proxyBypass: (config["proxy.bypass"] ?? []).join(","),
  };
}

/** The text azcmagent prints: one `Display Name : value` line per field. */
export function showText(fields: Record<ShowKey, string>, only?: readonly string[]): string {
  const wanted = SHOW_FIELDS.filter(
    ([key, label]) =>
      !only?.length ||
      only.some((o) => o.toLowerCase() === key.toLowerCase() || o.toLowerCase() === label.toLowerCase()),
  );
  const width = Math.max(...wanted.map(([, l]) => l.length));
  return wanted.map(([key, label]) => `${label.padEnd(width)} : ${fields[key]}`).join("\n");
}
