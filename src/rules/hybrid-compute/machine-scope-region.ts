import { ArmError } from "../errors.js";
import type { Rule } from "../rule.js";
import { asScopeId, associationChanged } from "./association.js";
import { MACHINE_TYPE } from "./types.js";

/**
 * The machine and its private link scope must be in the same Azure region [DOC-PL,
 * facts §3.3]. Azure's error code for this is not documented; arclink answers 400
 * `InvalidPrivateLinkScopeLocation`. Runs after `machineScopeReference`, so a scope it
 * cannot find is that rule's refusal, not this one's.
 *
 * @example
 * machineScopeRegion.checkPut?.(world, machineInWestUs, undefined, now); // scope in westeurope → ArmError
 */
export const machineScopeRegion: Rule = {
  name: "hybrid-compute/machine-scope-region",
  source: "DOC-PL (facts §3.3)",
  types: [MACHINE_TYPE],
  checkPut(after, machine, previous) {
    if (!associationChanged(machine, previous)) return undefined;
    const scopeId = asScopeId(machine.properties.privateLinkScopeResourceId);
    const scope = scopeId ? after.get(scopeId) : undefined;
    if (!scope?.location || !machine.location || scope.location === machine.location) return undefined;
    return new ArmError(
      "InvalidPrivateLinkScopeLocation",
      `Machine '${machine.name}' in location '${machine.location}' cannot be associated with private link scope '${scope.name}' in location '${scope.location}'; a machine and its private link scope must be in the same region.`,
      "properties.privateLinkScopeResourceId",
    );
  },
};
