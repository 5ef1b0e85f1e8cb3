import type { World } from "../../world/world.js";
import { list, type Machine, type PremisesClient, readMachine, str } from "../model/index.js";
import { type AgentEndpoint, agentEndpoints } from "./agent-endpoints.js";
import { extensionDependencies } from "./extension-dependencies.js";

/** The region used for a host with no machine resource yet (arclink's choice; `--region` overrides). */
export const DEFAULT_REGION = "westeurope";

export interface HostEndpoint {
  name: string;
  origin: string;
}

/**
 * What a host's agent connects to: the documented agent endpoints for its machine's
 * region (facts §9, `agentEndpoints`) — without extension downloads from storage when
 * the machine uses private link [DOC-NET 3f16ad4c7] — then its extensions' dependencies.
 * A host with no agent installed has none.
 *
 * @example
 * hostEndpoints(world, host, endpointsCache).map((e) => e.name) // ["login.microsoftonline.com", …]
 */
export function hostEndpoints(
  world: World,
  host: PremisesClient,
  regionEndpoints: (region: string) => readonly AgentEndpoint[] = agentEndpoints,
  defaultRegion = DEFAULT_REGION,
  machine: Machine | undefined = host.machineId ? readMachine(world, host.machineId) : undefined,
): HostEndpoint[] {
  if (host.kind !== "host" || !host.agent) return [];
  const region = machine?.location ?? defaultRegion;
  const withPrivateLink = Boolean(machine?.privateLinkScopeResourceId);
  const out: HostEndpoint[] = regionEndpoints(region)
    .filter((e) => !(e.skippedWithPrivateLink && withPrivateLink))
    .map((e) => ({ name: e.probeName, origin: "agent" }));
  const resource = machine ? world.get(machine.id) : undefined;
  for (const dep of extensionDependencies(resource, region)) out.push(dep);
  return out;
}

/**
 * `hostEndpoints` shared between hosts whose lists are equal (same region, private link
 * or not, same extensions): one array per kind, for runs over many hosts.
 */
export function sharedHostEndpoints(world: World, defaultRegion = DEFAULT_REGION) {
  const byRegion = new Map<string, readonly AgentEndpoint[]>();
  const regionEndpoints = (region: string) => {
    let e = byRegion.get(region);
    if (!e) {
      e = agentEndpoints(region);
      byRegion.set(region, e);
    }
    return e;
  };
  const lists = new Map<string, HostEndpoint[]>();
  return (host: PremisesClient, machine: Machine | undefined): HostEndpoint[] => {
    if (host.kind !== "host" || !host.agent) return [];
    const resource = machine ? world.get(machine.id) : undefined;
    const extensions = list(resource?.properties.extensions).map((e) => str(e.type) ?? "");
    const key = `${machine?.location ?? defaultRegion}|${Boolean(machine?.privateLinkScopeResourceId)}|${extensions}`;
    let found = lists.get(key);
    if (!found) {
      found = hostEndpoints(world, host, regionEndpoints, defaultRegion, machine);
      lists.set(key, found);
    }
    return found;
  };
}
