import { ArmError } from "../errors.js";

/**
 * The network RP's errors that a handler must raise before it can build a write (for
 * example, it cannot allocate addresses from a subnet that does not exist). Codes and
 * wording follow Azure's where known (GitHub issue reports quote them).
 */
export function referenceNotFound(referencedId: string, byId: string, target?: string): ArmError {
  return new ArmError(
    "InvalidResourceReference",
    `Resource ${referencedId} referenced by resource ${byId} was not found. Please make sure that the referenced resource exists, and that both resources are in the same region.`,
    target,
  );
}

export function referenceInOtherRegion(
  referencedId: string,
  referencedRegion: string,
  byId: string,
  byRegion: string,
  target?: string,
): ArmError {
  return new ArmError(
    "InvalidResourceReference",
    `Resource ${referencedId} referenced by resource ${byId} was not found in region '${byRegion}': it is in region '${referencedRegion}'. A private endpoint and its virtual network must be in the same region [DOC-PL].`,
    target,
  );
}

export function propertyChangeNotAllowed(what: string, resourceId: string, target: string): ArmError {
  return new ArmError(
    "PropertyChangeNotAllowed",
    `Changing property '${what}' is not allowed: resource ${resourceId} already exists with another value. Delete and re-create it instead.`,
    target,
  );
}
