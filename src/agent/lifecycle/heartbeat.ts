import { HEARTBEAT_INTERVAL_MS } from "../../semantics/agent/machine-status.js";
import { findRegion } from "../../world/catalog/regions.js";
import type { AgentStateStore } from "../state/index.js";
import { type AgentEnv, installedHost } from "./agent-env.js";
import { failure, hisToken } from "./azure-calls.js";
import { callEndpoint } from "./endpoint-call.js";

export interface BeatResult {
  ok: boolean;
  /** The status HIS reports for the machine after the heartbeat. */
  status?: string;
  error?: string;
}

/** How old the saved last heartbeat may grow before a heartbeat rewrites the state file. */
export const SAVE_HEARTBEAT_AFTER_MS = HEARTBEAT_INTERVAL_MS * 1.5;

/** Machine access tokens by machine id; they live an hour of real time (fabric/arc-services). */
const tokens = new Map<string, { token: string; until: number }>();

/** The regional HIS name of a location (`weu.his.arc.azure.com`); the global one when the region has no known code. */
export function regionalHis(location: string): string {
  const code = findRegion(location)?.hisCode;
  return code ? `${code}.his.arc.azure.com` : "gbl.his.arc.azure.com";
}

/**
 * One heartbeat of a connected agent [DOC-NET: every 5 minutes]: the machine's access
 * token from HIS (cached; renewed with a fresh assertion when refused), then
 * `POST /machine/<vmId>/heartbeat` to the regional HIS over the host's path, reporting
 * the installed agent version. The state records the virtual time of the last accepted
 * heartbeat or the failure.
 *
 * @example
 * const { ok, status } = await beat(env, agentStateStore(dataDir, hostId));
 */
export async function beat(env: AgentEnv, store: AgentStateStore): Promise<BeatResult> {
  const state = store.load();
  if (state?.status !== "Connected") return { ok: false, error: "the agent is not connected" };
  const host = installedHost(env, state.hostId);
  const his = regionalHis(state.location);
  const fail = (error: string): BeatResult => {
    store.save({ ...state, lastError: error });
    return { ok: false, error };
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    let cached = tokens.get(state.machineId);
    if (!cached || cached.until <= Date.now()) {
      // The key is read (and an ES256 assertion signed) only when a token is needed: once an hour.
      const key = store.loadKey();
      if (!key) return { ok: false, error: "the agent is not connected" };
      const got = await hisToken(env, state.hostId, his, state.machineId, state.vmId, key, true);
      if (!got.token) return fail(failure(got, "Post", `https://${his}/machine/${state.vmId}/identity`));
      cached = { token: got.token, until: Date.now() + 50 * 60_000 };
      tokens.set(state.machineId, cached);
    }
    const path = `/machine/${state.vmId}/heartbeat`;
    const call = await callEndpoint(env, state.hostId, his, {
      method: "POST",
      path,
      body: JSON.stringify({ agentVersion: host.agent.version }),
      headers: { authorization: `Bearer ${cached.token}` },
      keepAlive: true,
    });
    if (call.result.kind === "response" && call.result.status === 401 && attempt === 0) {
      tokens.delete(state.machineId);
      continue;
    }
    if (call.result.kind !== "response" || call.result.status !== 200)
      return fail(failure(call, "Post", `https://${his}${path}`));
    // The state file is rewritten when the last failure clears or the saved heartbeat is 7.5
    // virtual minutes old (every other heartbeat on time): a restart then resumes at most one
    // interval early, and `show` reads a heartbeat well inside the 15-minute window.
    const now = env.now();
    const saved = state.lastHeartbeat ? Date.parse(state.lastHeartbeat) : Number.NEGATIVE_INFINITY;
    if (state.lastError !== undefined || now.getTime() - saved >= SAVE_HEARTBEAT_AFTER_MS) {
      const { lastError: _e, ...rest } = state;
      store.save({ ...rest, lastHeartbeat: now.toISOString() });
    }
    return { ok: true, status: String(call.result.json?.status ?? "") };
  }
  return fail("the machine's token was refused twice");
}

/** Forgets a machine's cached token (disconnect). */
export function forgetToken(machineId: string) {
  tokens.delete(machineId);
}
