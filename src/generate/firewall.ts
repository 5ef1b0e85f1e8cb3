import { oneOf } from "./errors.js";
import { type Generated, joinLines } from "./generated.js";
import { psQuote } from "./quote.js";
import {
  builtInServiceTags,
  type ParsedServiceTags,
  parseServiceTags,
  pickTags,
  type TagPrefixes,
} from "./service-tags-file.js";

export const FIREWALL_FORMATS = ["nftables", "iptables", "windows-firewall"] as const;
export type FirewallFormat = (typeof FIREWALL_FORMATS)[number];

/** With private link, Entra ID and ARM stay public: the docs' firewall guidance [DOC-PL, facts §9]. */
export const DEFAULT_FIREWALL_TAGS = ["AzureActiveDirectory", "AzureResourceManager"] as const;

/** Addresses per Windows Firewall rule: large tags are split over several rules. */
export const WINDOWS_ADDRESSES_PER_RULE = 1000;

export interface FirewallOptions {
  format: string;
  tags?: readonly string[];
  /** A parsed service tags document (download file or API response); default the built-in catalog. */
  serviceTags?: unknown;
  /** Where `serviceTags` came from, for messages and the header. */
  serviceTagsSource?: string;
}

export interface FirewallData {
  format: FirewallFormat;
  source: string;
  changeNumber: string;
  cloud: string;
  tags: TagPrefixes[];
}

const setName = (tag: string, family: "v4" | "v6") => `arc_${tag.toLowerCase().replace(/[^a-z0-9]+/g, "_")}_${family}`;

function nftables(tags: readonly TagPrefixes[]): string[] {
  const out = [
    "#!/usr/sbin/nft -f",
    "add table inet filter",
    "add chain inet filter output { type filter hook output priority 0; }",
  ];
  for (const tag of tags) {
    for (const [family, type, match, prefixes] of [
      ["v4", "ipv4_addr", "ip", tag.ipv4],
      ["v6", "ipv6_addr", "ip6", tag.ipv6],
    ] as const) {
      if (prefixes.length === 0) continue;
      const set = setName(tag.name, family);
      out.push(
        `add set inet filter ${set} { type ${type}; flags interval; auto-merge; }`,
        `add element inet filter ${set} { ${prefixes.join(", ")} }`,
        `insert rule inet filter output ${match} daddr @${set} tcp dport 443 accept comment "${tag.name}"`,
      );
    }
  }
  return out;
}

function iptables(tags: readonly TagPrefixes[]): string[] {
  const out = ["#!/bin/sh", "set -e"];
  for (const tag of tags) {
    for (const [cmd, prefixes] of [
      ["iptables", tag.ipv4],
      ["ip6tables", tag.ipv6],
    ] as const) {
      for (const p of prefixes) {
        out.push(`${cmd} -I OUTPUT -p tcp -d ${p} --dport 443 -m comment --comment "arc ${tag.name}" -j ACCEPT`);
      }
    }
  }
  return out;
}

function windowsFirewall(tags: readonly TagPrefixes[]): string[] {
  const out = ["#Requires -RunAsAdministrator"];
  for (const tag of tags) {
    for (const [family, prefixes] of [
      ["IPv4", tag.ipv4],
      ["IPv6", tag.ipv6],
    ] as const) {
      for (let i = 0; i < prefixes.length; i += WINDOWS_ADDRESSES_PER_RULE) {
        const part = prefixes.length > WINDOWS_ADDRESSES_PER_RULE ? ` part ${i / WINDOWS_ADDRESSES_PER_RULE + 1}` : "";
        const chunk = prefixes.slice(i, i + WINDOWS_ADDRESSES_PER_RULE);
        out.push(
          `New-NetFirewallRule -DisplayName ${psQuote(`Azure Arc: ${tag.name} ${family}${part} (TCP 443)`)} -Direction Outbound -Action Allow -Protocol TCP -RemotePort 443 -RemoteAddress ${chunk.map(psQuote).join(", ")}`,
        );
      }
    }
  }
  return out;
}

/**
 * Host firewall rules allowing outbound TCP 443 to the address prefixes of service
 * tags, IPv4 and IPv6 apart, from a downloaded service tags file or the built-in
 * catalog [ST, DOC-NET, DOC-PL]. Rules are inserted first so a later drop does not hide them.
 *
 * @example
 * generateFirewall({ format: "iptables" }).text
 * // iptables -I OUTPUT -p tcp -d 20.190.128.0/18 --dport 443 -m comment --comment "arc AzureActiveDirectory" -j ACCEPT
 */
export function generateFirewall(options: FirewallOptions): Generated<FirewallData> {
  const format = oneOf("--format", options.format, FIREWALL_FORMATS);
  const source =
    options.serviceTags === undefined ? "the built-in catalog" : (options.serviceTagsSource ?? "the service tags file");
  const file: ParsedServiceTags =
    options.serviceTags === undefined ? builtInServiceTags() : parseServiceTags(options.serviceTags, source);
  const names = options.tags?.length ? options.tags : DEFAULT_FIREWALL_TAGS;
  const tags = pickTags(file, [...new Set(names)], source).map((t) => ({
    name: t.name,
    ipv4: [...new Set(t.ipv4)],
    ipv6: [...new Set(t.ipv6)],
  }));
  const warnings = tags
    .filter((t) => t.ipv4.length + t.ipv6.length === 0)
    .map((t) => `Service tag '${t.name}' has no address prefixes in ${source}.`);
  const header = [
    `# Allow outbound TCP 443 to service tags ${tags.map((t) => t.name).join(", ")}`,
    `# from ${source}${file.changeNumber ? ` (change number ${file.changeNumber}, cloud ${file.cloud || "unknown"})` : ""}.`,
    `# Azure Arc private link: Entra ID and ARM stay public while Arc names go to the private endpoint [DOC-PL].`,
  ];
  const body = format === "nftables" ? nftables(tags) : format === "iptables" ? iptables(tags) : windowsFirewall(tags);
  const [first, ...rest] = body;
  return {
    kind: "firewall",
    text: joinLines([first, ...header, ...rest]),
    data: { format, source, changeNumber: file.changeNumber, cloud: file.cloud, tags },
    warnings,
  };
}
