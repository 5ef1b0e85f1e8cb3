import { type ConfigChange, changeConfig, configValue, listConfig, readAgentConfig } from "../azcm/index.js";
import { type AgentEnv, installedHost } from "./agent-env.js";

/** The host's stored agent config (`properties.agent.config`). */
export function hostConfig(env: AgentEnv, hostId: string) {
  const raw = env.world().get(hostId)?.properties.agent as { config?: unknown } | undefined;
  return readAgentConfig(raw?.config);
}

/**
 * `azcmagent config set|clear` on a world host [DOC-CONFIG, DOC-PROXY]: validated (values,
 * version gates) before anything is written; the new config goes into the host's
 * `properties.agent.config` through the write path, so the gateway, the verifier and
 * the agent's next connection all see it.
 *
 * @example
 * await changeHostConfig(env, hostId, "proxy.bypass", { kind: "set", values: ["Arc"] });
 */
export async function changeHostConfig(env: AgentEnv, hostId: string, name: string, change: ConfigChange) {
  const host = installedHost(env, hostId);
  const next = changeConfig(hostConfig(env, host.id), host.agent.version, name, change);
  await env.updateHost(host.id, (p) => {
    const agent = (p.agent ?? {}) as Record<string, unknown>;
    return { ...p, agent: { ...agent, config: next } };
  });
  return next;
}

/** `config get NAME`. */
export function getHostConfig(env: AgentEnv, hostId: string, name: string): string {
  return configValue(hostConfig(env, installedHost(env, hostId).id), name);
}

/** `config list`. */
export function listHostConfig(env: AgentEnv, hostId: string) {
  return listConfig(hostConfig(env, installedHost(env, hostId).id));
}
