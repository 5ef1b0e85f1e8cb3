import { NSG_TYPE, readSecurityRules } from "../semantics/model/network.js";
import { parseId } from "../world/arm-id.js";
import type { World } from "../world/world.js";
import { GENERATE_ERRORS, GenerateError, oneOf } from "./errors.js";
import { type Generated, joinLines } from "./generated.js";
import { findResource } from "./lookup.js";
import { bashQuote } from "./quote.js";

export const NSG_FORMATS = ["arm", "cli", "bicep"] as const;
export type NsgFormat = (typeof NSG_FORMATS)[number];

/** A security rule in the REST shape of `securityRules[]` [JS-NET, EX-NET]. */
export interface SecurityRuleBody {
  name: string;
  properties: {
    description: string;
    protocol: "Tcp";
    sourcePortRange: "*";
    destinationPortRange: "443";
    sourceAddressPrefix: "VirtualNetwork";
    destinationAddressPrefix: string;
    access: "Allow";
    priority: number;
    direction: "Outbound";
  };
}

function rule(name: string, priority: number, tag: string, what: string): SecurityRuleBody {
  return {
    name,
    properties: {
      description: `Azure Arc private link: ${what} stays public [DOC-PL].`,
      protocol: "Tcp",
      sourcePortRange: "*",
      destinationPortRange: "443",
      sourceAddressPrefix: "VirtualNetwork",
      destinationAddressPrefix: tag,
      access: "Allow",
      priority,
      direction: "Outbound",
    },
  };
}

/** The two outbound rules the Arc private link docs add: Entra ID and ARM stay public [DOC-PL, facts §4.4]. */
export const ARC_NSG_RULES: readonly SecurityRuleBody[] = [
  rule("AllowAADOutboundAccess", 150, "AzureActiveDirectory", "Microsoft Entra ID"),
  rule("AllowAzOutboundAccess", 151, "AzureResourceManager", "Azure Resource Manager"),
];

/** The Network api-version the Bicep uses: what Azure CLI 2.45 sends [CLI245]. */
export const BICEP_NETWORK_API = "2022-01-01";

export interface NsgRulesOptions {
  format?: string;
  /** An NSG in the world (id or name): fills in its resource group and name and checks for clashes. */
  nsg?: string;
}

export interface NsgRulesData {
  format: NsgFormat;
  nsgId?: string;
  securityRules: SecurityRuleBody[];
}

function cli(nsgRg: string, nsgName: string, r: SecurityRuleBody): string {
  const p = r.properties;
  return [
    `az network nsg rule create --resource-group ${nsgRg} --nsg-name ${nsgName} --name ${r.name}`,
    `  --priority ${p.priority} --direction ${p.direction} --access ${p.access} --protocol ${p.protocol}`,
    `  --source-address-prefixes ${p.sourceAddressPrefix} --source-port-ranges '*'`,
    `  --destination-address-prefixes ${p.destinationAddressPrefix} --destination-port-ranges ${p.destinationPortRange}`,
    `  --description ${bashQuote(p.description)}`,
  ].join(" \\\n");
}

function bicep(nsgName: string | undefined, rules: readonly SecurityRuleBody[]): string[] {
  const q = (s: string) => `'${s.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
  return [
    "// Azure Arc private link: outbound rules for Microsoft Entra ID and Azure Resource Manager [DOC-PL].",
    ...(nsgName ? [] : ["param nsgName string"]),
    `resource nsg 'Microsoft.Network/networkSecurityGroups@${BICEP_NETWORK_API}' existing = {`,
    `  name: ${nsgName ? q(nsgName) : "nsgName"}`,
    "}",
    ...rules.flatMap((r) => [
      "",
      `resource ${r.name.charAt(0).toLowerCase()}${r.name.slice(1)} 'Microsoft.Network/networkSecurityGroups/securityRules@${BICEP_NETWORK_API}' = {`,
      "  parent: nsg",
      `  name: ${q(r.name)}`,
      "  properties: {",
      ...Object.entries(r.properties).map(([k, v]) => `    ${k}: ${typeof v === "number" ? v : q(v)}`),
      "  }",
      "}",
    ]),
  ];
}

/**
 * The NSG rules for machines in Azure that use Arc private link, as ARM JSON
 * (`securityRules`), Azure CLI commands or Bicep [DOC-PL, facts §4.4].
 *
 * @example
 * generateNsgRules(undefined, { format: "cli" }).text
 * // az network nsg rule create --resource-group "$RESOURCE_GROUP" --nsg-name "$NSG_NAME" --name AllowAADOutboundAccess ...
 */
export function generateNsgRules(world: World | undefined, options: NsgRulesOptions = {}): Generated<NsgRulesData> {
  const format = oneOf("--format", options.format ?? "arm", NSG_FORMATS);
  const warnings: string[] = [];
  if (options.nsg && !world) {
    throw new GenerateError(
      GENERATE_ERRORS.InvalidOption,
      `Option --nsg '${options.nsg}' needs a world to look it up in.`,
    );
  }
  const nsg = options.nsg && world ? findResource(world, options.nsg, NSG_TYPE, "Network security group") : undefined;
  if (nsg) {
    for (const existing of readSecurityRules(world!, nsg.id) ?? []) {
      const same = ARC_NSG_RULES.find((r) => r.name.toLowerCase() === existing.name.toLowerCase());
      const clash = ARC_NSG_RULES.find(
        (r) => r.properties.priority === existing.priority && existing.direction === "Outbound" && r !== same,
      );
      if (same) warnings.push(`NSG '${nsg.name}' already has rule '${existing.name}'; applying replaces it.`);
      if (clash && clash.name.toLowerCase() !== existing.name.toLowerCase()) {
        warnings.push(
          `NSG '${nsg.name}' rule '${existing.name}' already uses outbound priority ${existing.priority}; priorities must be unique, so '${clash.name}' would be refused.`,
        );
      }
    }
  }
  const rules = ARC_NSG_RULES.map((r) => structuredClone(r));
  let lines: string[];
  if (format === "arm") {
    lines = [JSON.stringify(rules, null, 2)];
  } else if (format === "cli") {
    const rg = nsg ? bashQuote(parseId(nsg.id)?.resourceGroup ?? "") : '"$RESOURCE_GROUP"';
    const name = nsg ? bashQuote(nsg.name) : '"$NSG_NAME"';
    lines = [
      "#!/usr/bin/env bash",
      "# Azure Arc private link: Microsoft Entra ID and Azure Resource Manager stay public [DOC-PL].",
      "set -euo pipefail",
      ...(nsg
        ? []
        : [
            // biome-ignore lint/suspicious/noTemplateCurlyInString: bash parameter expansion, not a template
            ': "${RESOURCE_GROUP:?set RESOURCE_GROUP to the NSG\'s resource group}"',
            // biome-ignore lint/suspicious/noTemplateCurlyInString: bash parameter expansion, not a template
            ': "${NSG_NAME:?set NSG_NAME to the NSG\'s name}"',
          ]),
      ...rules.map((r) => cli(rg, name, r)),
    ];
  } else {
    lines = bicep(nsg?.name, rules);
  }
  return {
    kind: "nsg-rules",
    text: joinLines(lines),
    data: { format, nsgId: nsg?.id, securityRules: rules },
    warnings,
  };
}
