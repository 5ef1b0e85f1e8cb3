import { ArmError } from "../../../rules/errors.js";
import { checkKnownMembers } from "../../../rules/read-only.js";
import { must, optionalArray, optionalEnum, optionalObject, optionalString, requiredString } from "./request-body.js";

/**
 * Read-only `MachineProperties` [SPEC-HC26, facts §2.5]: reported by the agent and the
 * service, so a PUT may echo them but not change them.
 */
export const MACHINE_READ_ONLY = [
  "provisioningState",
  "status",
  "statusReason",
  "lastStatusChange",
  "errorDetails",
  "agentVersion",
  "vmUuid",
  "displayName",
  "machineFqdn",
  "osName",
  "osVersion",
  "osSku",
  "osEdition",
  "domainName",
  "adFqdn",
  "dnsFqdn",
  "detectedProperties",
  "agentConfiguration",
  "serviceStatuses",
  "networkProfile",
  "hardwareProfile",
  "storageProfile",
  "firmwareProfile",
  "identityKeyStore",
  "tpmEkCertificate",
] as const;

/** Writable `MachineProperties` of a PUT [SPEC-HC26, JS-HC]. */
const MACHINE_WRITABLE = [
  "locationData",
  "osType",
  "clientPublicKey",
  "vmId",
  "privateLinkScopeResourceId",
  "parentClusterResourceId",
  "osProfile",
  "cloudMetadata",
  "agentUpgrade",
  "licenseProfile",
  "extensions",
  "mssqlDiscovered",
] as const;

/** `MachineUpdateProperties` of a PATCH [SPEC-HC26, facts §2.5]. */
export const MACHINE_UPDATE_WRITABLE = [
  "locationData",
  "osProfile",
  "cloudMetadata",
  "agentUpgrade",
  "parentClusterResourceId",
  "privateLinkScopeResourceId",
] as const;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

/** `LocationData`: `name` required, at most 256 characters [SPEC-HC26]. */
function checkLocationData(value: unknown): Record<string, unknown> | undefined {
  const data = optionalObject(value, "properties.locationData");
  if (!data) return undefined;
  must(
    checkKnownMembers(data, ["name", "city", "district", "countryOrRegion"], "LocationData", "properties.locationData"),
  );
  const out: Record<string, unknown> = { name: requiredString(data.name, "properties.locationData.name", 256) };
  for (const key of ["city", "district", "countryOrRegion"]) {
    const v = optionalString(data[key], `properties.locationData.${key}`);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/**
 * Checks the writable properties present in `props` (a PUT's or a PATCH's) and returns
 * them normalized. Objects the emulator does not interpret (`osProfile`,
 * `cloudMetadata`, `agentUpgrade`, `licenseProfile`) are kept as given.
 */
export function checkWritable(props: Record<string, unknown>, allowed: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const has = (k: string) => allowed.includes(k) && props[k] !== undefined;
  if (has("locationData")) out.locationData = checkLocationData(props.locationData);
  if (has("osType")) out.osType = optionalString(props.osType, "properties.osType");
  if (has("clientPublicKey")) out.clientPublicKey = optionalString(props.clientPublicKey, "properties.clientPublicKey");
  if (has("vmId")) {
    const vmId = optionalString(props.vmId, "properties.vmId");
    if (vmId !== undefined && !GUID.test(vmId)) {
      throw new ArmError(
        "InvalidParameter",
        `The value '${vmId}' of 'properties.vmId' is not a GUID.`,
        "properties.vmId",
      );
    }
    out.vmId = vmId;
  }
  // Kept as sent, whatever its type: the rules refuse anything that is not one scope id.
  if (has("privateLinkScopeResourceId")) out.privateLinkScopeResourceId = props.privateLinkScopeResourceId;
  if (has("parentClusterResourceId")) {
    out.parentClusterResourceId = optionalString(props.parentClusterResourceId, "properties.parentClusterResourceId");
  }
  for (const key of ["osProfile", "cloudMetadata", "agentUpgrade", "licenseProfile"]) {
    if (has(key)) out[key] = optionalObject(props[key], `properties.${key}`);
  }
  if (has("extensions")) out.extensions = optionalArray(props.extensions, "properties.extensions");
  if (has("mssqlDiscovered")) out.mssqlDiscovered = optionalString(props.mssqlDiscovered, "properties.mssqlDiscovered");
  return out;
}

/** Refuses members of `properties` that `MachineProperties` does not define. */
export function checkMachineMembers(props: Record<string, unknown>): void {
  must(checkKnownMembers(props, [...MACHINE_WRITABLE, ...MACHINE_READ_ONLY], "MachineProperties", "properties"));
}

/** `identity`: `SystemAssigned` or `None` [JS-HC, SPEC-HC26]. */
export function checkIdentityType(value: unknown): "SystemAssigned" | "None" | undefined {
  const identity = optionalObject(value, "identity");
  if (!identity) return undefined;
  must(checkKnownMembers(identity, ["type", "principalId", "tenantId"], "Identity", "identity"));
  return optionalEnum(identity.type, ["SystemAssigned", "None"] as const, "identity.type") ?? "None";
}
