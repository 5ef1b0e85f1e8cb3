import { ArmError } from "../../../rules/index.js";
import { allocateAddresses } from "../../../rules/network/ip-allocation.js";
import { propertyChangeNotAllowed, referenceNotFound } from "../../../rules/network/network-errors.js";
import { buildId, idKey, normalizeLocation, type Resource, sameId, type World } from "../../../world/index.js";
import { buildScopeConnection } from "../hybrid-compute/index.js";
import type { HandlerContext, TypeHandler } from "../provider.js";
import { ARC_GROUP_ID, type ArcMember, arcMembers } from "./arc-members.js";
import { envelope, type Json } from "./body.js";
import { NETWORK_API_VERSIONS } from "./network-api-versions.js";
import { buildEndpointNic } from "./network-interfaces.js";
import { NIC_TYPE, PRIVATE_ENDPOINT_TYPE, SCOPE_CONNECTION_TYPE, SCOPE_TYPE, SUBNET_TYPE } from "./network-types.js";
import { type PrivateEndpointRequest, readPrivateEndpoint } from "./private-endpoint-body.js";
import { ownedRecordIds } from "./zone-records.js";

/** A member with the address the endpoint holds for it (kept in `internal.members`). */
export type EndpointMember = ArcMember & { address: string; static: boolean };

function typed(world: World, id: string, type: string): Resource | undefined {
  const r = world.get(id);
  return r && idKey(r.type) === idKey(type) ? r : undefined;
}

/** The members and addresses an endpoint holds, in member order. */
export function endpointMembers(pe: Resource): EndpointMember[] {
  return Array.isArray(pe.internal?.members) ? (pe.internal.members as EndpointMember[]) : [];
}

function sameStatics(a: PrivateEndpointRequest["staticAddresses"], existing: Resource): boolean {
  const before = (existing.internal?.staticAddresses as PrivateEndpointRequest["staticAddresses"] | undefined) ?? [];
  const key = (x: PrivateEndpointRequest["staticAddresses"]) =>
    JSON.stringify(x.map((s) => [s.memberName.toLowerCase(), s.address]).sort());
  return key(a) === key(before);
}

/** Refuses what Azure does not let an update change: subnet, target, connection kind, static IPs. */
function checkUpdate(req: PrivateEndpointRequest, existing: Resource): void {
  const before = existing.internal as Json;
  if (!sameId(req.subnetId, before.subnetId as string)) {
    throw propertyChangeNotAllowed("properties.subnet.id", existing.id, "properties.subnet.id");
  }
  if (!sameId(req.connection.scopeId, before.scopeId as string) || req.connection.manual !== before.manual) {
    throw propertyChangeNotAllowed(
      `${req.connection.path.split("[")[0]}`,
      existing.id,
      `${req.connection.path}.properties.privateLinkServiceId`,
    );
  }
  if (!sameStatics(req.staticAddresses, existing)) {
    throw propertyChangeNotAllowed("properties.ipConfigurations", existing.id, "properties.ipConfigurations");
  }
}

function allocate(
  ctx: HandlerContext,
  req: PrivateEndpointRequest,
  subnet: Resource,
  members: ArcMember[],
): EndpointMember[] {
  for (const s of req.staticAddresses) {
    if (!members.some((m) => m.memberName.toLowerCase() === s.memberName.toLowerCase())) {
      throw new ArmError(
        "InvalidParameter",
        `The member name '${s.memberName}' of IP configuration '${s.name}' is not a member of group '${ARC_GROUP_ID}'; its members are ${members.map((m) => `'${m.memberName}'`).join(", ")}.`,
        s.path.replace(/privateIPAddress$/, "memberName"),
      );
    }
  }
  const statics = new Map(req.staticAddresses.map((s) => [s.memberName.toLowerCase(), s]));
  const addresses = allocateAddresses(
    ctx.world,
    subnet,
    members.map((m) => {
      const s = statics.get(m.memberName.toLowerCase());
      return { key: m.memberName, address: s?.address, target: s?.path };
    }),
  );
  return members.map((m) => ({
    ...m,
    address: addresses.get(m.memberName)!,
    static: statics.has(m.memberName.toLowerCase()),
  }));
}

/**
 * `Microsoft.Network/privateEndpoints` to an Azure Arc private link scope [JS-NET,
 * EX-NET, DOC-PL, facts §4.2]. A PUT allocates one address per member from the subnet,
 * creates the endpoint's NIC and the scope's `privateEndpointConnections` child
 * (Approved for `privateLinkServiceConnections`, Pending for manual ones); the
 * endpoint's view of the connection state is read back from that child, so approving
 * or rejecting on the scope shows here. Cross-resource limits are rules
 * (src/rules/network/private-endpoint-*.ts).
 */
