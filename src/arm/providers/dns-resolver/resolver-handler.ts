import type { ArmId, Resource } from "../../../world/index.js";
import { bodyProperties, checkBodyEtag, type Json } from "../private-dns/body.js";
import type { HandlerContext, TypeHandler } from "../provider.js";

/** JS SDK 1.1.0 and Azure CLI 2.45 send 2022-07-01; 2025-05-01 is the latest stable [facts §1]. */
export const DNS_RESOLVER_API_VERSIONS = ["2022-07-01", "2025-05-01"] as const;

export interface ResolverTypeSpec {
  type: string;
  kind: "tracked" | "proxy";
  /** The model name, for "Could not find member" messages. */
  model: string;
  /** Read-only properties, rendered from storage. */
  readOnly: readonly string[];
  /** PUT is a long-running operation in the spec (201 + Azure-AsyncOperation). */
  asyncPut: boolean;
  /** DELETE answers 200/204 rather than 202. */
  syncDelete?: boolean;
  /** Checks writable properties and returns them as stored (without the read-only ones). */
  build(ctx: HandlerContext, props: Json, id: ArmId, existing: Resource | undefined): Json;
}

function writable(props: Json, readOnly: readonly string[]): Json {
  return Object.fromEntries(Object.entries(props).filter(([k]) => !readOnly.includes(k)));
}

/**
 * The shared shape of the DNS resolver types [JS-DNSR]: `etag` read-only, tracked
 * types with `location` and `tags`, `provisioningState` Succeeded, a `resourceGuid`
 * where the model has one, PATCH merging the sent properties over the stored ones.
 */
export function resolverType(spec: ResolverTypeSpec): TypeHandler {
  const top = spec.kind === "tracked" ? ["location", "tags", "etag"] : ["etag"];
  const stored = (ctx: HandlerContext, props: Json, id: ArmId, existing: Resource | undefined): Json => {
    const own = spec.build(ctx, props, id, existing);
    const guid = spec.readOnly.includes("resourceGuid")
      ? { resourceGuid: (existing?.properties.resourceGuid as string | undefined) ?? ctx.newGuid() }
      : {};
    return { ...own, provisioningState: "Succeeded", ...guid };
  };
  return {
    type: spec.type,
    kind: spec.kind,
    apiVersions: DNS_RESOLVER_API_VERSIONS,
    etagInBody: true,
    asyncPut: spec.asyncPut,
    syncDelete: spec.syncDelete,
    readOnly: spec.readOnly.map((p) => `properties.${p}`),
    put(ctx, { id, body, existing }) {
      const props = bodyProperties(body, top, spec.model);
      checkBodyEtag(body, existing);
      return {
        resource: {
          id: id.id,
          name: id.name,
          type: spec.type,
          properties: stored(ctx, writable(props, spec.readOnly), id, existing),
        },
      };
    },
    patch(ctx, { id, body, existing }) {
      const props = bodyProperties(body, top, `${spec.model}Patch`);
      checkBodyEtag(body, existing);
      const merged = { ...writable(existing.properties, spec.readOnly), ...writable(props, spec.readOnly) };
      return { resource: { ...existing, properties: stored(ctx, merged, id, existing) } };
    },
    view(_world, r) {
      return {
        id: r.id,
        name: r.name,
        type: spec.type,
        etag: r.etag,
        ...(spec.kind === "tracked" ? { location: r.location, tags: r.tags ?? {} } : {}),
        ...(r.systemData ? { systemData: r.systemData } : {}),
        properties: r.properties,
      };
    },
  };
}
