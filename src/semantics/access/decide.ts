import { sameId } from "../../world/arm-id.js";
import type { World } from "../../world/world.js";
import { isArcScopeId } from "../model/arc-private-endpoint.js";
import { MACHINE_TYPE, type Machine, readMachine, readScope, scopeConnectionStatus } from "../model/hybrid-compute.js";
import { readPrivateEndpoint } from "../model/network.js";
import type { AccessDecision, AccessStep, Arrival, RefusalReason } from "./access-types.js";

/**
 * How long after `internal.privateLinkScopeAssociatedAt` a scope starts accepting the
 * machine. Azure says "up to 15 minutes" [DOC-PL §3.10]; arclink takes the worst case
 * and accepts from exactly +15:00 on, so tests and the virtual clock are deterministic.
 */
export const ASSOCIATION_DELAY_MS = 15 * 60 * 1000;

/**
 * Whether the Arc service accepts a machine arriving one way [SPEC-PLS, DOC-PL §3.10–3.12]:
 * through a private endpoint of scope S only if the scope's connection for that endpoint
 * is Approved, the machine's `privateLinkScopeResourceId` is S, and the association is
 * effective (at once when the machine was onboarded with S, else 15 minutes after it was
 * made); through the public endpoint only with no scope or a scope whose
 * `publicNetworkAccess` is `Enabled`.
 *
 * @example
 * decide(world, machineId, { kind: "private-endpoint", privateEndpointId }, now) // { decision: "ALLOW", trace }
 */
export function decide(world: World, machineId: string, arrival: Arrival, now: Date): AccessDecision {
  const trace: AccessStep[] = [];
  const refuse = (reason: RefusalReason, kind: AccessStep["kind"], detail: string): AccessDecision => {
    trace.push({ kind, passed: false, detail });
    return { decision: "REFUSE", reason, trace };
  };
  const pass = (kind: AccessStep["kind"], detail: string) => trace.push({ kind, passed: true, detail });

  const machine = readMachine(world, machineId);
  if (!machine) return refuse("UNKNOWN_MACHINE", "machine", `machine "${machineId}" does not exist`);
  const machineScope = machine.privateLinkScopeResourceId;
  pass("machine", `machine "${machine.id}" is associated with ${machineScope ? `"${machineScope}"` : "no scope"}`);

  if (arrival.kind === "public") {
    if (!machineScope) {
      pass("public-access", "a machine with no scope may use the public endpoint");
      return { decision: "ALLOW", trace };
    }
    const scope = readScope(world, machineScope);
    if (!scope) return refuse("SCOPE_NOT_FOUND", "scope", `scope "${machineScope}" does not exist`);
    if (scope.publicNetworkAccess !== "Enabled") {
      return refuse(
        "PUBLIC_ACCESS_DISABLED",
        "public-access",
        `scope "${scope.id}" has publicNetworkAccess ${scope.publicNetworkAccess}`,
      );
    }
    pass("public-access", `scope "${scope.id}" has publicNetworkAccess Enabled`);
    return { decision: "ALLOW", trace };
  }

  const pe = readPrivateEndpoint(world, arrival.privateEndpointId);
  if (!pe)
    return refuse(
      "UNKNOWN_PRIVATE_ENDPOINT",
      "private-endpoint",
      `private endpoint "${arrival.privateEndpointId}" does not exist`,
    );
  const targets = pe.privateLinkServiceIds.filter(isArcScopeId);
  if (targets.length === 0)
    return refuse(
      "PE_NOT_TO_ARC_SCOPE",
      "private-endpoint",
      `private endpoint "${pe.id}" connects to no Arc private link scope`,
    );
  const scopeId = targets[0];
  pass("private-endpoint", `private endpoint "${pe.id}" connects to scope "${scopeId}"`);
  const scope = readScope(world, scopeId);
  if (!scope) return refuse("SCOPE_NOT_FOUND", "scope", `scope "${scopeId}" does not exist`);

  const status = scopeConnectionStatus(world, scope.id, pe.id);
  if (status !== "Approved") {
    return refuse(
      "PE_NOT_APPROVED",
      "connection",
      `the connection of "${pe.id}" on "${scope.id}" is ${status ?? "missing"}, not Approved`,
    );
  }
  pass("connection", `the connection of "${pe.id}" on "${scope.id}" is Approved`);

  // A machine not associated with the scope is refused [DOC-PL §3.11].
  if (!sameId(machineScope, scope.id)) {
    return refuse(
      "NOT_ASSOCIATED",
      "association",
      `machine "${machine.id}" is associated with ${machineScope ? `"${machineScope}"` : "no scope"}, not "${scope.id}"`,
    );
  }
  // Onboarded with the scope (azcmagent connect --private-link-scope): accepted at once; the
  // delay is for associating an existing machine [facts §3.10 "After associating a machine with a PLS"].
  if (machine.onboardedWithScope) {
    pass("association", `machine "${machine.id}" was onboarded with the scope: the association is effective at once`);
    return { decision: "ALLOW", trace };
  }
  if (!machine.associatedAt) {
    pass("association", "the association time is not recorded; treated as effective");
    return { decision: "ALLOW", trace };
  }
  const effective = associationEffectiveAt(machine) as Date;
  if (now.getTime() < effective.getTime()) {
    return refuse(
      "PENDING_ASSOCIATION",
      "association",
      `the association becomes effective at ${effective.toISOString()}; now is ${now.toISOString()}`,
    );
  }
  pass("association", `the association is effective since ${effective.toISOString()}`);
  return { decision: "ALLOW", trace };
}

/**
 * When a machine's association with its scope takes effect: undefined when at once (the
 * machine was onboarded with the scope, or no association time is recorded), else 15
 * minutes after the association was made [facts §3.10].
 */
export function associationEffectiveAt(machine: Machine): Date | undefined {
  if (machine.onboardedWithScope || !machine.associatedAt) return undefined;
  return new Date(machine.associatedAt.getTime() + ASSOCIATION_DELAY_MS);
}

/**
 * The first instant after `now` at which `decide` can answer differently over the same
 * world: the next association to take effect, or undefined when none is pending. Time
 * enters `decide` only there, so a plane may keep its decisions until then (or until the
 * world changes).
 *
 * @example
 * nextDecisionChange(world, now) // 2026-01-01T00:15:00.000Z (a machine associated at 00:00)
 */
export function nextDecisionChange(world: World, now: Date): Date | undefined {
  let next: number | undefined;
  for (const r of world.ofType(MACHINE_TYPE)) {
    const machine = readMachine(world, r.id);
    const at = machine && associationEffectiveAt(machine)?.getTime();
    if (at !== undefined && at > now.getTime() && (next === undefined || at < next)) next = at;
  }
  return next === undefined ? undefined : new Date(next);
}
