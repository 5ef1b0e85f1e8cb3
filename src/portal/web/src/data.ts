import { API, arm, armList, type Resource } from "./api";

/** ARM resource types the portal lists, by provider. */
export const TYPES = {
  scope: "Microsoft.HybridCompute/privateLinkScopes",
  machine: "Microsoft.HybridCompute/machines",
  vnet: "Microsoft.Network/virtualNetworks",
  privateEndpoint: "Microsoft.Network/privateEndpoints",
  zone: "Microsoft.Network/privateDnsZones",
} as const;

/** The private DNS zones of an Arc private link scope's endpoint [DOC-PEDNS]. */
export const ARC_ZONES = [
  "privatelink.his.arc.azure.com",
  "privatelink.guestconfiguration.azure.com",
  "privatelink.dp.kubernetesconfiguration.azure.com",
];

export interface Subscription {
  subscriptionId: string;
  displayName: string;
}

let subscriptions: Promise<Subscription[]> | undefined;

export function listSubscriptions(): Promise<Subscription[]> {
  subscriptions ??= arm<{ value: Subscription[] }>("GET", "/subscriptions", API.subscriptions).then((r) => r.value);
  return subscriptions;
}

export async function defaultSubscription(): Promise<string> {
  const subs = await listSubscriptions();
  return subs[0]?.subscriptionId ?? "";
}

const providerList = <P>(sub: string, type: string, version: string) =>
  armList<Resource<P>>(`/subscriptions/${sub}/providers/${type}`, version);

export interface ScopeProps {
  publicNetworkAccess?: string;
  provisioningState?: string;
  privateEndpointConnections?: Resource<ConnectionProps>[];
}
export interface ConnectionProps {
  privateEndpoint?: { id: string };
  privateLinkServiceConnectionState?: { status: string; description?: string; actionsRequired?: string };
  provisioningState?: string;
}
export interface MachineProps {
  status?: string;
  osType?: string;
  privateLinkScopeResourceId?: string;
  osName?: string;
}
export interface VnetProps {
  addressSpace?: { addressPrefixes?: string[] };
  subnets?: Resource<{ addressPrefix?: string }>[];
}
export interface EndpointProps {
  subnet?: { id: string };
  customDnsConfigs?: { fqdn: string; ipAddresses: string[] }[];
}

export const listScopes = (sub: string) => providerList<ScopeProps>(sub, TYPES.scope, API.hybridCompute);
export const listMachines = (sub: string) => providerList<MachineProps>(sub, TYPES.machine, API.hybridCompute);
export const listVnets = (sub: string) => providerList<VnetProps>(sub, TYPES.vnet, API.network);
export const listZones = (sub: string) => providerList<Record<string, unknown>>(sub, TYPES.zone, API.privateDns);
export const listResourceGroups = (sub: string) =>
  armList<Resource>(`/subscriptions/${sub}/resourcegroups`, API.resources);
export const listLocations = (sub: string) =>
  arm<{ value: { name: string; displayName: string }[] }>(
    "GET",
    `/subscriptions/${sub}/locations`,
    API.subscriptions,
  ).then((r) => r.value);

/** `westeurope` for `West Europe` or `westeurope`. */
export const normalizeLocation = (l: string | undefined) => (l ?? "").replace(/\s+/g, "").toLowerCase();
