import type { RealizationTable } from "../../fabric/addresses/index.js";
import type { createMachineKeyPair } from "../../fabric/arc-services/assertion.js";
import { HOST_TYPE, type PremisesClient, readClient } from "../../semantics/model/premises.js";
import type { Resource } from "../../world/resource.js";
import type { World } from "../../world/world.js";
import { AzcmError } from "../azcm/index.js";

/**
 * What an agent needs of the system it runs in: the world it reads its host from, the
 * virtual clock, the address realization, the ports and CA of the live planes, the data
 * directory for its state, and a way to change its host in the world (its configuration
 * and its machine) through the write path. The CLI builds one over a data directory and
 * its running server; `up --agents` over the hub in-process.
 */
export interface AgentEnv {
  world(): World;
  now(): Date;
  table(): RealizationTable;
  ports: { dns: number; https: number };
  /** The local CA certificate (PEM) the agent trusts. */
  ca: string;
  dataDir: string;
  /** Changes the host resource's `properties` through the write path (the same rules as ARM). */
  updateHost(hostId: string, change: (properties: Record<string, unknown>) => Record<string, unknown>): Promise<void>;
  /** Per network step (a DNS query, a connection). */
  timeoutMs: number;
  /** Re-reads the world and the clock when they live in another process (the CLI); the runner calls it each tick. */
  refresh?(): Promise<void>;
  /**
   * Where connect's key pair comes from; default a fresh RSA 2048 pair, as azcmagent makes.
   * (A test that connects a thousand agents hands out pairs made ahead: each costs ~150 ms.)
   */
  newKeyPair?(): MachineKeyPair;
}

export type MachineKeyPair = ReturnType<typeof createMachineKeyPair>;

/** The body of a PUT that keeps a resource as it is but for new `properties`. */
export function putBody(r: Resource, properties: Record<string, unknown>) {
  return { ...(r.location ? { location: r.location } : {}), ...(r.tags ? { tags: r.tags } : {}), properties };
}

/** The host's resource id for `--host`: a resource id, or a host's name when it is unique in the world. */
export function resolveHostId(world: World, host: string): string {
  if (host.startsWith("/")) {
    const found = readClient(world, host);
    if (found?.kind === "host") return found.id;
    throw new AzcmError("AZCM0023", `Host "${host}" does not exist in the world.`);
  }
  const matches = world
    .ofType(HOST_TYPE)
    .filter((r) => r.name.toLowerCase() === host.toLowerCase() || r.properties.address === host);
  if (matches.length === 1) return matches[0].id;
  if (matches.length === 0) throw new AzcmError("AZCM0023", `There is no host "${host}" in the world.`);
  throw new AzcmError(
    "AZCM0023",
    `Host "${host}" is ambiguous: ${matches.map((m) => m.id).join(", ")}; pass the resource id.`,
  );
}

/** The host with its agent, or an error as azcmagent would give on a machine without it. */
export function installedHost(
  env: AgentEnv,
  hostId: string,
): PremisesClient & { agent: NonNullable<PremisesClient["agent"]> } {
  const host = readClient(env.world(), hostId);
  if (host?.kind !== "host") throw new AzcmError("AZCM0023", `Host "${hostId}" does not exist in the world.`);
  if (!host.agent)
    throw new AzcmError("AZCM0003", `Host "${host.id}" has no Connected Machine agent installed (properties.agent).`);
  return host as PremisesClient & { agent: NonNullable<PremisesClient["agent"]> };
}

/** The host's realized address: what its connections come from. */
export function hostRealized(env: AgentEnv, host: PremisesClient): string {
  const realized = env.table().realize({ kind: "site", siteId: host.siteId }, host.address);
  if (!realized) throw new AzcmError("AZCM0026", `The address ${host.address} of host "${host.id}" is not realized.`);
  return realized;
}
