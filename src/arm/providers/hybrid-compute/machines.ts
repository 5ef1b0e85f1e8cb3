import { associationOf, MACHINE_NAME, MACHINE_TYPE } from "../../../rules/hybrid-compute/index.js";
import { checkKnownMembers } from "../../../rules/read-only.js";
import { type Resource, sameId } from "../../../world/index.js";
import type { HandlerContext, TypeHandler } from "../provider.js";
import {
  checkIdentityType,
  checkMachineMembers,
  checkWritable,
  MACHINE_READ_ONLY,
  MACHINE_UPDATE_WRITABLE,
} from "./machine-properties.js";
import { must, optionalObject, optionalString } from "./request-body.js";

const defined = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null));

/** `identity` after a write: a SystemAssigned identity keeps its principal once minted. */
function identityFor(ctx: HandlerContext, requested: unknown, existing: Resource | undefined) {
  const type = checkIdentityType(requested);
  if (type === undefined || type === "None") return undefined;
  const kept = existing?.identity?.type === "SystemAssigned" ? existing.identity : undefined;
  return { type, principalId: kept?.principalId ?? ctx.newGuid(), tenantId: kept?.tenantId ?? ctx.tenantId };
}

const hasKey = (properties: Resource["properties"] | undefined) =>
  typeof properties?.clientPublicKey === "string" && properties.clientPublicKey !== "";

/**
 * `internal.privateLinkScopeAssociatedAt` (docs/premises.md): the time the association
 * last changed to its current value; kept while it stays, dropped when it goes. And
 * `internal.privateLinkScopeSetAtOnboarding`: the machine was onboarded with this scope
 * (`azcmagent connect --private-link-scope`: the write that gives it its first
 * `clientPublicKey` carries the scope), so the scope accepts it at once. The delay
 * [facts §3.10: "After associating a machine with a PLS, it can take up to 15 minutes"]
 * is for associating an existing machine, or re-associating it, later.
 */
function associationInternal(ctx: HandlerContext, next: Resource["properties"], existing: Resource | undefined) {
  const {
    privateLinkScopeAssociatedAt: _old,
    privateLinkScopeSetAtOnboarding: _onboarded,
    ...rest
  } = existing?.internal ?? {};
  const value = associationOf({ properties: next } as Resource);
  if (value === undefined) return rest;
  const before = associationOf(existing);
  const same = typeof value === "string" && typeof before === "string" && sameId(value, before);
  const at = same ? existing?.internal?.privateLinkScopeAssociatedAt : ctx.now.toISOString();
  const onboarding = hasKey(next) && !hasKey(existing?.properties);
  const atOnboarding = onboarding || (same && existing?.internal?.privateLinkScopeSetAtOnboarding === true);
  return {
    ...rest,
    privateLinkScopeAssociatedAt: at,
    ...(atOnboarding ? { privateLinkScopeSetAtOnboarding: true } : {}),
  };
}

function withInternal(resource: Resource, internal: Record<string, unknown>): Resource {
  const { internal: _old, ...rest } = resource;
  return Object.keys(internal).length > 0 ? { ...rest, internal } : rest;
}

/**
 * `Microsoft.HybridCompute/machines` [SPEC-HC26, facts §2.5]: PUT (200/201), PATCH
 * (`MachineUpdate`), GET, lists, and a synchronous DELETE (200/204, as
 * `@azure/arm-hybridcompute@3.0.0` expects). The machine–scope association is
 * `properties.privateLinkScopeResourceId`; the rules in `rules/hybrid-compute` check it.
 */
export const machines: TypeHandler = {
  type: MACHINE_TYPE,
  kind: "tracked",
  namePattern: MACHINE_NAME,
  syncDelete: true,
  readOnly: [...MACHINE_READ_ONLY.map((p) => `properties.${p}`), "identity.principalId", "identity.tenantId"],
  put(ctx, { body, existing }) {
    must(
      checkKnownMembers(
        body,
        ["id", "name", "type", "location", "tags", "identity", "kind", "properties", "systemData"],
        "Machine",
        "$",
      ),
    );
    const props = optionalObject(body.properties, "properties") ?? {};
    checkMachineMembers(props);
    const writable = checkWritable(props, Object.keys(props));
    // vmId is create-and-read: a PUT keeps the one the machine has [SPEC-HC26].
    const vmId = existing?.properties.vmId ?? writable.vmId;
    const properties = defined({
      ...writable,
      vmId,
      provisioningState: "Succeeded",
      status: existing?.properties.status ?? "Disconnected",
      ...Object.fromEntries(
        MACHINE_READ_ONLY.filter((k) => k !== "provisioningState" && k !== "status").map((k) => [
          k,
          existing?.properties[k],
        ]),
      ),
    });
    const identity = identityFor(ctx, body.identity, existing);
    const kind = optionalString(body.kind, "kind");
    const resource: Resource = {
      id: "",
      name: "",
      type: "",
      ...(kind ? { kind } : {}),
      ...(identity ? { identity } : {}),
      properties,
    };
    return { resource: withInternal(resource, associationInternal(ctx, properties, existing)) };
  },
  patch(ctx, { body, existing }) {
    must(checkKnownMembers(body, ["tags", "identity", "kind", "properties"], "MachineUpdate", "$"));
    const props = optionalObject(body.properties, "properties") ?? {};
    must(checkKnownMembers(props, MACHINE_UPDATE_WRITABLE, "MachineUpdateProperties", "properties"));
    const changed = checkWritable(props, MACHINE_UPDATE_WRITABLE);
    const cleared = Object.keys(props).filter((k) => props[k] === null || props[k] === "");
    const properties = { ...existing.properties, ...defined(changed) };
    for (const key of cleared) delete properties[key];
    const kind = body.kind === undefined ? existing.kind : optionalString(body.kind, "kind");
    const identity = body.identity === undefined ? existing.identity : identityFor(ctx, body.identity, existing);
    const { identity: _i, kind: _k, ...rest } = existing;
    const resource: Resource = { ...rest, ...(kind ? { kind } : {}), ...(identity ? { identity } : {}), properties };
    return { resource: withInternal(resource, associationInternal(ctx, properties, existing)) };
  },
  view(_world, r) {
    return {
      id: r.id,
      name: r.name,
      type: MACHINE_TYPE,
      location: r.location,
      tags: r.tags ?? {},
      ...(r.kind ? { kind: r.kind } : {}),
      ...(r.identity ? { identity: r.identity } : {}),
      ...(r.systemData ? { systemData: r.systemData } : {}),
      properties: r.properties,
    };
  },
};
