import { ArmError, jsonEqual } from "../../../rules/index.js";
import { type Resource, sameId, type World } from "../../../world/index.js";
import type { TypeHandler } from "../provider.js";
import {
  envelope,
  isObject,
  type Json,
  optionalArray,
  optionalBoolean,
  propertiesOf,
  TRACKED_MEMBERS,
} from "./body.js";
import { DEFAULT_SECURITY_RULES, defaultRuleProperties, defaultRulesView } from "./default-security-rules.js";
import { syncInlineChildren } from "./inline-children.js";
import { NETWORK_API_VERSIONS } from "./network-api-versions.js";
import { NSG_TYPE, SECURITY_RULE_TYPE, SUBNET_TYPE } from "./network-types.js";
import { buildSecurityRule } from "./security-rule-body.js";

const KNOWN = [
  "securityRules",
  "flushConnection",
  // Read-only.
  "defaultSecurityRules",
  "networkInterfaces",
  "subnets",
  "flowLogs",
  "resourceGuid",
  "provisioningState",
];

/** A client may echo the default rules from a GET; changing them is refused [facts §4.4]. */
function checkDefaultRulesUnchanged(value: unknown): void {
  for (const [i, item] of (optionalArray(value, "properties.defaultSecurityRules") ?? []).entries()) {
    const name = isObject(item) ? String(item.name ?? "") : "";
    const k = DEFAULT_SECURITY_RULES.findIndex(([n]) => n.toLowerCase() === name.toLowerCase());
    const sent = isObject(item) && isObject(item.properties) ? { ...item.properties } : undefined;
    const expected = k >= 0 ? defaultRuleProperties(k) : undefined;
    const same =
      sent !== undefined &&
      expected !== undefined &&
      Object.entries(sent).every(([key, v]) => key === "provisioningState" || jsonEqual(v, expected[key]));
    if (!same) {
      throw new ArmError(
        "ReadOnlyPropertyChanged",
        `The default security rule '${name}' is read-only and cannot be added or changed; add a rule to 'securityRules' with a priority from 100 to 4096 instead.`,
        `properties.defaultSecurityRules[${i}]`,
      );
    }
  }
}

/** Subnets associated with an NSG, from the subnets' `networkSecurityGroup.id`. */
export function subnetsUsingNsg(world: World, nsgId: string): Resource[] {
  return world
    .ofType(SUBNET_TYPE)
    .filter((s) => sameId((s.properties.networkSecurityGroup as Json | undefined)?.id as string | undefined, nsgId));
}

export function securityRuleView(r: Resource): Json {
  return { id: r.id, name: r.name, etag: `W/"${r.etag ?? ""}"`, type: SECURITY_RULE_TYPE, properties: r.properties };
}

/**
 * `Microsoft.Network/networkSecurityGroups` [JS-NET, EX-NET]: security rules inline
 * and as children, the six read-only default rules, and the read-only `subnets[]`
 * association computed from the subnets that name this NSG.
 */
export const networkSecurityGroups: TypeHandler = {
  type: NSG_TYPE,
  kind: "tracked",
  apiVersions: NETWORK_API_VERSIONS,
  asyncPut: true,
  readOnly: ["properties.provisioningState", "properties.resourceGuid"],
  put(ctx, { id, body, existing }) {
    const p = propertiesOf(body, TRACKED_MEMBERS, KNOWN, "NetworkSecurityGroup");
    checkDefaultRulesUnchanged(p.defaultSecurityRules);
    const rules = syncInlineChildren(
      ctx.world,
      ctx,
      id.id,
      SECURITY_RULE_TYPE,
      p.securityRules,
      "properties.securityRules",
      (name, item, path, prev) => buildSecurityRule(id.id, name, item, path, prev),
    );
    const flush = optionalBoolean(p.flushConnection, "properties.flushConnection");
    const resource: Resource = {
      id: id.id,
      name: id.name,
      type: NSG_TYPE,
      properties: {
        ...(flush !== undefined ? { flushConnection: flush } : {}),
        resourceGuid: (existing?.properties.resourceGuid as string | undefined) ?? ctx.newGuid(),
        provisioningState: "Succeeded",
      },
    };
    return { resource, effects: rules };
  },
  view(world, r) {
    const subnets = subnetsUsingNsg(world, r.id).map((s) => ({ id: s.id }));
    return envelope(r, {
      ...r.properties,
      securityRules: world.under(r.id, SECURITY_RULE_TYPE).map(securityRuleView),
      defaultSecurityRules: defaultRulesView(r),
      ...(subnets.length ? { subnets } : {}),
    });
  },
};
