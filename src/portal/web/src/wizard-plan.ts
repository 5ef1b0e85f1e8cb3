import { API, type Resource, sameId } from "./api";
import { ARC_ZONES, TYPES } from "./data";

export interface Basics {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  publicNetworkAccess: "Enabled" | "Disabled";
}

export interface EndpointTab {
  create: boolean;
  name: string;
  vnetId: string;
  subnetId: string;
  integrateDns: boolean;
}

/** One PUT of the wizard: the id, the body (with its api-version, as `/_arclink/validate` reads it), and which tab owns it. */
export interface PlannedWrite {
  id: string;
  body: Record<string, unknown> & { apiVersion: string };
  tab: "basics" | "endpoint";
  what: string;
}

export const scopeIdOf = (b: Basics) =>
  `/subscriptions/${b.subscriptionId}/resourceGroups/${b.resourceGroup}/providers/${TYPES.scope}/${b.name}`;

/**
 * What Review + create will PUT, in order, as the Azure portal does: the scope; then, with
 * a private endpoint, the privatelink zones missing from the resource group and their
 * links to the vnet (with "Integrate with private DNS zone"), the endpoint with its
 * `hybridcompute` connection, and its DNS zone group [DOC-PL, DOC-PEDNS].
 */
export function wizardPlan(
  b: Basics,
  pe: EndpointTab,
  context: { vnets: Resource<unknown>[]; zones: Resource<unknown>[]; links: Map<string, string[]> },
): PlannedWrite[] {
  const scopeId = scopeIdOf(b);
  const rgId = `/subscriptions/${b.subscriptionId}/resourceGroups/${b.resourceGroup}`;
  const out: PlannedWrite[] = [
    {
      id: scopeId,
      body: {
        apiVersion: API.hybridCompute,
        location: b.location,
        properties: { publicNetworkAccess: b.publicNetworkAccess },
      },
      tab: "basics",
      what: `Private link scope ${b.name}`,
    },
  ];
  if (!pe.create) return out;
  const vnet = context.vnets.find((v) => sameId(v.id, pe.vnetId));
  const peId = `${rgId}/providers/${TYPES.privateEndpoint}/${pe.name}`;
  const zoneIds: string[] = [];
  if (pe.integrateDns) {
    for (const zoneName of ARC_ZONES) {
      const existing = context.zones.find(
        (z) => sameId(z.name, zoneName) && z.id.toLowerCase().startsWith(`${rgId.toLowerCase()}/`),
      );
      const zoneId = existing?.id ?? `${rgId}/providers/${TYPES.zone}/${zoneName}`;
      zoneIds.push(zoneId);
      if (!existing) {
        out.push({
          id: zoneId,
          body: { apiVersion: API.privateDns, location: "global" },
          tab: "endpoint",
          what: `Private DNS zone ${zoneName}`,
        });
      }
      const linked = (context.links.get(zoneId.toLowerCase()) ?? []).some((v) => sameId(v, pe.vnetId));
      if (!linked && vnet) {
        out.push({
          id: `${zoneId}/virtualNetworkLinks/${vnet.name}-link`,
          body: {
            apiVersion: API.privateDns,
            location: "global",
            properties: { virtualNetwork: { id: vnet.id }, registrationEnabled: false },
          },
          tab: "endpoint",
          what: `Link of ${zoneName} to ${vnet.name}`,
        });
      }
    }
  }
  out.push({
    id: peId,
    body: {
      apiVersion: API.network,
      location: vnet?.location ?? b.location,
      properties: {
        subnet: { id: pe.subnetId },
        privateLinkServiceConnections: [
          { name: pe.name, properties: { privateLinkServiceId: scopeId, groupIds: ["hybridcompute"] } },
        ],
      },
    },
    tab: "endpoint",
    what: `Private endpoint ${pe.name}`,
  });
  if (pe.integrateDns) {
    out.push({
      id: `${peId}/privateDnsZoneGroups/default`,
      body: {
        apiVersion: API.network,
        properties: {
          privateDnsZoneConfigs: zoneIds.map((z) => ({
            name: z.split("/").at(-1)!.replace(/\./g, "-"),
            properties: { privateDnsZoneId: z },
          })),
        },
      },
      tab: "endpoint",
      what: `DNS zone group of ${pe.name}`,
    });
  }
  return out;
}
