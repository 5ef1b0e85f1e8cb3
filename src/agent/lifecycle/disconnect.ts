import { AzcmError } from "../azcm/index.js";
import { agentStateStore } from "../state/index.js";
import { type AgentEnv, installedHost } from "./agent-env.js";
import { armCall, armToken } from "./azure-calls.js";
import type { Log } from "./connect.js";
import { forgetToken } from "./heartbeat.js";

export interface DisconnectFlags {
  servicePrincipalId?: string;
  servicePrincipalSecret?: string;
  tenantId?: string;
  /** Forget the machine here without deleting the resource in Azure [DOC-AZCM AZCM0043]. */
  forceLocalOnly?: boolean;
}

/**
 * `azcmagent disconnect` [DOC-AZCM]: the machine resource deleted through ARM (a token
 * from Entra ID over the host's path), then the local state and key forgotten and the
 * host unlinked from the machine in the world. `--force-local-only` skips Azure.
 * AZCM0063 when the agent is not connected, AZCM0043 when the deletion fails.
 *
 * @example
 * await runDisconnect(env, hostId, { servicePrincipalId, servicePrincipalSecret, tenantId });
 */
export async function runDisconnect(env: AgentEnv, hostId: string, flags: DisconnectFlags, log: Log = () => {}) {
  const host = installedHost(env, hostId);
  const store = agentStateStore(env.dataDir, host.id);
  const state = store.load();
  if (state?.status !== "Connected")
    throw new AzcmError(
      "AZCM0063",
      `The machine is not connected to Azure: there is nothing to disconnect on "${host.id}".`,
    );
  if (!flags.forceLocalOnly) {
    const missing = [
      ["--service-principal-id", flags.servicePrincipalId],
      ["--service-principal-secret", flags.servicePrincipalSecret],
    ]
      .filter(([, v]) => !v)
      .map(([n]) => n);
    if (missing.length)
      throw new AzcmError("AZCM0016", `Missing mandatory parameter(s): ${missing.join(", ")} (or --force-local-only).`);
    const token = await armToken(env, host.id, {
      tenantId: flags.tenantId ?? state.tenantId,
      id: flags.servicePrincipalId as string,
      secret: flags.servicePrincipalSecret as string,
    });
    log(`INFO    Deleting resource from Azure...   Resource ID=${state.machineId}`);
    await armCall(
      env,
      host.id,
      token,
      "DELETE",
      state.machineId,
      "AZCM0043",
      "Failed to delete the Azure Arc-enabled server resource",
    );
  }
  forgetToken(state.machineId);
  store.clear();
  await env.updateHost(host.id, ({ machineId: _m, ...rest }) => rest);
  log("INFO    Disconnected machine from Azure");
}
