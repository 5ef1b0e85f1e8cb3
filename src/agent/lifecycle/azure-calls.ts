import type { KeyObject } from "node:crypto";
import { signMachineAssertion } from "../../fabric/arc-services/assertion.js";
import { type AzcmCode, AzcmError } from "../azcm/index.js";
import type { AgentEnv } from "./agent-env.js";
import { callEndpoint, type EndpointCall } from "./endpoint-call.js";

export const ENTRA = "login.microsoftonline.com";
export const ARM = "management.azure.com";
/** The api-version the agent sends to ARM (a stable version the front accepts [facts §1]). */
export const MACHINE_API_VERSION = "2024-07-10";

/** Why a call failed, as Go's HTTP client words it in azcmagent's messages [DOC-AZCM "Agent connection issues"]. */
export function failure(call: EndpointCall, method: string, url: string): string {
  const r = call.result;
  if (r.kind === "response") {
    const e = r.json?.error as { code?: string; message?: string } | string | undefined;
    const text =
      typeof e === "string"
        ? `${e}: ${String(r.json?.error_description ?? "")}`
        : e
          ? `${e.code}: ${e.message}`
          : `HTTP ${r.status}`;
    return `${text} Status Code=${r.status}`;
  }
  const where = call.address ? `${call.address}:443` : call.proxy ? `proxy ${call.proxy}` : call.name;
  const why =
    r.kind === "timeout" ? "i/o timeout" : r.kind === "reset" ? "connection reset by peer" : (r.error ?? r.kind);
  return `${method} ${url}: dial tcp ${where}: ${why}`;
}

/**
 * A token for ARM from Entra ID, for a service principal, through the host's path
 * (client credentials, `scope=https://management.azure.com/.default`). AZCM0041 with
 * azcmagent's wording when it fails [DOC-AZCM].
 */
export async function armToken(
  env: AgentEnv,
  hostId: string,
  sp: { tenantId: string; id: string; secret: string },
): Promise<string> {
  const path = `/${sp.tenantId}/oauth2/v2.0/token`;
  const body = new URLSearchParams({
    grant_type: "client_credentials",
    client_id: sp.id,
    client_secret: sp.secret,
    scope: `https://${ARM}/.default`,
  }).toString();
  const call = await callEndpoint(env, hostId, ENTRA, {
    method: "POST",
    path,
    body,
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });
  const token = call.result.json?.access_token;
  if (call.result.kind === "response" && call.result.status === 200 && typeof token === "string") return token;
  const url = `https://${ENTRA}${path}`;
  const detail =
    call.result.kind === "response" && call.result.status === 401
      ? `Invalid client secret is provided (${String(call.result.json?.error_description ?? "")})`
      : `Failed to execute the refresh request. Error = '${failure(call, "Post", url)}'`;
  throw new AzcmError("AZCM0041", `Failed to acquire authorization token from SPN: ${detail}`);
}

/** One ARM call through the host's path with a bearer token; `code` is the AZCM code of a failure. */
export async function armCall(
  env: AgentEnv,
  hostId: string,
  token: string,
  method: string,
  id: string,
  code: AzcmCode,
  what: string,
  body?: unknown,
): Promise<EndpointCall> {
  const path = `${id}?api-version=${MACHINE_API_VERSION}`;
  const call = await callEndpoint(env, hostId, ARM, {
    method,
    path,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { authorization: `Bearer ${token}` },
  });
  const r = call.result;
  if (r.kind === "response" && (r.status ?? 500) < 300) return call;
  if (r.kind === "response" && r.status === 404 && method === "GET") return call;
  throw new AzcmError(
    code,
    `${what}: ${failure(call, method === "GET" ? "Get" : method === "PUT" ? "Put" : "Delete", `https://${ARM}${path}`)}`,
  );
}

/** The machine's access token from HIS: a fresh assertion signed with its key for `https://<name>/machine/<vmId>/identity`. */
export async function hisToken(
  env: AgentEnv,
  hostId: string,
  his: string,
  machineId: string,
  vmId: string,
  key: KeyObject,
  keepAlive = false,
): Promise<EndpointCall & { token?: string }> {
  const path = `/machine/${vmId}/identity`;
  const assertion = await signMachineAssertion(key, machineId, `https://${his}${path}`);
  const call = await callEndpoint(env, hostId, his, {
    method: "POST",
    path,
    body: JSON.stringify({ assertion }),
    keepAlive,
  });
  const token = call.result.json?.access_token;
  return { ...call, token: call.result.status === 200 && typeof token === "string" ? token : undefined };
}
