import { ArmError } from "../../../rules/errors.js";
import { checkKnownMembers } from "../../../rules/read-only.js";
import { must, optionalArray, optionalEnum, optionalObject, requiredString } from "./request-body.js";

const ACCESS = ["Enabled", "Disabled"] as const;

/**
 * `properties.serviceExtensions[]` of a scope, new in 2026-07-15
 * [SPEC-HC26, PY-CL]: `{serviceExtensionType, serviceExtensionPublicNetworkAccess}`.
 * Returns the normalized list, or undefined when absent.
 */
export function checkServiceExtensions(value: unknown): Record<string, unknown>[] | undefined {
  const list = optionalArray(value, "properties.serviceExtensions");
  if (!list) return undefined;
  return list.map((item, i) => {
    const path = `properties.serviceExtensions[${i}]`;
    const entry = optionalObject(item, path);
    if (!entry) throw new ArmError("InvalidRequestContent", `The item '${path}' must be a JSON object.`, path);
    must(
      checkKnownMembers(
        entry,
        ["serviceExtensionType", "serviceExtensionPublicNetworkAccess"],
        "ServiceExtension",
        path,
      ),
    );
    const type = requiredString(entry.serviceExtensionType, `${path}.serviceExtensionType`);
    const access = optionalEnum(
      entry.serviceExtensionPublicNetworkAccess,
      ACCESS,
      `${path}.serviceExtensionPublicNetworkAccess`,
    );
    return { serviceExtensionType: type, ...(access ? { serviceExtensionPublicNetworkAccess: access } : {}) };
  });
}
