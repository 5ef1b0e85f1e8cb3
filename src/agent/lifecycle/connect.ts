import { createPrivateKey, randomUUID } from "node:crypto";
import { createMachineKeyPair } from "../../fabric/arc-services/assertion.js";
import { agentEndpoints } from "../../semantics/agent/agent-endpoints.js";
import { supports } from "../../semantics/agent/agent-version.js";
import { isPublicAddress } from "../../semantics/net/cidr.js";
import { AzcmError, type ConnectFlags, validateConnectFlags } from "../azcm/index.js";
import { type AgentState, agentStateStore } from "../state/index.js";
import { closeKeptAlive } from "../wire/https-call.js";
import { lookupFromHost } from "../wire/name-lookup.js";
import { type AgentEnv, hostRealized, installedHost } from "./agent-env.js";
import { armCall, armToken, failure, hisToken } from "./azure-calls.js";
import { rowOf } from "./check.js";
import { callEndpoint } from "./endpoint-call.js";
import { beat } from "./heartbeat.js";

const GLOBAL_HIS = "gbl.his.arc.azure.com";

export type Log = (line: string) => void;

/**
 * The connect-time network check [DOC-CONNECT, DOC-RN 1.15/1.17]: first, when
 * `gbl.his.arc.azure.com` resolves to a private address on the host and no scope was
 * given, AZCM0026 with azcmagent's message; then (unless `--ignore-network-check`) every
 * endpoint the agent uses at connect must be reachable.
 */
async function networkCheck(
  env: AgentEnv,
  hostId: string,
  location: string,
  scope: string | undefined,
  ignore: boolean,
  log: Log,
) {
  const host = installedHost(env, hostId);
  const gbl = await lookupFromHost({
    host,
    table: env.table(),
    from: hostRealized(env, host),
    dnsPort: env.ports.dns,
    name: GLOBAL_HIS,
    timeoutMs: env.timeoutMs,
  });
  const privately = gbl.addresses.some((a) => !isPublicAddress(a));
  if (privately && !scope)
    throw new AzcmError(
      "AZCM0026",
      `Private Link Scope resource ID must be provided as endpoint ${GLOBAL_HIS} is configured private`,
    );
  if (ignore) {
    log("INFO    Skipping the network check (--ignore-network-check)");
    return;
  }
  log(
    "INFO    Testing connectivity to endpoints that are needed to connect to Azure... This might take a few minutes.",
  );
  const names = agentEndpoints(location)
    .filter((e) => e.phases.includes("connect"))
    .map((e) => e.probeName);
  const calls = await Promise.all(names.map((name) => callEndpoint(env, hostId, name, { path: "/" })));
  // Network reachability only: an endpoint that answers (even to refuse) is reachable.
  const failed = calls.filter((c) => c.result.kind !== "response").map((c) => rowOf(c, "PUBLIC"));
  if (failed.length > 0)
    throw new AzcmError(
      "AZCM0026",
      `Network Error: the following endpoints are not reachable: ${failed.map((r) => `${r.endpoint} (${r.detail})`).join("; ")}. Run 'azcmagent check' for details.`,
    );
}

/**
 * `azcmagent connect` on a world host [DOC-CONNECT]: flags validated as azcmagent does;
 * version gates; the network check; a token from Entra ID; the machine created (or an
 * existing one without a key adopted) through ARM with the new key's `clientPublicKey`;
 * the machine's identity from HIS (onboarding); the state saved owner-only and a first
 * heartbeat. Every network step goes over the host's own path (DNS, proxy, firewall).
 * Throws `AzcmError` with the code azcmagent documents.
 *
 * @example
 * await runConnect(env, hostId, { servicePrincipalId, servicePrincipalSecret, tenantId, subscriptionId, resourceGroup: "arc-pl", location: "westeurope", privateLinkScope }, console.log);
 */
