import { ArmError } from "../../../rules/index.js";
import type { Resource } from "../../../world/index.js";
import {
  CHILD_MEMBERS,
  isObject,
  type Json,
  optionalEnum,
  optionalString,
  propertiesOf,
  propsPath,
  refuseUnsupported,
  stringArray,
} from "./body.js";
import { SECURITY_RULE_TYPE } from "./network-types.js";

/** The writable properties of a security rule (what a client sends and an export keeps). */
export const SECURITY_RULE_WRITABLE = [
  "description",
  "protocol",
  "sourcePortRange",
  "sourcePortRanges",
  "destinationPortRange",
  "destinationPortRanges",
  "sourceAddressPrefix",
  "sourceAddressPrefixes",
  "destinationAddressPrefix",
  "destinationAddressPrefixes",
  "access",
  "priority",
  "direction",
] as const;

const KNOWN = [
  ...SECURITY_RULE_WRITABLE,
  "provisioningState",
  "sourceApplicationSecurityGroups",
  "destinationApplicationSecurityGroups",
];

export const PROTOCOLS = ["Tcp", "Udp", "Icmp", "Esp", "*", "Ah"] as const;

function require<T>(value: T | undefined, name: string, ruleName: string, path: string): T {
  if (value === undefined) {
    throw new ArmError(
      "InvalidRequestFormat",
      `Security rule '${ruleName}' is missing the required property '${name}'.`,
      `${path}.${name}`,
    );
  }
  return value;
}

/** A port range token: `*`, `443` or `1000-2000`, ports 0–65535 [JS-NET SecurityRule]. */
export function validPortRange(range: string): boolean {
  if (range === "*") return true;
  const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(range.trim());
  if (!m) return false;
  const lo = Number(m[1]);
  const hi = m[2] === undefined ? lo : Number(m[2]);
  return lo <= 65535 && hi <= 65535 && lo <= hi;
}

function ports(p: Json, single: string, plural: string, ruleName: string, pp: string): Json {
  const one = optionalString(p[single], `${pp}.${single}`);
  const many = stringArray(p[plural], `${pp}.${plural}`) ?? [];
  for (const r of [...(one ? [one] : []), ...many]) {
    if (!validPortRange(r)) {
      throw new ArmError(
        "SecurityRuleInvalidPortRange",
        `Security rule '${ruleName}' has invalid port range. Value provided: ${r}. Value should be an integer or an integer range between 0 - 65535 ('*' for any).`,
        `${pp}.${one === r ? single : plural}`,
      );
    }
  }
  return { ...(one !== undefined ? { [single]: one } : {}), [plural]: many };
}

/**
 * Builds a stored security rule from a child PUT body or an NSG's inline
 * `securityRules[]` item. Priority range and uniqueness, and the address prefixes and
 * service tags, are rules (src/rules/network/security-rules.ts).
 */
export function buildSecurityRule(
  nsgId: string,
  name: string,
  body: unknown,
  path: string,
  existing?: Resource,
): Resource {
  if (!isObject(body))
    throw new ArmError("InvalidRequestContent", `The value of '${path}' must be a JSON object.`, path);
  const p = propertiesOf(body, CHILD_MEMBERS, KNOWN, "SecurityRule", path);
  const pp = propsPath(path);
  refuseUnsupported(p, ["sourceApplicationSecurityGroups", "destinationApplicationSecurityGroups"], pp);
  const priority = p.priority;
  if (priority !== undefined && (typeof priority !== "number" || !Number.isInteger(priority))) {
    throw new ArmError(
      "SecurityRuleInvalidPriority",
      `Security rule '${name}' has invalid priority. Value provided: ${JSON.stringify(priority)}. Allowed range 100-4096.`,
      `${pp}.priority`,
    );
  }
  const src = optionalString(p.sourceAddressPrefix, `${pp}.sourceAddressPrefix`);
  const dst = optionalString(p.destinationAddressPrefix, `${pp}.destinationAddressPrefix`);
  const properties: Json = {
    ...(p.description !== undefined ? { description: optionalString(p.description, `${pp}.description`) } : {}),
    protocol: require(optionalEnum(p.protocol, PROTOCOLS, `${pp}.protocol`), "protocol", name, pp),
    ...ports(p, "sourcePortRange", "sourcePortRanges", name, pp),
    ...ports(p, "destinationPortRange", "destinationPortRanges", name, pp),
    ...(src !== undefined ? { sourceAddressPrefix: src } : {}),
    sourceAddressPrefixes: stringArray(p.sourceAddressPrefixes, `${pp}.sourceAddressPrefixes`) ?? [],
    ...(dst !== undefined ? { destinationAddressPrefix: dst } : {}),
    destinationAddressPrefixes: stringArray(p.destinationAddressPrefixes, `${pp}.destinationAddressPrefixes`) ?? [],
    access: require(optionalEnum(p.access, ["Allow", "Deny"], `${pp}.access`), "access", name, pp),
    priority: require(priority as number | undefined, "priority", name, pp),
    direction: require(optionalEnum(p.direction, ["Inbound", "Outbound"], `${pp}.direction`), "direction", name, pp),
    provisioningState: "Succeeded",
  };
  return {
    id: existing?.id ?? `${nsgId}/securityRules/${name}`,
    name: existing?.name ?? name,
    type: SECURITY_RULE_TYPE,
    properties,
  };
}
