import { ArmError } from "../../../rules/index.js";
import type { ArmId, Resource, World } from "../../../world/index.js";
import { bodyProperties, checkBodyEtag, type Json, stringAt } from "../private-dns/body.js";
import type { TypeHandler } from "../provider.js";

/** The local provider's one api-version (docs/premises.md). */
export const ON_PREMISES_API_VERSIONS = ["2026-11-01"] as const;
export const ON_PREMISES_LOCATION = "onpremises";

export interface PremisesTypeSpec {
  type: string;
  kind: "tracked" | "proxy";
  model: string;
  /** Checks the properties and returns them with defaults applied; `world` is the world written to. */
  build(props: Json, id: ArmId, existing: Resource | undefined, world: World): Json;
}

/**
 * The shared shape of the premises types: the ARM envelope, sites tracked at the fixed
 * location `onpremises`, no read-only properties, PATCH merging the sent properties
 * over the stored ones and checking the result like a PUT.
 */
export function premisesType(spec: PremisesTypeSpec): TypeHandler {
  const top = spec.kind === "tracked" ? ["location", "tags", "etag"] : ["tags", "etag"];
  const checkLocation = (body: Json) => {
    const loc = stringAt(body.location, "location");
    if (loc !== undefined && loc.toLowerCase() !== ON_PREMISES_LOCATION) {
      throw new ArmError(
        "LocationNotAvailableForResourceType",
        `The provided location '${loc}' is not available for resource type '${spec.type}'. List of available regions for the resource type is '${ON_PREMISES_LOCATION}'.`,
        "location",
      );
    }
  };
  return {
    type: spec.type,
    kind: spec.kind,
    apiVersions: ON_PREMISES_API_VERSIONS,
    ...(spec.kind === "tracked" ? { fixedLocation: ON_PREMISES_LOCATION } : {}),
    etagInBody: true,
    put(ctx, { id, body, existing }) {
      const props = bodyProperties(body, top, spec.model);
      checkLocation(body);
      checkBodyEtag(body, existing);
      return {
        resource: { id: id.id, name: id.name, type: spec.type, properties: spec.build(props, id, existing, ctx.world) },
      };
    },
    patch(ctx, { id, body, existing }) {
      const props = bodyProperties(body, top, spec.model);
      checkLocation(body);
      checkBodyEtag(body, existing);
      return {
        resource: {
          ...existing,
          properties: spec.build({ ...existing.properties, ...props }, id, existing, ctx.world),
        },
      };
    },
    view(_world, r) {
      return {
        id: r.id,
        name: r.name,
        type: spec.type,
        etag: r.etag,
        ...(spec.kind === "tracked" ? { location: r.location } : {}),
        ...(r.tags ? { tags: r.tags } : {}),
        ...(r.systemData ? { systemData: r.systemData } : {}),
        properties: r.properties,
      };
    },
  };
}
