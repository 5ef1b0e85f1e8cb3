import { idKey, parseId, RESOURCE_GROUP_TYPE } from "../world/arm-id.js";
import { normalizeLocation } from "../world/catalog/regions.js";
import type { Resource } from "../world/resource.js";
import type { World } from "../world/world.js";
import { endpointsOfScope, SCOPE_TYPE } from "./arc-endpoint.js";
import { arcNamesForRegion } from "./arc-names.js";
import { GENERATE_ERRORS, GenerateError, oneOf } from "./errors.js";
import type { Generated } from "./generated.js";
import { OS_VALUES, type Os } from "./hosts.js";
import { findResource } from "./lookup.js";
import { linuxScript } from "./onboarding-linux.js";
import { windowsScript } from "./onboarding-windows.js";
import { isEnvName } from "./quote.js";

/** The portal's "Connectivity method": through a private link scope, or over Arc's public endpoints. */
export const CONNECTIVITY_VALUES = ["private-endpoint", "public-endpoint"] as const;
export type Connectivity = (typeof CONNECTIVITY_VALUES)[number];

export interface OnboardingOptions {
  os: string;
  /**
   * `private-endpoint` (default): `azcmagent connect --private-link-scope <scope>`;
   * `public-endpoint`: no scope, as the portal's script with connectivity method "Public
   * endpoint" [DOC-CONNECT: `--private-link-scope` is only "required when using PEs"].
   */
  connectivity?: string;
  /**
   * The scope's resource id (or its name, when unique): `azcmagent connect --private-link-scope`
   * [facts §10]. Default: the world's only scope (the plan's `notes` say which).
   */
  privateLinkScope?: string;
  /** Default: the scope's resource group; required with `public-endpoint`. */
  resourceGroup?: string;
  /**
   * Default: the scope's region; another region is refused (machine and scope share one [DOC-PL]).
   * With `public-endpoint`: default the resource group's region, when the world has it.
   */
  location?: string;
  /** Default: the scope's subscription; with `public-endpoint`, the world's only subscription. */
  subscriptionId?: string;
  /** Required with a service principal. */
  tenantId?: string;
  tags?: Readonly<Record<string, string>>;
  servicePrincipalId?: string;
  /** The environment variable the script reads the secret from; the secret is never written in the script. */
  servicePrincipalSecretEnv?: string;
}

/** What both scripts are made from. */
export interface OnboardingPlan {
  os: Os;
  connectivity: Connectivity;
  /** The private link scope (`private-endpoint` only). */
  scopeId?: string;
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  tenantId?: string;
  cloud: "AzureCloud";
  /** `azcmagent --tags` value: `Name=Value,Name2='Value with spaces'` [DOC-CONNECT]. */
  tags?: string;
  servicePrincipal?: { id: string; secretEnv: string };
  /**
   * Arc names to resolve before connecting, with the scope's private endpoint addresses for
   * each (`public-endpoint`: none expected; a private answer is the warning).
   */
  checks: { fqdn: string; expected: string[] }[];
}

export const DEFAULT_SECRET_ENV = "ARC_SP_SECRET";

function invalid(message: string): GenerateError {
  return new GenerateError(GENERATE_ERRORS.InvalidOption, message);
}

