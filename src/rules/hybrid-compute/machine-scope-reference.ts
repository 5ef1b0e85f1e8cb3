import { ArmError } from "../errors.js";
import type { Rule } from "../rule.js";
import { asScopeId, associationChanged } from "./association.js";
import { MACHINE_TYPE, PRIVATE_LINK_SCOPE_TYPE } from "./types.js";

/**
 * A machine connects to only one Arc private link scope: its single
 * `privateLinkScopeResourceId` (format arm-id) must name one scope [DOC-PL, facts §3.2;
 * SPEC-HC26], and the scope must exist.
 *
 * @example
 * machineScopeReference.checkPut?.(world, machine, undefined, now); // → ArmError or undefined
 */
export const machineScopeReference: Rule = {
  name: "hybrid-compute/machine-scope-reference",
  source: "DOC-PL (facts §3.2), SPEC-HC26 (privateLinkScopeResourceId format arm-id)",
  types: [MACHINE_TYPE],
  checkPut(after, machine, previous) {
    if (!associationChanged(machine, previous)) return undefined;
    const value = machine.properties.privateLinkScopeResourceId;
    const scopeId = asScopeId(value);
    if (!scopeId) {
      return new ArmError(
        "InvalidParameter",
        `The value ${JSON.stringify(value)} of 'properties.privateLinkScopeResourceId' of machine '${machine.name}' is not the resource id of one '${PRIVATE_LINK_SCOPE_TYPE}'.`,
        "properties.privateLinkScopeResourceId",
      );
    }
    const scope = after.get(scopeId);
    if (!scope || scope.type.toLowerCase() !== PRIVATE_LINK_SCOPE_TYPE.toLowerCase()) {
      return new ArmError(
        "LinkedResourceNotFound",
        `The private link scope '${scopeId}' referenced by machine '${machine.name}' was not found.`,
        "properties.privateLinkScopeResourceId",
      );
    }
    return undefined;
  },
};