export const privateEndpoints: TypeHandler = {
  type: PRIVATE_ENDPOINT_TYPE,
  kind: "tracked",
  apiVersions: NETWORK_API_VERSIONS,
  asyncPut: true,
  readOnly: ["properties.provisioningState", "properties.networkInterfaces", "properties.customDnsConfigs"],
  put(ctx, { id, body, existing }) {
    const req = readPrivateEndpoint(id, body);
    const subnet = typed(ctx.world, req.subnetId, SUBNET_TYPE);
    if (!subnet) throw referenceNotFound(req.subnetId, id.id, "properties.subnet.id");
    const scope = typed(ctx.world, req.connection.scopeId, SCOPE_TYPE);
    if (!scope) {
      throw referenceNotFound(req.connection.scopeId, id.id, `${req.connection.path}.properties.privateLinkServiceId`);
    }
    if (existing) checkUpdate(req, existing);
    const members = existing ? endpointMembers(existing) : allocate(ctx, req, subnet, arcMembers(scope.location ?? ""));
    const before = (existing?.internal ?? {}) as Json;
    const nicId =
      (before.nicId as string | undefined) ??
      buildId({
        subscriptionId: id.subscriptionId,
        resourceGroup: id.resourceGroup,
        namespace: "Microsoft.Network",
        types: ["networkInterfaces"],
        names: [req.customNetworkInterfaceName ?? `${id.name}.nic.${ctx.newGuid()}`],
      });
    const location = normalizeLocation(String(body.location ?? ""));
    const nic = buildEndpointNic({
      id: nicId,
      location: existing?.location ?? location,
      privateEndpointId: id.id,
      subnetId: subnet.id,
      groupId: ARC_GROUP_ID,
      members,
      newGuid: ctx.newGuid,
      existing: typed(ctx.world, nicId, NIC_TYPE),
    });
    const puts: Resource[] = [{ ...nic, etag: ctx.newGuid() }];
    const connectionId = before.connectionId as string | undefined;
    if (!connectionId || !typed(ctx.world, connectionId, SCOPE_CONNECTION_TYPE)) {
      const pec = buildScopeConnection({
        scopeId: scope.id,
        privateEndpointId: id.id,
        name: connectionId?.split("/").pop() ?? `${id.name}.${ctx.newGuid()}`,
        status: req.connection.manual ? "Pending" : "Approved",
        description: req.connection.manual ? (req.connection.requestMessage ?? "") : "Auto-approved",
        linkIdentifier: String(Number.parseInt(ctx.newGuid().replace(/-/g, "").slice(0, 7), 16)),
      });
      puts.push({ ...pec, etag: ctx.newGuid() });
    }
    const connectionList = (manual: boolean) =>
      req.connection.manual === manual
        ? [
            {
              name: req.connection.name || scope.name,
              properties: {
                privateLinkServiceId: scope.id,
                groupIds: req.connection.groupIds,
                ...(req.connection.requestMessage !== undefined
                  ? { requestMessage: req.connection.requestMessage }
                  : {}),
              },
            },
          ]
        : [];
    const resource: Resource = {
      id: id.id,
      name: id.name,
      type: PRIVATE_ENDPOINT_TYPE,
      properties: {
        subnet: { id: subnet.id },
        privateLinkServiceConnections: connectionList(false),
        manualPrivateLinkServiceConnections: connectionList(true),
        networkInterfaces: [{ id: nicId }],
        customDnsConfigs: members.map((m) => ({ fqdn: m.fqdn, ipAddresses: [m.address] })),
        ipConfigurations: req.staticAddresses.map((s) => ({
          name: s.name,
          properties: { groupId: s.groupId, memberName: s.memberName, privateIPAddress: s.address },
        })),
        applicationSecurityGroups: [],
        ipVersionType: "IPv4",
        ...(req.customNetworkInterfaceName ? { customNetworkInterfaceName: req.customNetworkInterfaceName } : {}),
        provisioningState: "Succeeded",
      },
      internal: {
        subnetId: subnet.id,
        scopeId: scope.id,
        manual: req.connection.manual,
        nicId,
        connectionId: puts[1]?.id ?? connectionId,
        members,
        staticAddresses: req.staticAddresses,
      },
    };
    return { resource, effects: { puts, deletes: [] } };
  },
  delete(ctx, r) {
    const deletes = [r.id, ...ctx.world.under(r.id).map((x) => x.id)];
    for (const group of ctx.world.under(r.id)) deletes.push(...ownedRecordIds(ctx.world, group.id));
    const nicId = r.internal?.nicId as string | undefined;
    if (nicId && ctx.world.get(nicId)) deletes.push(nicId);
    const pec = typed(ctx.world, String(r.internal?.connectionId ?? ""), SCOPE_CONNECTION_TYPE);
    if (pec && sameId((pec.properties.privateEndpoint as Json | undefined)?.id as string, r.id)) deletes.push(pec.id);
    return { puts: [], deletes };
  },
  view(world, r) {
    const pec = typed(world, String(r.internal?.connectionId ?? ""), SCOPE_CONNECTION_TYPE);
    // A connection removed on the scope (or a deleted scope) leaves the endpoint Disconnected.
    const state = (pec?.properties.privateLinkServiceConnectionState as Json | undefined) ?? {
      status: "Disconnected",
      description: "The private endpoint connection was removed from the private link resource.",
      actionsRequired: "None",
    };
    const connections = (manual: boolean) => {
      const key = manual ? "manualPrivateLinkServiceConnections" : "privateLinkServiceConnections";
      return ((r.properties[key] as Json[] | undefined) ?? []).map((c) => ({
        id: `${r.id}/${key}/${c.name}`,
        name: c.name,
        type: `${PRIVATE_ENDPOINT_TYPE}/${key}`,
        etag: `W/"${r.etag ?? ""}"`,
        properties: {
          provisioningState: "Succeeded",
          ...(c.properties as Json),
          privateLinkServiceConnectionState: state,
        },
      }));
    };
    const { provisioningState, ...rest } = r.properties;
    return envelope(r, {
      provisioningState,
      ...rest,
      privateLinkServiceConnections: connections(false),
      manualPrivateLinkServiceConnections: connections(true),
    });
  },
};