/** Formats tags the way `azcmagent connect --tags` takes them [DOC-CONNECT, facts §10]. */
export function formatTags(tags: Readonly<Record<string, string>>): string | undefined {
  const parts = Object.entries(tags).map(([k, v]) => {
    if (!/^[^=,'"\s][^=,'"]*$/.test(k))
      throw invalid(`Invalid tag name '${k}': no '=', ',', quotes, or leading space.`);
    if (/[,'"]/.test(v))
      throw invalid(`Invalid value for tag '${k}': '${v}' contains a comma or a quote, which azcmagent cannot take.`);
    return /\s/.test(v) || v === "" ? `${k}='${v}'` : `${k}=${v}`;
  });
  return parts.length ? parts.join(",") : undefined;
}

/** Parses `k=v,k2=v2` from the command line. */
export function parseTags(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(",").filter((p) => p.trim() !== "")) {
    const at = part.indexOf("=");
    if (at <= 0) throw invalid(`Invalid tag '${part}': expected name=value.`);
    out[part.slice(0, at).trim()] = part.slice(at + 1).trim();
  }
  return out;
}

/** The scope asked for, or else the world's only one, with a note saying which was picked. */
function chooseScope(world: World, ref: string | undefined): { scope: Resource; notes: string[] } {
  if (ref !== undefined) return { scope: findResource(world, ref, SCOPE_TYPE, "Private link scope"), notes: [] };
  const scopes = world.ofType(SCOPE_TYPE);
  if (scopes.length === 1) {
    return {
      scope: scopes[0],
      notes: [
        `Using private link scope '${scopes[0].id}', the only one in the world (--private-link-scope not given).`,
      ],
    };
  }
  if (scopes.length === 0) {
    throw new GenerateError(
      GENERATE_ERRORS.NothingToGenerate,
      "The world has no private link scope: create one, then pass its id with --private-link-scope.",
    );
  }
  const ids = scopes.map((r) => r.id).sort((a, b) => (idKey(a) < idKey(b) ? -1 : 1));
  throw new GenerateError(
    GENERATE_ERRORS.Ambiguous,
    `The world has ${scopes.length} private link scopes; choose one with --private-link-scope: ${ids.join(", ")}.`,
  );
}

/** The options both connectivity methods check the same way. */
function commonChecks(o: OnboardingOptions): { os: Os; secretEnv: string } {
  const os = oneOf("--os", o.os, OS_VALUES);
  for (const [name, value] of [
    ["--resource-group", o.resourceGroup],
    ["--subscription-id", o.subscriptionId],
    ["--tenant-id", o.tenantId],
    ["--service-principal-id", o.servicePrincipalId],
  ] as const) {
    if (value !== undefined && !/^[\w.()-]+$/.test(value)) throw invalid(`Invalid value for ${name}: '${value}'.`);
  }
  const secretEnv = o.servicePrincipalSecretEnv ?? DEFAULT_SECRET_ENV;
  if (!isEnvName(secretEnv))
    throw invalid(`Invalid environment variable name '${secretEnv}' for the service principal secret.`);
  if (o.servicePrincipalSecretEnv && !o.servicePrincipalId)
    throw invalid("Option --service-principal-secret-env needs --service-principal-id.");
  if (o.servicePrincipalId && !o.tenantId)
    throw invalid(
      "Option --service-principal-id needs --tenant-id: azcmagent requires the tenant with a service principal.",
    );
  return { os, secretEnv };
}

/** The machine's subscription, resource group and region over the public endpoints: from the options and the world. */
function publicPlace(
  world: World,
  o: OnboardingOptions,
): { subscriptionId: string; resourceGroup: string; location: string } {
  if (o.privateLinkScope)
    throw invalid("Option --private-link-scope applies to --connectivity private-endpoint, not public-endpoint.");
  if (!o.resourceGroup)
    throw invalid(
      "Option --resource-group is required with --connectivity public-endpoint (there is no scope to take it from).",
    );
  const groups = world
    .ofType(RESOURCE_GROUP_TYPE)
    .filter((g) => g.name.toLowerCase() === o.resourceGroup!.toLowerCase())
    .filter((g) => !o.subscriptionId || parseId(g.id)?.subscriptionId.toLowerCase() === o.subscriptionId.toLowerCase());
  const subscriptions = [
    ...new Set(
      world
        .all()
        .map((r) => parseId(r.id)?.subscriptionId)
        .filter((x) => x !== undefined),
    ),
  ];
  const subscriptionId =
    o.subscriptionId ??
    (groups.length === 1
      ? parseId(groups[0].id)!.subscriptionId
      : subscriptions.length === 1
        ? subscriptions[0]
        : undefined);
  if (!subscriptionId)
    throw invalid(
      `Option --subscription-id is required with --connectivity public-endpoint: the world has ${subscriptions.length} subscriptions.`,
    );
  const rgLocation = groups.length === 1 ? groups[0].location : undefined;
  const location = o.location ?? rgLocation;
  if (!location)
    throw invalid(
      `Option --location is required with --connectivity public-endpoint: resource group '${o.resourceGroup}' is not in the world to take its region from.`,
    );
  return { subscriptionId, resourceGroup: o.resourceGroup, location: normalizeLocation(location) };
}

export function planOnboarding(
  world: World,
  o: OnboardingOptions,
): { plan: OnboardingPlan; warnings: string[]; notes: string[] } {
  const connectivity = oneOf("--connectivity", o.connectivity ?? "private-endpoint", CONNECTIVITY_VALUES);
  if (connectivity === "public-endpoint") return planPublic(world, o);
  const { os, secretEnv } = commonChecks(o);
  const { scope, notes } = chooseScope(world, o.privateLinkScope);
  const id = parseId(scope.id)!;
  if (!scope.location)
    throw new GenerateError(GENERATE_ERRORS.NothingToGenerate, `Private link scope '${scope.name}' has no location.`);
  const scopeRegion = normalizeLocation(scope.location);
  const location = o.location ? normalizeLocation(o.location) : scopeRegion;
  if (location !== scopeRegion) {
    throw new GenerateError(
      GENERATE_ERRORS.RegionMismatch,
      `Location '${o.location}' differs from the region '${scopeRegion}' of scope '${scope.name}'; a machine and its private link scope must be in the same region [DOC-PL].`,
    );
  }
  const warnings: string[] = [];
  const region = arcNamesForRegion(scopeRegion);
  warnings.push(...region.warnings);
  const endpoints = endpointsOfScope(world, scope.id);
  if (endpoints.length === 0) {
    warnings.push(
      `Scope '${scope.name}' has no private endpoint yet: 'azcmagent connect' checks the private endpoint and will fail until one exists.`,
    );
  }
  const checks = region.names
    .filter((n) => !n.zone.optional)
    .map((n) => ({
      fqdn: n.fqdn,
      expected: [
        ...new Set(endpoints.flatMap((e) => e.entries.filter((x) => x.fqdn === n.fqdn).flatMap((x) => x.ipAddresses))),
      ],
    }));
  return {
    plan: {
      os,
      connectivity,
      scopeId: scope.id,
      subscriptionId: o.subscriptionId ?? id.subscriptionId,
      resourceGroup: o.resourceGroup ?? id.resourceGroup!,
      location,
      ...rest(o, secretEnv),
      checks,
    },
    warnings,
    notes,
  };
}

/** The plan without a scope: the agent connects over Arc's public endpoints. */
function planPublic(world: World, o: OnboardingOptions): { plan: OnboardingPlan; warnings: string[]; notes: string[] } {
  const { os, secretEnv } = commonChecks(o);
  const place = publicPlace(world, o);
  const region = arcNamesForRegion(place.location);
  return {
    plan: {
      os,
      connectivity: "public-endpoint",
      ...place,
      ...rest(o, secretEnv),
      checks: region.names.filter((n) => !n.zone.optional).map((n) => ({ fqdn: n.fqdn, expected: [] })),
    },
    warnings: region.warnings,
    notes: [],
  };
}

function rest(
  o: OnboardingOptions,
  secretEnv: string,
): Pick<OnboardingPlan, "tenantId" | "cloud" | "tags" | "servicePrincipal"> {
  return {
    tenantId: o.tenantId,
    cloud: "AzureCloud",
    tags: formatTags(o.tags ?? {}),
    servicePrincipal: o.servicePrincipalId ? { id: o.servicePrincipalId, secretEnv } : undefined,
  };
}

/** The sentences both scripts say differently for each connectivity method. */
export function onboardingWording(p: OnboardingPlan) {
  const scope = p.scopeId?.split("/").pop();
  return scope
    ? {
        title: `Connect this server to Azure Arc through private link scope '${scope}' (${p.location}).`,
        precheck: [
          "1. Pre-check: each Arc name must resolve to the scope's private endpoint, or the agent goes",
          "   public and a scope without public access refuses it [DOC-PL; azcmagent check --enable-pls-check].",
        ],
        privateAnswer: "a private address but not the scope's private endpoint",
        summary:
          "Arc name(s) do not resolve to the private endpoint; fix DNS or the hosts file before relying on private link.",
        connect: "3. Connect through the private link scope [DOC-CONNECT].",
      }
    : {
        title: `Connect this server to Azure Arc over its public endpoints (${p.location}).`,
        precheck: [
          "1. Pre-check: each Arc name must resolve to a public address; a private answer means a private",
          "   endpoint, which accepts only machines of its private link scope [DOC-PL].",
        ],
        privateAnswer:
          "a private address: a private endpoint answers there, for machines of its private link scope only",
        summary: "Arc name(s) do not resolve to a public address; use the Private endpoint script, or fix DNS.",
        connect: "3. Connect over the public endpoints (no private link scope) [DOC-CONNECT].",
      };
}

/**
 * The script a user runs on a server to install the Connected Machine agent and
 * connect it: a DNS pre-check of the Arc names, the install, and `azcmagent connect`,
 * through a private link scope (`--private-link-scope <scope id>`) or, with connectivity
 * `public-endpoint`, over Arc's public endpoints (no scope) [DOC-CONNECT, DOC-PL, facts §10].
 *
 * @example
 * generateOnboardingScript(world, { os: "linux", privateLinkScope: "arc-pls" }).text
 * // ... azcmagent connect ... --private-link-scope "$PRIVATE_LINK_SCOPE"
 * generateOnboardingScript(world, { os: "linux", connectivity: "public-endpoint", resourceGroup: "servers" }).text
 * // ... azcmagent connect ... --location "$LOCATION" --cloud "$CLOUD"
 */
export function generateOnboardingScript(world: World, options: OnboardingOptions): Generated<OnboardingPlan> {
  const { plan, warnings, notes } = planOnboarding(world, options);
  const text = plan.os === "linux" ? linuxScript(plan) : windowsScript(plan);
  return { kind: "onboarding-script", text, data: plan, warnings, notes };
}
