import { idKey, parseId } from "../world/arm-id.js";
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

export interface OnboardingOptions {
  os: string;
  /**
   * The scope's resource id (or its name, when unique): `azcmagent connect --private-link-scope`
   * [facts §10]. Default: the world's only scope (the plan's `notes` say which).
   */
  privateLinkScope?: string;
  /** Default: the scope's resource group. */
  resourceGroup?: string;
  /** Default: the scope's region; another region is refused (machine and scope share one [DOC-PL]). */
  location?: string;
  /** Default: the scope's subscription. */
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
  scopeId: string;
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  tenantId?: string;
  cloud: "AzureCloud";
  /** `azcmagent --tags` value: `Name=Value,Name2='Value with spaces'` [DOC-CONNECT]. */
  tags?: string;
  servicePrincipal?: { id: string; secretEnv: string };
  /** Arc names to resolve before connecting, with the scope's private endpoint addresses for each. */
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

export function planOnboarding(
  world: World,
  o: OnboardingOptions,
): { plan: OnboardingPlan; warnings: string[]; notes: string[] } {
  const os = oneOf("--os", o.os, OS_VALUES);
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
      scopeId: scope.id,
      subscriptionId: o.subscriptionId ?? id.subscriptionId,
      resourceGroup: o.resourceGroup ?? id.resourceGroup!,
      location,
      tenantId: o.tenantId,
      cloud: "AzureCloud",
      tags: formatTags(o.tags ?? {}),
      servicePrincipal: o.servicePrincipalId ? { id: o.servicePrincipalId, secretEnv } : undefined,
      checks,
    },
    warnings,
    notes,
  };
}

/**
 * The script a user runs on a server to install the Connected Machine agent and
 * connect it through a private link scope: a DNS pre-check of the Arc names, the
 * install, and `azcmagent connect --private-link-scope <scope id>` [DOC-CONNECT, DOC-PL, facts §10].
 *
 * @example
 * generateOnboardingScript(world, { os: "linux", privateLinkScope: "arc-pls" }).text
 * // ... azcmagent connect ... --private-link-scope "$PRIVATE_LINK_SCOPE"
 */
export function generateOnboardingScript(world: World, options: OnboardingOptions): Generated<OnboardingPlan> {
  const { plan, warnings, notes } = planOnboarding(world, options);
  const text = plan.os === "linux" ? linuxScript(plan) : windowsScript(plan);
  return { kind: "onboarding-script", text, data: plan, warnings, notes };
}
