import { machineScopeRegion } from "../../rules/hybrid-compute/machine-scope-region.js";
import { oneScopePerVirtualNetwork } from "../../rules/network/private-endpoint-rules.js";
import {
  allPrivateEndpoints,
  arcScopeOf,
  PRIVATE_ENDPOINT_TYPE,
  scopeConnectionStatus,
} from "../../semantics/model/index.js";
import { type Finding, finding } from "../finding.js";
import type { WorldCheck } from "./check-types.js";

/**
 * One Arc scope per vnet [DOC-PL §3.1]: the write-time rule `one-scope-per-virtual-network`
 * asked about every existing private endpoint (worlds from older stores, or built by
 * hand, can break what writes refuse today).
 */
export const scopePerVnetCheck: WorldCheck = {
  name: "one-scope-per-vnet",
  codes: ["ARC-SCOPE-VNET-MULTIPLE"],
  run({ world, now }) {
    const out: Finding[] = [];
    for (const pe of world.ofType(PRIVATE_ENDPOINT_TYPE)) {
      const error = oneScopePerVirtualNetwork.checkPut?.(world, pe, undefined, now);
      if (error) out.push(finding("ARC-SCOPE-VNET-MULTIPLE", { resourceId: pe.id, message: error.message }));
    }
    return out;
  },
};

/** Machine and scope in the same region [DOC-PL §3.3], by the write-time rule `machine-scope-region`. */
export const regionCheck: WorldCheck = {
  name: "machine-scope-region",
  codes: ["ARC-REGION-MISMATCH"],
  run({ world, now, hosts }) {
    // Machines of one scope and one location share the rule's answer: ask once per pair,
    // and again per machine only where it refuses (for each machine's own message).
    const groups = new Map<string, { machineId: string; hostId: string }[]>();
    for (const h of hosts) {
      const m = h.machine;
      if (!m?.privateLinkScopeResourceId) continue;
      const key = `${m.privateLinkScopeResourceId.toLowerCase()}|${m.location ?? ""}`;
      const g = groups.get(key);
      if (g) g.push({ machineId: m.id, hostId: h.client.id });
      else groups.set(key, [{ machineId: m.id, hostId: h.client.id }]);
    }
    const out: Finding[] = [];
    const check = (machineId: string) => {
      const resource = world.get(machineId);
      return resource && machineScopeRegion.checkPut?.(world, resource, undefined, now);
    };
    const seen = new Set<string>();
    for (const g of groups.values()) {
      if (!check(g[0].machineId)) continue;
      for (const { machineId, hostId } of g) {
        if (seen.has(machineId)) continue;
        seen.add(machineId);
        const error = check(machineId);
        if (error) out.push(finding("ARC-REGION-MISMATCH", { resourceId: machineId, hostId, message: error.message }));
      }
    }
    return out;
  },
};

/** Private endpoint connections to an Arc scope that are not Approved [SPEC-PLS]. */
export const pendingConnectionCheck: WorldCheck = {
  name: "pending-connections",
  codes: ["ARC-PE-PENDING"],
  run({ world }) {
    const out: Finding[] = [];
    for (const pe of allPrivateEndpoints(world)) {
      const scopeId = arcScopeOf(world, pe.id);
      if (!scopeId) continue;
      const status = scopeConnectionStatus(world, scopeId, pe.id);
      if (status === "Approved") continue;
      out.push(
        finding("ARC-PE-PENDING", {
          resourceId: pe.id,
          message: `The connection of private endpoint "${pe.id}" to scope "${scopeId}" is ${status ?? "missing"}, not Approved.`,
        }),
      );
    }
    return out;
  },
};
