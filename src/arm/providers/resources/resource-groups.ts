import type { Resource } from "../../../world/index.js";
import type { TypeHandler } from "../provider.js";

/**
 * `Microsoft.Resources/resourceGroups` [JS-RES, facts §7]: PUT 200/201, GET, HEAD,
 * PATCH (tags), DELETE as a long-running operation that deletes everything inside.
 */
export const resourceGroups: TypeHandler = {
  type: "Microsoft.Resources/resourceGroups",
  kind: "tracked",
  readOnly: ["properties.provisioningState"],
  put(_ctx, { existing }) {
    const resource: Resource = {
      id: "",
      name: "",
      type: "",
      ...(existing?.managedBy ? { managedBy: existing.managedBy } : {}),
      properties: { provisioningState: "Succeeded" },
    };
    return { resource };
  },
  view(_world, r) {
    return {
      id: r.id,
      name: r.name,
      type: r.type,
      location: r.location,
      ...(r.managedBy ? { managedBy: r.managedBy } : {}),
      tags: r.tags ?? {},
      properties: r.properties,
    };
  },
};