export async function runConnect(
  env: AgentEnv,
  hostId: string,
  flags: ConnectFlags,
  log: Log = () => {},
): Promise<AgentState> {
  const host = installedHost(env, hostId);
  const version = host.agent.version;
  // Private link needs agent 1.4: older agents do not know the flag [DOC-PL §3.9, facts §3.9].
  if (flags.privateLinkScope !== undefined && !supports(version, "private-link"))
    throw new AzcmError(
      "AZCM0023",
      `unknown flag: --private-link-scope (agent ${version} does not support private link; 1.4 or later is required)`,
    );
  const req = validateConnectFlags(flags, host.id.split("/").at(-1) ?? "host");
  const store = agentStateStore(env.dataDir, host.id);
  const before = store.load();
  if (before?.status === "Connected")
    throw new AzcmError(
      "AZCM0067",
      `The machine is already connected to Azure as "${before.machineId}": run 'azcmagent disconnect' first.`,
    );
  log("INFO    Connecting machine to Azure... This might take a few minutes.");
  await networkCheck(env, host.id, req.location, req.privateLinkScope, req.ignoreNetworkCheck, log);

  const token = await armToken(env, host.id, {
    tenantId: req.tenantId,
    id: req.servicePrincipalId,
    secret: req.servicePrincipalSecret,
  });
  const machineId = `/subscriptions/${req.subscriptionId}/resourceGroups/${req.resourceGroup}/providers/Microsoft.HybridCompute/machines/${req.resourceName}`;
  const existing = await armCall(
    env,
    host.id,
    token,
    "GET",
    machineId,
    "AZCM0042",
    "Failed to AzcmagentConnect ARM resource",
  );
  const found = existing.result.status === 200 ? existing.result.json : undefined;
  const foundProps = (found?.properties ?? {}) as Record<string, unknown>;
  if (found && typeof foundProps.clientPublicKey === "string" && foundProps.clientPublicKey !== "")
    throw new AzcmError(
      "AZCM0044",
      `A resource with the same name already exists: "${machineId}" is connected with another key.`,
    );
  const correlationId = req.correlationId ?? randomUUID();
  log(`INFO    Creating resource in Azure...   Correlation ID=${correlationId} Resource ID=${machineId}`);
  const keys = env.newKeyPair?.() ?? createMachineKeyPair();
  const body = {
    location: req.location,
    ...(Object.keys(req.tags).length ? { tags: req.tags } : found?.tags ? { tags: found.tags } : {}),
    identity: { type: "SystemAssigned" },
    properties: {
      osType: host.os ?? foundProps.osType ?? "linux",
      clientPublicKey: keys.clientPublicKey,
      vmId: (foundProps.vmId as string | undefined) ?? randomUUID(),
      ...(req.privateLinkScope
        ? { privateLinkScopeResourceId: req.privateLinkScope }
        : foundProps.privateLinkScopeResourceId
          ? { privateLinkScopeResourceId: foundProps.privateLinkScopeResourceId }
          : {}),
    },
  };
  const put = await armCall(
    env,
    host.id,
    token,
    "PUT",
    machineId,
    "AZCM0042",
    "Failed to AzcmagentConnect ARM resource",
    body,
  );
  const created = put.result.json as { id?: string; properties?: { vmId?: string } } | undefined;
  const id = created?.id ?? machineId;
  const vmId = created?.properties?.vmId ?? body.properties.vmId;
  // The world's host now runs this machine (what verify and the gateway read).
  await env.updateHost(host.id, (p) => ({ ...p, machineId: id }));

  // Onboarding: the machine's identity from HIS, signed with the new key.
  const his = await hisToken(env, host.id, GLOBAL_HIS, id, vmId, keys.privateKey);
  if (!his.token)
    throw new AzcmError(
      "AZCM0081",
      `Failed to get the MSI certificate from ${GLOBAL_HIS}: ${failure(his, "Post", `https://${GLOBAL_HIS}/machine/${vmId}/identity`)}. The resource "${id}" was created in Azure: delete it before retrying.`,
    );
  const state: AgentState = {
    status: "Connected",
    hostId: host.id,
    machineId: id,
    resourceName: req.resourceName,
    resourceGroup: req.resourceGroup,
    subscriptionId: req.subscriptionId,
    tenantId: req.tenantId,
    location: req.location,
    vmId,
    privateLinkScope: req.privateLinkScope,
    correlationId,
    cloud: req.cloud,
    connectedAt: env.now().toISOString(),
  };
  store.saveKey(createPrivateKey(keys.privateKey.export({ format: "pem", type: "pkcs8" })));
  store.save(state);
  const first = await beat(env, store);
  closeKeptAlive(); // a one-shot command leaves no connection behind; the runner keeps its own

  if (!first.ok) log(`WARN    The first heartbeat failed: ${first.error}`);
  log("INFO    Connected machine to Azure");
  log(`INFO    Machine overview page: https://portal.azure.com/#@${req.tenantId}/resource${id}/overview`);
  return store.load() ?? state;
}
