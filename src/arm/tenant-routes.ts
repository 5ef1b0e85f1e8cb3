import { ArmError } from "../rules/errors.js";
import { REGIONS, RESOURCE_GROUP_TYPE, resourceGroupId } from "../world/index.js";
import { checkApiVersion, sortVersionsDesc } from "./api-version.js";
import type { App, Stage } from "./app.js";
import { page } from "./paging.js";
import type { Provider } from "./providers/index.js";

const OPERATION =
  /^\/subscriptions\/([^/]+)\/providers\/([^/]+)\/locations\/([^/]+)\/(operationstatuses|operationresults)\/([^/]+)$/i;

/**
 * Tenant-level ARM: `/subscriptions`, `/tenants`, providers and their resource types
 * (the Azure CLI picks an api-version from them), locations, and the polling URLs of
 * long-running operations.
 */
export function createTenantRoutes(app: App): Stage {
  const subscriptionBody = () => ({
    id: `/subscriptions/${app.subscriptionId}`,
    authorizationSource: "RoleBased",
    managedByTenants: [],
    subscriptionId: app.subscriptionId,
    tenantId: app.tenantId,
    displayName: "arclink",
    state: "Enabled",
    subscriptionPolicies: {
      locationPlacementId: "Public_2014-09-01",
      quotaId: "Internal_2014-09-01",
      spendingLimit: "Off",
    },
  });

  // The Azure CLI takes the first stable version of a type's `apiVersions` (newest first)
  // and refuses a namespace that lists a type twice [CLI245], so each type appears once.
  const providerBody = (provider: Provider) => {
    const versions = sortVersionsDesc(provider.apiVersions);
    const own = provider.types.map((t) => ({
      resourceType: t.type.split("/").slice(1).join("/"),
      locations:
        t.kind === "tracked" && !t.fixedLocation
          ? REGIONS.map((r) => r.displayName)
          : [t.fixedLocation ?? ""].filter(Boolean),
      apiVersions: sortVersionsDesc(t.apiVersions ?? provider.apiVersions),
      capabilities: "None",
    }));
    const synthetic = [
      { resourceType: "locations", locations: [], apiVersions: versions },
      {
        resourceType: "locations/operationStatuses",
        locations: REGIONS.map((r) => r.displayName),
        apiVersions: versions,
      },
      { resourceType: "operations", locations: [], apiVersions: versions },
    ].filter((s) => !own.some((t) => t.resourceType.toLowerCase() === s.resourceType.toLowerCase()));
    return {
      id: `/subscriptions/${app.subscriptionId}/providers/${provider.namespace}`,
      namespace: provider.namespace,
      registrationState: "Registered",
      registrationPolicy: "RegistrationRequired",
      resourceTypes: [...own, ...synthetic],
    };
  };

  const checkSubscription = (id: string) => {
    if (id.toLowerCase() !== app.subscriptionId.toLowerCase()) {
      throw new ArmError("SubscriptionNotFound", `The subscription '${id}' could not be found.`);
    }
  };

  return function tenantRoutes(req) {
    if (req.method !== "GET" && req.method !== "POST") return undefined;
    const path = req.path;
    const parts = path.split("/").slice(1);
    const lower = parts.map((p) => p.toLowerCase());
    if (req.method === "GET" && path.toLowerCase() === "/subscriptions") {
      return { status: 200, body: { value: [subscriptionBody()], count: { type: "Total", value: 1 } } };
    }
    if (req.method === "GET" && path.toLowerCase() === "/tenants") {
      return {
        status: 200,
        body: {
          value: [
            {
              id: `/tenants/${app.tenantId}`,
              tenantId: app.tenantId,
              tenantCategory: "Home",
              displayName: "arclink",
              defaultDomain: "arclink.local",
              domains: ["arclink.local"],
            },
          ],
        },
      };
    }
    if (lower[0] !== "subscriptions" || !parts[1]) return undefined;
    if (req.method === "GET" && parts.length === 2) {
      checkSubscription(parts[1]);
      return { status: 200, body: subscriptionBody() };
    }
    if (req.method === "GET" && parts.length === 3 && lower[2] === "locations") {
      checkSubscription(parts[1]);
      return {
        status: 200,
        body: {
          value: REGIONS.map((r) => ({
            id: `/subscriptions/${app.subscriptionId}/locations/${r.name}`,
            name: r.name,
            displayName: r.displayName,
            regionalDisplayName: r.displayName,
            type: "Region",
            metadata: { regionType: "Physical", regionCategory: "Recommended" },
          })),
        },
      };
    }
    // `GET /subscriptions/{s}/resources` and `…/resourceGroups/{rg}/resources` (`az resource list`):
    // every tracked or child resource, in the GenericResource shape.
    const inGroup = parts.length === 5 && lower[2] === "resourcegroups" && lower[4] === "resources";
    if (req.method === "GET" && ((parts.length === 3 && lower[2] === "resources") || inGroup)) {
      checkSubscription(parts[1]);
      const reg = app.env.registry.type(RESOURCE_GROUP_TYPE)!;
      checkApiVersion(req.query.get("api-version"), reg.apiVersions, "the resources list");
      const scope = inGroup ? resourceGroupId(parts[1], parts[3]) : `/subscriptions/${parts[1]}`;
      if (inGroup && !app.store.world.get(scope)) {
        throw new ArmError("ResourceGroupNotFound", `Resource group '${parts[3]}' could not be found.`);
      }
      const items = app.store.world
        .under(scope)
        // Top-level resources only, as ARM lists them (subnets, rules, records are not listed).
        .filter((r) => r.type !== RESOURCE_GROUP_TYPE && r.type.split("/").length === 2)
        .map((r) => ({
          id: r.id,
          name: r.name,
          type: r.type,
          ...(r.location ? { location: r.location } : {}),
          ...(r.kind ? { kind: r.kind } : {}),
          tags: r.tags ?? {},
        }));
      return { status: 200, body: page(items, req.query, `${req.baseUrl}${req.path}?${req.query}`, app.env.pageSize) };
    }
    if (lower[2] !== "providers") return undefined;
    if (req.method === "GET" && parts.length === 3) {
      checkSubscription(parts[1]);
      return { status: 200, body: { value: app.env.registry.providers.map(providerBody) } };
    }
    if (parts.length === 4 || (parts.length === 5 && lower[4] === "register" && req.method === "POST")) {
      checkSubscription(parts[1]);
      const provider = app.env.registry.provider(parts[3]);
      if (!provider) throw new ArmError("InvalidResourceNamespace", `The resource namespace '${parts[3]}' is invalid.`);
      return req.method === "GET" || parts.length === 5 ? { status: 200, body: providerBody(provider) } : undefined;
    }
    const op = OPERATION.exec(path);
    if (op && req.method === "GET") {
      checkSubscription(op[1]);
      const status = app.operations.get(op[5]);
      if (!status) throw new ArmError("NotFound", `The operation '${op[5]}' was not found.`);
      const { resourceId: _r, ...body } = status;
      if (op[4].toLowerCase() === "operationresults") {
        return status.status === "Succeeded"
          ? { status: 204 }
          : { status: 202, headers: { "retry-after": String(app.retryAfterSeconds) } };
      }
      return { status: 200, body: { ...body, id: path } };
    }
    return undefined;
  };
}
